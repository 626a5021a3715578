package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.transport.netty.FrameRateLimit;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open WebSocket, from the upgrade to the close. What happens on the network (a frame, a pong, a
 * timer) is handled on the socket's event loop, which only checks the rate, notes signs of life and hands
 * work over; everything that calls a use case runs in the socket's {@link SocketRounds} on a worker.
 */
final class WebSocketConnection {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);

    private final Channel channel;
    private final Identity owner;
    private final SocketAdmission admission;
    private final SocketContext context;
    private final Outbox outbox;
    private final Heartbeat heartbeat;
    private final FrameRateLimit rateLimit;
    private final SocketRounds rounds;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();

    /** A connection for {@code channel} that does nothing until {@link #start}. */
    WebSocketConnection(SocketContext context, Channel channel, SocketAdmission admission) {
        this.channel = channel;
        this.owner = admission.owner();
        this.admission = admission;
        this.context = context;
        this.outbox = new Outbox(channel, context.edge().metrics());
        this.heartbeat = new Heartbeat(channel.eventLoop(), context.settings(), outbox::ping,
                () -> close(SocketClose.IDLE));
        this.rateLimit = new FrameRateLimit(context.settings().framesPerSecond(), context.settings().frameBurst(),
                System.nanoTime());
        this.rounds = new SocketRounds(context, context.roundsOf(channel), admission, outbox, this::close);
    }

    /** The handler that passes this connection the frames its channel reads. */
    InboundFrames inbound() {
        return new InboundFrames(this, context.settings().maxFrameBytes());
    }

    /** Takes over a socket that has just switched protocols (event loop); its admission is this connection's now. */
    void start() {
        channel.closeFuture().addListener(closed -> release());
        if (!channel.isActive()) {
            release();
            return;
        }
        heartbeat.start(System.nanoTime());
        if (!context.sockets().add(this)) {
            close(SocketClose.SHUTDOWN);
            return;
        }
        LOG.debug("WebSocket of {} open from {}", owner.keyId(), channel.remoteAddress());
        rounds.start();
    }

    /** A text frame arrived (event loop). */
    void received(String text) {
        long now = System.nanoTime();
        if (closing.get()) {
            return;
        }
        context.edge().metrics().frameIn();
        if (!rateLimit.admit(now)) {
            close(SocketClose.RATE_LIMIT);
            return;
        }
        lifeSign(now);
        rounds.frameArrived(text);
    }

    /** A binary frame arrived (event loop): refused like a malformed text frame, in its turn. */
    void receivedBinary() {
        received(ClientFrames.BINARY_FRAME);
    }

    /** A ping arrived (event loop): answered, and the client is alive. */
    void pinged(ByteBuf payload) {
        lifeSign(System.nanoTime());
        outbox.pong(payload);
    }

    /** A frame, a ping or a pong arrived (event loop): the client is alive. */
    void lifeSign(long now) {
        if (heartbeat.lifeSign(now)) {
            rounds.keepAliveDue();
        }
    }

    /** The client sent its close frame (event loop): answered, and the connection ends. */
    void closeReceived(CloseWebSocketFrame close) {
        closing.set(true);
        rounds.halt();
        outbox.closeReceived(close);
    }

    /** Sends a close frame with the cause's code and reason; the connection ends when the client answers. */
    void close(SocketClose cause) {
        if (closing.compareAndSet(false, true)) {
            rounds.halt();
            LOG.debug("closing the WebSocket of {}: {} {}", owner.keyId(), cause.code(), cause.reason());
            outbox.close(cause);
        }
    }

    /** The client broke the protocol (event loop): a close frame with {@code code}, and the connection ends. */
    void fail(int code, String reason) {
        closing.set(true);
        rounds.halt();
        LOG.debug("failing the WebSocket of {}: {} {}", owner.keyId(), code, reason);
        outbox.fail(code, reason);
    }

    /** Runs once when the socket closes, for whatever reason. */
    private void release() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        closing.set(true);
        heartbeat.stop();
        rounds.halt();
        admission.slot().release();
        context.sockets().remove(this);
        LOG.debug("WebSocket of {} closed", owner.keyId());
    }
}
