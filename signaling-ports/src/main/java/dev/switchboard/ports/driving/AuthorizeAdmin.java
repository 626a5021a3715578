package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Identity;
import java.util.Objects;

/**
 * Decides whether a caller holds the admin credential from configuration: the admin bearer token, or a
 * signature by one of the configured admin key ids. A credential issued to users is never an admin one.
 * Refused with {@code admin_required}; when no admin credential is configured at all, with {@code not_found},
 * so the admin surface does not exist.
 */
public interface AuthorizeAdmin {

    Actor.Admin authorize(AdminCredential credential);

    /** Whether any admin credential is configured. */
    boolean enabled();

    /** What the caller presented. */
    sealed interface AdminCredential {
        record BearerToken(String token) implements AdminCredential {
            public BearerToken {
                Objects.requireNonNull(token, "token");
            }

            @Override
            public String toString() {
                return "BearerToken[redacted]";
            }
        }

        record Signed(Identity identity) implements AdminCredential {
            public Signed {
                Objects.requireNonNull(identity, "identity");
            }
        }

        record None() implements AdminCredential {}
    }
}
