package dev.switchboard.transport.netty;

/**
 * Admits one socket's text frames at a sustained rate with bounded bursts, as a token bucket would, kept as the
 * generic cell rate algorithm keeps it: one number of state, the time the next frame is due. Confined to the
 * socket's event loop.
 */
public final class FrameRateLimit {
    private final long interval;
    private final long tolerance;
    private long nextDue;

    public FrameRateLimit(int perSecond, int burst, long nowNanos) {
        this.interval = 1_000_000_000L / perSecond;
        this.tolerance = interval * (burst - 1);
        this.nextDue = nowNanos;
    }

    /** Whether a frame arriving at {@code nowNanos} is within the limit; counts it if so. */
    public boolean admit(long nowNanos) {
        long due = Math.max(nextDue, nowNanos);
        if (due - nowNanos > tolerance) {
            return false;
        }
        nextDue = due + interval;
        return true;
    }
}
