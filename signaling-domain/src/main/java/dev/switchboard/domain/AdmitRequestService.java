package dev.switchboard.domain;

import dev.switchboard.domain.audit.AuditTrail;
import dev.switchboard.ports.driven.CounterStore;
import dev.switchboard.ports.driven.RateLimitStore;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driving.AdmitRequest;
import dev.switchboard.ports.model.Admission;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Spends a request from the subject's token bucket, kept by the rate-limit store as GCRA (one theoretical
 * arrival time per bucket), and turns the bucket into what the rate-limit headers say. Fails open: when the
 * store fails, or cannot even be reached, the request is let through marked degraded, and the transport
 * logs and counts it.
 *
 * <p>On an Enterprise edition a refusal is audited as {@code rate.limited}, at most once per subject, policy
 * and budget window, so a client hammering a closed door cannot flood the audit log. As with every audited
 * use case, an audit append that fails surfaces as the caller's failure rather than leaving a silent gap.
 */
final class AdmitRequestService implements AdmitRequest {
    private final SignalingStorage storage;
    private final CounterStore counters;
    private final RateLimitPolicy policy;
    private final AuditTrail trail;
    private final InstantSource clock;

    /** Reads the store through {@code storage} on every request, so a store that cannot be reached fails open. */
    AdmitRequestService(SignalingStorage storage, CounterStore counters, RateLimitPolicy policy, AuditTrail trail,
            InstantSource clock) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.trail = Objects.requireNonNull(trail, "trail");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Admission admit(LimitedAction action, LimitSubject subject) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        String name = RateLimitPolicy.policyName(action, subject.kind());
        Optional<RateLimitPolicy.Budget> budget = policy.budgetFor(action, subject.kind());
        if (budget.isEmpty()) {
            return unlimited(name);
        }
        Instant now = clock.instant();
        RateLimitStore.Bucket bucket;
        try {
            bucket = storage.rateLimits().take("rl:" + name + ":" + subject.value(), budget.get().interval(),
                    budget.get().quota(), now);
        } catch (RuntimeException storeFailure) {
            return degraded(name, budget.get());
        }
        Admission admission = Gcra.admission(name, budget.get(), bucket, now);
        if (!admission.allowed() && trail.enabled()) {
            auditOncePerWindow(name, budget.get(), subject, now);
        }
        return admission;
    }

    @Override
    public boolean limits(LimitedAction action, LimitSubject.Kind kind) {
        return policy.budgetFor(Objects.requireNonNull(action, "action"), Objects.requireNonNull(kind, "kind"))
                .isPresent();
    }

    private void auditOncePerWindow(String name, RateLimitPolicy.Budget budget, LimitSubject subject, Instant now) {
        long windowMillis = budget.window().toMillis();
        long windowIndex = Math.floorDiv(now.toEpochMilli(), windowMillis);
        Instant windowEnd = Instant.ofEpochMilli((windowIndex + 1) * windowMillis);
        String key = "rl-audited:" + name + ":" + subject.value() + ":" + windowIndex;
        if (counters.incrementAndGet(key, windowEnd) != 1) {
            return;
        }
        boolean byAddress = subject.kind() == LimitSubject.Kind.ADDRESS;
        trail.record(AuditEventType.RATE_LIMITED, byAddress ? AuditTrail.ANONYMOUS : subject.value(),
                Optional.empty(), byAddress ? Optional.of(subject.value()) : Optional.empty(),
                Map.of("policy", name, "subject", subject.kind().wireName()));
    }

    /** An action this server does not limit: allowed, with nothing for the headers to say. */
    private static Admission unlimited(String name) {
        return new Admission(true, name, 0, Duration.ZERO, 0, Duration.ZERO, Optional.empty(), false);
    }

    /** The store failed: allowed, and the headers promise nothing they cannot know. */
    private static Admission degraded(String name, RateLimitPolicy.Budget budget) {
        return new Admission(true, name, budget.quota(), budget.window(), budget.quota(), Duration.ZERO,
                Optional.empty(), true);
    }
}
