package dev.switchboard.adapter.http;

/**
 * Names one fact that a step of the request chain attaches to an {@link HttpExchange} for a later step, typed so
 * that the reader gets back what the writer put. Keys are compared by identity: each is a constant.
 */
final class AttachmentKey<T> {
    private final String name;

    private AttachmentKey(String name) {
        this.name = name;
    }

    static <T> AttachmentKey<T> named(String name) {
        return new AttachmentKey<>(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
