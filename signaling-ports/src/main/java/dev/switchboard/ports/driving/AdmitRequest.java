package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Admission;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;

/**
 * Spends one request of a subject's budget for an action and says whether the request may go on. Never
 * throws for a refusal (the transport answers 429 from the admission). When the limiter's store fails, the
 * request is admitted with {@link Admission#degraded()} set: the limiter fails open, because refusing every
 * request while the database is unreachable would turn a partial outage into a total one, and the
 * security-critical guessing budgets are enforced (failing closed) by the use cases themselves.
 */
public interface AdmitRequest {

    Admission admit(LimitedAction action, LimitSubject subject);

    /** Whether the server limits {@code action} for this kind of subject at all. */
    boolean limits(LimitedAction action, LimitSubject.Kind kind);
}
