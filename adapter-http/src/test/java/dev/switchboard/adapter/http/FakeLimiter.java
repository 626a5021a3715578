package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.AdmitRequest;
import dev.switchboard.ports.model.Admission;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A rate limiter as the core would be, reduced to what the adapter needs to show: each limited (action,
 * kind) has a quota per 60 s window that is spent request by request and refilled only by {@link #refill()};
 * it remembers every subject it was asked about. It may be told to fail open ({@link #degraded}).
 */
final class FakeLimiter implements AdmitRequest {
    static final Duration WINDOW = Duration.ofSeconds(60);

    private final Map<String, Integer> quotas = new ConcurrentHashMap<>();
    private final Map<String, Integer> spent = new ConcurrentHashMap<>();
    final List<String> asked = new CopyOnWriteArrayList<>();
    volatile boolean degraded;

    /** Limits {@code action} for {@code kind} to {@code quota} requests a window. */
    FakeLimiter limit(LimitedAction action, LimitSubject.Kind kind, int quota) {
        quotas.put(policy(action, kind), quota);
        return this;
    }

    void refill() {
        spent.clear();
    }

    static String policy(LimitedAction action, LimitSubject.Kind kind) {
        return action.wireName() + "-" + kind.wireName();
    }

    /** The subjects asked about for {@code action}, as {@code kind:value}. */
    List<String> subjects(LimitedAction action) {
        return asked.stream().filter(entry -> entry.startsWith(action.wireName() + " "))
                .map(entry -> entry.substring(entry.indexOf(' ') + 1)).toList();
    }

    @Override
    public Admission admit(LimitedAction action, LimitSubject subject) {
        asked.add(action.wireName() + " " + subject.kind().wireName() + ":" + subject.value());
        String policy = policy(action, subject.kind());
        int quota = quotas.getOrDefault(policy, Integer.MAX_VALUE);
        if (degraded) {
            return new Admission(true, policy, quota, WINDOW, quota, Duration.ZERO, Optional.empty(), true);
        }
        int used = spent.merge(policy + " " + subject.value(), 1, Integer::sum);
        if (used > quota) {
            return new Admission(false, policy, quota, WINDOW, 0, Duration.ofSeconds(12),
                    Optional.of(Duration.ofMillis(4200)), false);
        }
        return new Admission(true, policy, quota, WINDOW, quota - used, Duration.ofSeconds(12), Optional.empty(),
                false);
    }

    @Override
    public boolean limits(LimitedAction action, LimitSubject.Kind kind) {
        return quotas.containsKey(policy(action, kind));
    }
}
