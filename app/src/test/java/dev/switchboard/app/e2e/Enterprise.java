package dev.switchboard.app.e2e;

import java.util.HashMap;
import java.util.Map;

/** The settings of an acknowledged Enterprise server, and the admin credentials the tests configure it with. */
final class Enterprise {
    /** 48 characters, well above the 32 the server requires. */
    static final String ADMIN_TOKEN = "e2e-admin-0123456789abcdef0123456789abcdef012345";
    /** The admin key: its key id is configured in {@code SWITCHBOARD_ADMIN_KEY_IDS}. */
    static final Ed25519Signer ADMIN_KEY = Ed25519Signer.generate();
    /** DuckDuckGo's onion service: a real v3 address, so its checksum holds. */
    static final String ONION = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

    private Enterprise() {}

    /** Enterprise, acknowledged, with the admin token and the admin key. */
    static Map<String, String> withAdmin() {
        return with(Map.of("SWITCHBOARD_ADMIN_TOKEN", ADMIN_TOKEN, "SWITCHBOARD_ADMIN_KEY_IDS", ADMIN_KEY.keyId()));
    }

    /** Enterprise, acknowledged, without any admin credential: the admin routes do not exist. */
    static Map<String, String> withoutAdmin() {
        return with(Map.of());
    }

    /** Enterprise, acknowledged, and {@code more}. */
    static Map<String, String> with(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "SWITCHBOARD_EDITION", "enterprise", "SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED", "true"));
        settings.putAll(more);
        return settings;
    }
}
