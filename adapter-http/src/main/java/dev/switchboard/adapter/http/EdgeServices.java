package dev.switchboard.adapter.http;

/** What the edge shares with the routes that take part in it: rate limits, the origin allow-list, the meters. */
record EdgeServices(RateLimits rateLimits, Cors cors, HttpMetrics metrics) {}
