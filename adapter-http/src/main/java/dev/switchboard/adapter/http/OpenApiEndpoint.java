package dev.switchboard.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.yaml}: the API description copied from {@code docs/openapi.yaml} into the jar. */
final class OpenApiEndpoint implements Endpoint {
    static final String RESOURCE = "openapi.yaml";

    private final byte[] document;

    private OpenApiEndpoint(byte[] document) {
        this.document = document;
    }

    /** Reads the document once, failing at start rather than on the first request if the build lost it. */
    static OpenApiEndpoint fromClasspath() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the adapter's jar");
            }
            return new OpenApiEndpoint(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public Reply handle(Call call) {
        return new Reply.Document("application/yaml", document);
    }
}
