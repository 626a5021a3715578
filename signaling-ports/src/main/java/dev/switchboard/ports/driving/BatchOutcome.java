package dev.switchboard.ports.driving;

import dev.switchboard.ports.ErrorCode;
import java.util.Objects;

/** The outcome of one batch operation: its use case's result, or the failure it met. */
public sealed interface BatchOutcome {

    /**
     * @param result what the use case returned: a {@code List<Offer>}, an {@link AnswerOffer.Result}, a
     *               {@code List<Candidate>}, an {@code Offer}, or {@code null} for a deletion
     */
    record Succeeded(BatchOperation operation, Object result) implements BatchOutcome {
        public Succeeded {
            Objects.requireNonNull(operation, "operation");
        }
    }

    record Failed(BatchOperation operation, ErrorCode code, String message) implements BatchOutcome {
        public Failed {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
