package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.EditionInfo;
import dev.switchboard.ports.model.Feature;
import java.util.Arrays;
import java.util.List;

/** The body of {@code GET /v1/edition}: the edition, its features in a stable order, and whether admin exists. */
record EditionJson(String edition, List<String> features, boolean adminEnabled) {

    static EditionJson from(EditionInfo info) {
        return new EditionJson(info.edition().wireName(), Arrays.stream(Feature.values())
                .filter(info.features()::contains).map(Feature::wireName).toList(), info.adminEnabled());
    }
}
