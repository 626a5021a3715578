package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.ports.ErrorCode;

/**
 * An RFC 9457 problem detail. {@code type} is a URN per code, {@code code} repeats the code for
 * clients that switch on it, and {@code errorId} appears only on internal errors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProblemJson(String type, String title, int status, String detail, String code, String errorId) {
    static final String MEDIA_TYPE = "application/problem+json";

    static ProblemJson of(Reply.Problem problem) {
        ErrorCode code = problem.code();
        return new ProblemJson("urn:switchboard:problem:" + code.wireName(), titleOf(code), problem.status(),
                problem.detail(), code.wireName(), problem.errorId().orElse(null));
    }

    /** {@code offer_already_answered} becomes {@code Offer already answered}. */
    static String titleOf(ErrorCode code) {
        String words = code.wireName().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
