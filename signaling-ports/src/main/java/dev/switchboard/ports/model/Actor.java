package dev.switchboard.ports.model;

import java.util.Objects;

/** Who asks for an Enterprise operation: an authenticated identity, or the operator's admin credential. */
public sealed interface Actor {

    /** A name for the audit log: the key id, or {@code admin:<name>}. */
    String auditName();

    /** A caller that signed its request. */
    record User(Identity identity) implements Actor {
        public User {
            Objects.requireNonNull(identity, "identity");
        }

        @Override
        public String auditName() {
            return identity.keyId();
        }
    }

    /** The holder of the admin credential from configuration; {@code name} tells which one. */
    record Admin(String name) implements Actor {
        public Admin {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String auditName() {
            return "admin:" + name;
        }
    }
}
