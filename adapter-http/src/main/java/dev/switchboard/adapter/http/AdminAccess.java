package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AuthenticateRequest;
import dev.switchboard.ports.driving.AuthorizeAdmin;
import dev.switchboard.ports.driving.AuthorizeAdmin.AdminCredential;
import dev.switchboard.ports.model.Actor;

/**
 * The gate of every admin route: turns what the caller presented into an {@link AdminCredential} (the
 * admin bearer token, else a verified signature, else none) and lets the core decide. While no admin
 * credential is configured the admin surface does not exist, and says so exactly as an unknown path does.
 * The token is handed on, never logged.
 */
final class AdminAccess {
    private final AuthorizeAdmin authorizeAdmin;
    private final AuthenticateRequest authenticateRequest;

    AdminAccess(AuthorizeAdmin authorizeAdmin, AuthenticateRequest authenticateRequest) {
        this.authorizeAdmin = authorizeAdmin;
        this.authenticateRequest = authenticateRequest;
    }

    boolean enabled() {
        return authorizeAdmin.enabled();
    }

    /** The admin the call acts as; {@code admin_required} without the credential, {@code not_found} without admin. */
    Actor.Admin admit(Call call) {
        if (!authorizeAdmin.enabled()) {
            throw noSuchResource();
        }
        try {
            return authorizeAdmin.authorize(credentialOf(call));
        } catch (SignalingException refused) {
            throw refused.code() == ErrorCode.NOT_FOUND ? noSuchResource() : refused;
        }
    }

    private AdminCredential credentialOf(Call call) {
        var token = BearerTokens.presented(call.authorization());
        if (token.isPresent()) {
            return new AdminCredential.BearerToken(token.get());
        }
        if (call.carriesSignature()) {
            return new AdminCredential.Signed(authenticateRequest.authenticate(call.signedRequest()));
        }
        return new AdminCredential.None();
    }

    private static SignalingException noSuchResource() {
        return new SignalingException(ErrorCode.NOT_FOUND, Router.NO_RESOURCE);
    }
}
