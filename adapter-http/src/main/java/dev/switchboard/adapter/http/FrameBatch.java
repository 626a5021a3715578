package dev.switchboard.adapter.http;

import java.util.ArrayList;
import java.util.List;

/** The frames one round of a connection sends, encoded to JSON as they are added, in order. */
final class FrameBatch {
    private final WireJson json;
    private final List<byte[]> frames = new ArrayList<>(4);

    FrameBatch(WireJson json) {
        this.json = json;
    }

    void add(Object frame) {
        frames.add(json.write(frame));
    }

    List<byte[]> frames() {
        return frames;
    }
}
