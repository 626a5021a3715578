package dev.switchboard.ports;

import java.util.Objects;

/**
 * The one failure type that crosses the ports. {@link #getMessage()} is safe to show a client;
 * {@link #logDetail()} may hold the real reason for operators (for example why authentication failed).
 */
public final class SignalingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String logDetail;

    public SignalingException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public SignalingException(ErrorCode code, String message, String logDetail) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.logDetail = logDetail;
    }

    public ErrorCode code() {
        return code;
    }

    /** The detail meant for the log only; equals the message when none was given. */
    public String logDetail() {
        return logDetail == null ? getMessage() : logDetail;
    }

    /** Shorthand for a {@link ErrorCode#VALIDATION_FAILED} naming the offending field. */
    public static SignalingException invalid(String field, String problem) {
        return new SignalingException(ErrorCode.VALIDATION_FAILED, field + ": " + problem);
    }
}
