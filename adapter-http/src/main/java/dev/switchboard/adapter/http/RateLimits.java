package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AdmitRequest;
import dev.switchboard.ports.model.Admission;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spends a request's rate-limit budgets through {@link AdmitRequest} and tells the client about them:
 * each budget spent on a request is listed in the IETF {@code RateLimit-Policy} and {@code RateLimit}
 * headers (draft-ietf-httpapi-ratelimit-headers), and a refusal is 429 {@code rate_limited} with
 * {@code Retry-After}. Only actions the server limits are spent or reported. A degraded admission (the
 * limiter's store failed, so the request went through) is logged at WARN at most once a minute.
 */
final class RateLimits {
    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String STATE_HEADER = "RateLimit";
    private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);
    private static final AttachmentKey<List<Admission>> SPENT = AttachmentKey.named("rate limits spent");
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Optional<AdmitRequest> admitRequest;
    private final AtomicLong nextDegradedWarning = new AtomicLong(System.nanoTime());

    RateLimits(Optional<AdmitRequest> admitRequest) {
        this.admitRequest = admitRequest;
    }

    /** Whether {@code action} is limited for {@code kind} at all. */
    boolean limits(LimitedAction action, LimitSubject.Kind kind) {
        return admitRequest.isPresent() && admitRequest.get().limits(action, kind);
    }

    /**
     * Spends one of {@code subject}'s {@code action} budget for this request and notes it for the headers;
     * refuses with {@code rate_limited} when it is spent. May block on the limiter's store: call on a worker.
     */
    void spend(HttpExchange exchange, LimitedAction action, LimitSubject subject) {
        if (!limits(action, subject.kind())) {
            return;
        }
        Admission admission = admit(action, subject);
        List<Admission> spent = exchange.attachment(SPENT);
        if (spent == null) {
            spent = new CopyOnWriteArrayList<>();
            exchange.attach(SPENT, spent);
        }
        spent.add(admission);
        if (!admission.allowed()) {
            throw new SignalingException(ErrorCode.RATE_LIMITED, "too many requests for the "
                    + admission.policy() + " budget; retry after " + retryAfterSeconds(admission) + " s");
        }
    }

    /** Whether one more WebSocket frame of {@code owner} is within budget (the socket's worker calls it). */
    boolean admitFrame(String keyId) {
        return !limits(LimitedAction.WEBSOCKET_MESSAGE, LimitSubject.Kind.IDENTITY)
                || admit(LimitedAction.WEBSOCKET_MESSAGE, LimitSubject.identity(keyId)).allowed();
    }

    private Admission admit(LimitedAction action, LimitSubject subject) {
        Admission admission = admitRequest.orElseThrow().admit(action, subject);
        if (admission.degraded()) {
            warnDegraded(admission);
        }
        return admission;
    }

    private void warnDegraded(Admission admission) {
        long now = System.nanoTime();
        long due = nextDegradedWarning.get();
        if (now - due >= 0 && nextDegradedWarning.compareAndSet(due, now + WARN_EVERY_NANOS)) {
            LOG.warn("the rate limiter's store is failing; admitting requests unchecked (policy {}); "
                    + "this is logged at most once a minute", admission.policy());
        }
    }

    /** Puts the headers of the budgets this request spent; runs as the response is committed. */
    static void writeHeaders(HttpExchange exchange) {
        List<Admission> spent = exchange.attachment(SPENT);
        if (spent == null || spent.isEmpty()) {
            return;
        }
        exchange.responseHeaders().set(POLICY_HEADER, spent.stream()
                .map(a -> quoted(a.policy()) + ";q=" + a.quota() + ";w=" + seconds(a.window()))
                .collect(Collectors.joining(", ")));
        exchange.responseHeaders().set(STATE_HEADER, spent.stream()
                .map(a -> quoted(a.policy()) + ";r=" + Math.max(0, a.remaining()) + ";t=" + seconds(a.reset()))
                .collect(Collectors.joining(", ")));
        spent.stream().filter(a -> !a.allowed()).mapToLong(RateLimits::retryAfterSeconds).max()
                .ifPresent(seconds -> exchange.responseHeaders().set(HttpHeaderNames.RETRY_AFTER, seconds));
    }

    private static long retryAfterSeconds(Admission refused) {
        return Math.max(1, seconds(refused.retryAfter().orElse(refused.reset())));
    }

    /** Whole seconds, rounded up: a client told to wait 0.4 s must not come back at once. */
    private static long seconds(Duration duration) {
        return duration.isNegative() ? 0 : (duration.toMillis() + 999) / 1000;
    }

    private static String quoted(String policy) {
        return "\"" + policy.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
