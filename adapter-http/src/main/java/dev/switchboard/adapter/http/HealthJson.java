package dev.switchboard.adapter.http;

/** The body of {@code GET /health}: {@code up} or {@code down}, this server's version, and its store's kind. */
record HealthJson(String status, String version, String store) {}
