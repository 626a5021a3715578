package dev.switchboard.adapter.http;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one HTTP/1.1 connection, one exchange at a time: each request runs through the chain as an
 * {@link HttpExchange}; requests a client pipelines behind it wait their turn. The connection reads only when
 * it has a use for the bytes (the next request's head, or a body an endpoint asked for), so a client cannot
 * pile data up in the server while its request is being answered. A connection with no request under way is
 * closed after the idle timeout, and one whose head does not arrive whole within the header read timeout
 * is closed too.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);
    /** How long a closing connection goes on reading (and dropping) what the client still sends. */
    private static final long LINGER_SECONDS = 2;

    private final ExchangeHandler chain;
    private final boolean secure;
    private final long idleTimeoutNanos;
    private final long headTimeoutNanos;
    private final Queue<Object> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private HttpExchange current;
    private ScheduledFuture<?> timer;
    private boolean headUnderWay;
    private boolean lingering;

    HttpConnection(ExchangeHandler chain, boolean secure, Duration idleTimeout, Duration headerReadTimeout) {
        this.chain = chain;
        this.secure = secure;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.headTimeoutNanos = headerReadTimeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        awaitNextRequest();
        ctx.read();
        ctx.fireChannelActive();
    }

    /** The first bytes of a head arrived (seen before the codec decodes them): its clock starts. */
    void bytesArrived() {
        if (current == null && waiting.isEmpty() && !headUnderWay) {
            headUnderWay = true;
            schedule(headTimeoutNanos, "its request head did not arrive within the header read timeout");
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (lingering) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (!waiting.isEmpty() || current != null && message instanceof HttpRequest) {
            waiting.add(message);
            return;
        }
        dispatch(message);
    }

    private void dispatch(Object message) {
        if (message instanceof HttpRequest request) {
            begin(request);
        } else if (message instanceof HttpContent content && current != null) {
            current.contentArrived(content);
        } else {
            // What is left of a request already answered, whose connection is closing.
            ReferenceCountUtil.release(message);
        }
    }

    private void begin(HttpRequest request) {
        cancelTimer();
        headUnderWay = false;
        HttpExchange exchange = new HttpExchange(this, ctx.channel(), request, secure);
        current = exchange;
        try {
            chain.handle(exchange);
        } catch (Exception e) {
            LOG.error("the request chain failed unexpectedly; closing the connection", e);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inputWanted();
        ctx.fireChannelReadComplete();
    }

    /** Reads on if the connection has a use for more bytes now (event loop). */
    void inputWanted() {
        boolean idle = current == null && waiting.isEmpty();
        if (ctx.channel().isActive() && (lingering || idle || current != null && current.wantsBody())) {
            ctx.read();
        }
    }

    /** The exchange is over (event loop): on to the next request, if the connection stays. */
    void exchangeDone(HttpExchange exchange, boolean keepConnection) {
        if (exchange != current) {
            return;
        }
        current = null;
        if (!keepConnection || !ctx.channel().isActive()) {
            releaseWaiting();
            closeGently();
            return;
        }
        // A pipelined request's head starts its exchange; the parts of its body that came with it follow it in.
        while (!waiting.isEmpty() && (current == null || waiting.peek() instanceof HttpContent)) {
            dispatch(waiting.poll());
        }
        if (current == null) {
            awaitNextRequest();
            inputWanted();
        }
    }

    /** The exchange switched protocols: this connection is no longer HTTP's to serve (event loop). */
    void handOver() {
        cancelTimer();
        current = null;
        releaseWaiting();
        ctx.pipeline().remove(HeadWatch.class);
        ctx.pipeline().remove(this);
        ctx.channel().config().setAutoRead(true);
    }

    /**
     * Closes our side first and reads on for a moment, dropping what comes: closing with unread bytes would make
     * the system reset the connection, and a client still sending its body would then lose the answer.
     */
    private void closeGently() {
        if (lingering || !ctx.channel().isActive()) {
            return;
        }
        lingering = true;
        cancelTimer();
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        ChannelFuture closing = tls != null ? tls.closeOutbound()
                : ctx.channel() instanceof DuplexChannel duplex ? duplex.shutdownOutput() : ctx.close();
        closing.addListener(closed -> {
            schedule(TimeUnit.SECONDS.toNanos(LINGER_SECONDS), "it closed after its last answer");
            inputWanted();
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimer();
        releaseWaiting();
        if (current != null) {
            current.connectionLost();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection from {} failed; closing it", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    private void awaitNextRequest() {
        schedule(idleTimeoutNanos, "it stayed idle for the idle timeout");
    }

    private void schedule(long nanos, String why) {
        cancelTimer();
        timer = ctx.executor().schedule(() -> {
            LOG.debug("closing the connection from {}: {}", ctx.channel().remoteAddress(), why);
            ctx.close();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void releaseWaiting() {
        Object message;
        while ((message = waiting.poll()) != null) {
            ReferenceCountUtil.release(message);
        }
    }
}
