package dev.switchboard.domain;

import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.SweepExpired;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The domain's one entry: builds every driving port from the driven ports and a policy. Embedding
 * Switchboard without Guice is {@code SignalingCore.create(storage, clock, entropy, policy).useCases()}.
 */
public final class SignalingCore {
    private final SignalingUseCases useCases;
    private final SweepExpired sweeper;

    private SignalingCore(SignalingUseCases useCases, SweepExpired sweeper) {
        this.useCases = useCases;
        this.sweeper = sweeper;
    }

    public static SignalingCore create(
            SignalingStorage storage, InstantSource clock, Entropy entropy, SignalingPolicy policy) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(policy, "policy");
        throw new UnsupportedOperationException("TODO: wired by the domain implementation");
    }

    /** Every driving port, for transports. */
    public SignalingUseCases useCases() {
        return useCases;
    }

    /** Deletes expired records; the host application runs it on a schedule. */
    public SweepExpired sweeper() {
        return sweeper;
    }
}
