package dev.switchboard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call is refused with one error code, the only thing adapters see of a failure. */
public final class Refusals {

    private Refusals() {}

    public static void assertRefused(ErrorCode expected, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SignalingException.class,
                refusal -> assertThat(refusal.code()).as(refusal.getMessage()).isEqualTo(expected));
    }
}
