package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Subscription;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use-case side of one WebSocket: everything that calls a use case, in rounds that its {@link DrainLoop}
 * runs one at a time, on a worker (or on the socket's event loop when the use cases never block). A round welcomes the client (the first time, after subscribing to its news), carries
 * out the frames it sent in the order they came, refreshes its presence when due, and pushes what is new
 * for it; the round's frames leave as one batch. Wake-ups during a round coalesce into one more round; a
 * round takes a bounded share of the work (a few dozen frames, a page of messages) and asks for another
 * when more is waiting, so batches stay small and latency low.
 */
final class SocketRounds {
    /** Client frames one round carries out, so that its batch of answers stays small. */
    static final int FRAMES_PER_ROUND = 64;
    private static final Logger LOG = LoggerFactory.getLogger(SocketRounds.class);

    private final SocketContext context;
    private final SocketAdmission admission;
    private final Identity owner;
    private final Outbox outbox;
    private final Consumer<SocketClose> close;
    private final ClientFrames frames;
    private final Deliveries deliveries;
    private final DrainLoop drain;
    private final Queue<String> inbound = new ConcurrentLinkedQueue<>();
    private volatile boolean pushDue = true;
    private volatile boolean keepAliveDue;
    private volatile boolean halted;
    private volatile Subscription watch;
    private boolean welcomed;

    /** @param close how a round closes the socket (a refused client, a failed push) */
    SocketRounds(SocketContext context, Executor runsOn, SocketAdmission admission, Outbox outbox,
            Consumer<SocketClose> close) {
        this.context = context;
        this.admission = admission;
        this.owner = admission.owner();
        this.outbox = outbox;
        this.close = close;
        this.frames = new ClientFrames(owner, context.pairing().sendSignal(), context.pairing().acknowledgeMessages(),
                context.frameReader());
        this.deliveries = new Deliveries(owner, context.pairing().fetchMessages(), context.pollEvents(),
                admission.after(), admission.eventsAfter());
        this.drain = new DrainLoop(runsOn, this::round, () -> close.accept(SocketClose.SHUTDOWN));
    }

    /** Runs the first round: the welcome, then whatever waits after the client's cursors. */
    void start() {
        drain.signal();
    }

    void frameArrived(String text) {
        inbound.add(text);
        drain.signal();
    }

    void keepAliveDue() {
        keepAliveDue = true;
        drain.signal();
    }

    /** Stops for good: no more rounds (frames still queued are dropped), no more news. Safe from any thread. */
    void halt() {
        halted = true;
        Subscription subscription = watch;
        if (subscription != null) {
            closeOffTheEventLoop(subscription);
        }
    }

    private void round() {
        if (halted) {
            return;
        }
        try {
            carryOut(new FrameBatch(context.json()));
        } catch (RuntimeException e) {
            // Each step handles its own refusals; this is the net that keeps the drain loop alive.
            LOG.error("the WebSocket of {} failed unexpectedly; closing it", owner.keyId(), e);
            close.accept(SocketClose.CANNOT_DELIVER);
        }
    }

    private void carryOut(FrameBatch out) {
        if (!welcomed) {
            welcomed = true;
            watchForNews();
            out.add(new ServerFrame.Welcome(owner.keyId(), admission.after(),
                    admission.eventsAfter().isPresent() ? admission.eventsAfter().getAsLong() : null,
                    context.settings()));
        }
        for (int taken = 0; taken < FRAMES_PER_ROUND && !halted; taken++) {
            String text = inbound.poll();
            if (text == null) {
                break;
            }
            if (!context.edge().rateLimits().admitFrame(owner.keyId())) {
                outbox.send(out.frames());
                close.accept(SocketClose.RATE_LIMIT);
                return;
            }
            frames.handle(text, out);
            if (frames.malformed() >= context.settings().maxMalformedFrames()) {
                outbox.send(out.frames());
                close.accept(SocketClose.MALFORMED);
                return;
            }
        }
        if (!inbound.isEmpty()) {
            drain.signal();
        }
        if (keepAliveDue) {
            keepAliveDue = false;
            keepAlive();
        }
        if (pushDue) {
            pushDue = false;
            if (!push(out)) {
                return;
            }
        }
        outbox.send(out.frames());
    }

    /** Subscribes before the first fetch, so nothing that lands in between is missed. */
    private void watchForNews() {
        watch = context.watchEvents().watch(owner, () -> {
            pushDue = true;
            drain.signal();
        });
        if (halted) {
            watch.close();
        }
    }

    private void keepAlive() {
        try {
            context.pairing().keepAlive().keepAlive(owner);
        } catch (RuntimeException e) {
            LOG.warn("keep-alive of {} failed; the next sign of life tries again", owner.keyId(), e);
        }
    }

    private boolean push(FrameBatch out) {
        try {
            if (deliveries.collect(out)) {
                // More is waiting: the next round fetches it, after this batch is on its way.
                pushDue = true;
                drain.signal();
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("cannot push to the WebSocket of {}; closing it so that it resumes elsewhere", owner.keyId(), e);
            outbox.send(out.frames());
            close.accept(SocketClose.CANNOT_DELIVER);
            return false;
        }
    }

    /** A subscription belongs to the core, whose calls stay off the event loops; once the pool stopped, close here. */
    private void closeOffTheEventLoop(Subscription subscription) {
        try {
            context.worker().execute(subscription::close);
        } catch (RejectedExecutionException e) {
            subscription.close();
        }
    }
}
