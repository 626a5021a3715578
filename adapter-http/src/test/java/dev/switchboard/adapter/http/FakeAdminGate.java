package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AuthorizeAdmin;
import dev.switchboard.ports.model.Actor;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin gate as configuration would make it: {@link #ADMIN_TOKEN}, or a signature by {@link #ADMIN_KEY_ID},
 * is the admin {@code ops}; anything else is {@code admin_required}; with admin switched off every call is
 * {@code not_found}. Remembers what it was shown.
 */
final class FakeAdminGate implements AuthorizeAdmin {
    static final String ADMIN_TOKEN = "adm1n-t0ken_of.the~operator";
    static final String ADMIN_KEY_ID = UseCaseDoubles.ALICE.keyId();
    static final Actor.Admin OPS = new Actor.Admin("ops");

    final List<AdminCredential> shown = new ArrayList<>();
    /** Whether an admin credential is configured, as {@link #authorize} sees it. */
    volatile boolean enabled = true;
    /** What {@link #enabled()} reports, which a test may set apart from {@link #enabled} to race the two. */
    volatile Boolean reportsEnabled;

    @Override
    public synchronized Actor.Admin authorize(AdminCredential credential) {
        shown.add(credential);
        if (!enabled) {
            throw new SignalingException(ErrorCode.NOT_FOUND, "admin is not configured");
        }
        boolean admin = credential instanceof AdminCredential.BearerToken token && token.token().equals(ADMIN_TOKEN)
                || credential instanceof AdminCredential.Signed signed && signed.identity().keyId().equals(ADMIN_KEY_ID);
        if (!admin) {
            throw new SignalingException(ErrorCode.ADMIN_REQUIRED, "this needs the admin credential");
        }
        return OPS;
    }

    @Override
    public boolean enabled() {
        return reportsEnabled != null ? reportsEnabled : enabled;
    }
}
