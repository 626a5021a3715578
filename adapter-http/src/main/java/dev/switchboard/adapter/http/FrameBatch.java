package dev.switchboard.adapter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frames one round of a connection sends, encoded to JSON as they are added, in order. They are written
 * one after the other into one buffer through one generator, so that a round costs one generator and one
 * growing array however many frames it holds, rather than a generator, an encoder context and an array per
 * frame; each frame goes out as its slice of the buffer.
 */
final class FrameBatch {
    private final WireJson json;
    private final Bytes bytes = new Bytes();
    /** Where each frame ends in {@link #bytes}; frame i starts where frame i - 1 ends. */
    private int[] ends = new int[4];
    private int count;
    private JsonGenerator generator;

    FrameBatch(WireJson json) {
        this.json = json;
    }

    void add(Object frame) {
        int start = bytes.size();
        try {
            if (generator == null) {
                generator = json.generator(bytes);
            }
            json.write(generator, frame);
            generator.flush();
        } catch (IOException | RuntimeException e) {
            // Nothing of a frame that could not be written goes out, and the generator may be mid-object.
            bytes.truncate(start);
            generator = null;
            throw new IllegalStateException("cannot serialise " + frame.getClass().getSimpleName(), e);
        }
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = bytes.size();
    }

    /** The frames added so far, as UTF-8 JSON text; more may be added afterwards. */
    List<ByteBuffer> frames() {
        release();
        byte[] array = bytes.array();
        List<ByteBuffer> frames = new ArrayList<>(count);
        for (int i = 0, start = 0; i < count; start = ends[i++]) {
            frames.add(ByteBuffer.wrap(array, start, ends[i] - start));
        }
        return frames;
    }

    /** Gives the generator's buffers back to Jackson's pool; a later {@link #add} takes a new generator. */
    private void release() {
        if (generator != null) {
            try {
                generator.close();
            } catch (IOException e) {
                throw new IllegalStateException("cannot close a generator over memory", e);
            } finally {
                generator = null;
            }
        }
    }

    /** An in-memory stream whose array is read in place; slices taken earlier stay valid as it grows. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(256);
        }

        byte[] array() {
            return buf;
        }

        void truncate(int size) {
            count = size;
        }
    }
}
