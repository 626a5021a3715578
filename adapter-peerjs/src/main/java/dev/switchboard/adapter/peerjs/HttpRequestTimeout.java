package dev.switchboard.adapter.peerjs;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes an HTTP connection that does not deliver a whole request within the alive timeout of opening or of its
 * previous answer, so that a client that sends half a head, trickles its bytes, or leaves an idle connection
 * open cannot hold a socket (a file) for ever. It sits after the aggregator, where whole requests come in and
 * answers go out; once a {@code 101} goes out, the socket's liveness is {@link PeerLiveness}'s and this handler
 * leaves the pipeline.
 */
final class HttpRequestTimeout extends ChannelDuplexHandler {
    private final long timeoutNanos;
    private ScheduledFuture<?> timer;

    HttpRequestTimeout(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof FullHttpRequest) {
            disarm();
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (!(message instanceof HttpResponse response)) {
            ctx.write(message, promise);
        } else if (response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
            disarm();
            ctx.write(message, promise);
            ctx.pipeline().remove(this);
        } else {
            ctx.write(message, promise.unvoid()).addListener(written -> arm(ctx));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        if (ctx.channel().isActive()) {
            timer = ctx.executor().schedule((Runnable) ctx::close, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
