package dev.switchboard.adapter.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Switches an admitted request's connection to another protocol. The HTTP side calls it on the connection's
 * event loop, once it has let go of the connection (its own handlers are gone from the pipeline, the HTTP
 * codec is still there); the upgrade answers the request itself (101, or a refusal) and takes the connection.
 */
@FunctionalInterface
interface SocketUpgrade {
    /** Answers {@code request} on {@code channel}; the future completes once the answer is written. */
    ChannelFuture switchProtocols(Channel channel, HttpRequest request);
}
