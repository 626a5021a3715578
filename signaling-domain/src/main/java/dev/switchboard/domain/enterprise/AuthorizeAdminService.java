package dev.switchboard.domain.enterprise;

import dev.switchboard.domain.EnterprisePolicy;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AuthorizeAdmin;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SignatureAlgorithm;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The admin gate. The bearer token is compared by its SHA-256 in constant time (the policy keeps only the
 * hash); a signed request is admin when signed by one of the configured Ed25519 key ids, and never with an
 * HMAC credential, since those are issued by this server to anyone who asks. With no admin credential
 * configured, the admin surface does not exist: {@code not_found}.
 */
final class AuthorizeAdminService implements AuthorizeAdmin {
    static final String TOKEN_ADMIN = "token";

    private final EnterprisePolicy policy;

    AuthorizeAdminService(EnterprisePolicy policy) {
        this.policy = policy;
    }

    @Override
    public Actor.Admin authorize(AdminCredential credential) {
        if (!enabled()) {
            throw new SignalingException(ErrorCode.NOT_FOUND, "no such resource",
                    "admin call refused: no admin credential is configured");
        }
        Optional<Actor.Admin> admin = credential == null ? Optional.empty() : adminOf(credential);
        return admin.orElseThrow(() -> new SignalingException(ErrorCode.ADMIN_REQUIRED,
                "this call needs the admin credential", "admin call refused: " + describe(credential)));
    }

    @Override
    public boolean enabled() {
        return policy.adminEnabled();
    }

    private Optional<Actor.Admin> adminOf(AdminCredential credential) {
        if (credential instanceof AdminCredential.BearerToken bearer) {
            boolean matches = policy.adminTokenSha256()
                    .map(expected -> MessageDigest.isEqual(expected, EnterprisePolicy.hashAdminToken(bearer.token())))
                    .orElse(false);
            return matches ? Optional.of(new Actor.Admin(TOKEN_ADMIN)) : Optional.empty();
        }
        if (credential instanceof AdminCredential.Signed signed) {
            Identity identity = signed.identity();
            boolean admin = identity.algorithm() == SignatureAlgorithm.ED25519
                    && policy.adminKeyIds().contains(identity.keyId());
            return admin ? Optional.of(new Actor.Admin(identity.keyId())) : Optional.empty();
        }
        return Optional.empty();
    }

    private static String describe(AdminCredential credential) {
        if (credential instanceof AdminCredential.BearerToken) {
            return "wrong bearer token";
        }
        if (credential instanceof AdminCredential.Signed signed) {
            return "key " + signed.identity().keyId() + " (" + signed.identity().algorithm().registeredName()
                    + ") is not an admin key";
        }
        return "no admin credential presented";
    }
}
