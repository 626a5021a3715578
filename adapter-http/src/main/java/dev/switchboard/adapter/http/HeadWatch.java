package dev.switchboard.adapter.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits before the HTTP codec and tells the {@link HttpConnection} when bytes arrive, so that the clock of a
 * request head starts with its first byte, not when the codec has read it whole.
 */
final class HeadWatch extends ChannelInboundHandlerAdapter {
    private final HttpConnection connection;

    HeadWatch(HttpConnection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        connection.bytesArrived();
        ctx.fireChannelRead(message);
    }
}
