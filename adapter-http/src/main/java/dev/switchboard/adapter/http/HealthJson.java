package dev.switchboard.adapter.http;

/**
 * The body of {@code GET /health}: {@code up} or {@code down}, this server's version, its store's kind, and
 * whether it is ready for traffic (up and not shutting down).
 */
record HealthJson(String status, String version, String store, boolean ready) {}
