package dev.switchboard.adapter.http;

/** One offer of a publish request: {@code {"sdp":"v=0..."}}. */
record SdpJson(String sdp) {}
