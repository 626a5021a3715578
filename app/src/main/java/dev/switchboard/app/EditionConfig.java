package dev.switchboard.app;

import dev.switchboard.domain.EnterprisePolicy;
import dev.switchboard.ports.model.Edition;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The edition the server runs, who its admins are, and the rules of the Enterprise device registry. The
 * admin token is hashed the moment it is read: neither this record nor anything after it holds the token.
 *
 * @param edition          Consumer (the default) or Enterprise
 * @param adminTokenSha256 lower-case hex SHA-256 of the admin bearer token, when one is configured
 * @param adminKeyIds      Ed25519 key ids whose signed requests act as admin
 * @param devices          the device registry's rules
 */
public record EditionConfig(
        Edition edition, Optional<String> adminTokenSha256, Set<String> adminKeyIds, DeviceConfig devices) {
    static final String EDITION = "SWITCHBOARD_EDITION";
    static final String ACKNOWLEDGED = "SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED";
    static final String ALLOW_SERVERLESS = "SWITCHBOARD_ENTERPRISE_ALLOW_SERVERLESS";
    static final String ADMIN_TOKEN = "SWITCHBOARD_ADMIN_TOKEN";
    static final String ADMIN_KEY_IDS = "SWITCHBOARD_ADMIN_KEY_IDS";
    /** The settings only the Enterprise edition reads. */
    static final List<String> ENTERPRISE_KEYS = Stream.concat(
            Stream.of(ACKNOWLEDGED, ALLOW_SERVERLESS, ADMIN_TOKEN, ADMIN_KEY_IDS), DeviceConfig.KEYS.stream()).toList();

    /** What a bearer token may consist of (RFC 6750 {@code b64token}), so that it fits an Authorization header. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    /** An Ed25519 key id: the raw 32-byte public key in unpadded base64url, as docs/signing.md defines it. */
    private static final Pattern ED25519_KEY_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String HMAC_KEY_ID_PREFIX = "hk_";

    public EditionConfig {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(adminTokenSha256, "adminTokenSha256");
        adminKeyIds = Set.copyOf(adminKeyIds);
        Objects.requireNonNull(devices, "devices");
    }

    /** The default: Consumer, no admin, the domain's device rules (unused on Consumer). */
    public static EditionConfig consumer() {
        return new EditionConfig(Edition.CONSUMER, Optional.empty(), Set.of(), DeviceConfig.defaults());
    }

    /** The domain's rules with these settings. */
    EnterprisePolicy policy() {
        return new EnterprisePolicy(edition, adminTokenSha256.map(HexFormat.of()::parseHex), adminKeyIds,
                devices.maxDevicesPerIdentity(), devices.maxPublicKeyBytes(), devices.maxDisplayNameLength(),
                devices.defaultTtl(), devices.maxTtl());
    }

    /** Whether an admin credential is configured. */
    boolean adminEnabled() {
        return adminTokenSha256.isPresent() || !adminKeyIds.isEmpty();
    }

    /** Reads the section and checks the Enterprise start-up rules (docs/editions.md). */
    static EditionConfig read(SettingsReader settings) {
        String name = settings.string(EDITION, Edition.CONSUMER.wireName());
        Optional<Edition> edition = Arrays.stream(Edition.values())
                .filter(candidate -> candidate.wireName().equals(name)).findFirst();
        if (edition.isEmpty()) {
            settings.problem(EDITION, "must be one of [consumer, enterprise], was \"" + name + "\"");
            // Marked as read: whether they fit can only be judged once the edition is known.
            ENTERPRISE_KEYS.forEach(settings::raw);
            return consumer();
        }
        if (edition.get() == Edition.CONSUMER) {
            refuseOnConsumer(settings);
            return consumer();
        }
        checkAcknowledged(settings);
        checkPlatform(settings);
        return new EditionConfig(Edition.ENTERPRISE, readAdminToken(settings), readAdminKeyIds(settings),
                DeviceConfig.read(settings));
    }

    /**
     * Refuses Enterprise settings on a Consumer server: an admin token next to the default edition almost always
     * means a forgotten {@code SWITCHBOARD_EDITION=enterprise}, and the operator would believe in an audit log
     * that is not kept.
     */
    private static void refuseOnConsumer(SettingsReader settings) {
        for (String key : ENTERPRISE_KEYS) {
            if (settings.raw(key).isPresent()) {
                settings.problem(key, "is only used by the enterprise edition; set " + EDITION
                        + "=enterprise, or remove it");
            }
        }
    }

    /** Enterprise is a deliberate choice with obligations (docs/editions.md), so it must be acknowledged in words. */
    private static void checkAcknowledged(SettingsReader settings) {
        Optional<String> acknowledged = settings.raw(ACKNOWLEDGED);
        if (acknowledged.isEmpty()) {
            settings.problem(ACKNOWLEDGED, "is required with the enterprise edition: set it to true to acknowledge "
                    + "that this server keeps an audit log and a device registry (see docs/editions.md)");
        } else if (!acknowledged.get().equals("true")) {
            settings.problem(ACKNOWLEDGED, "must be exactly true to run the enterprise edition, was \""
                    + acknowledged.get() + "\"");
        }
    }

    /** A managed serverless platform freezes, multiplies and discards instances, and holds their memory and logs. */
    private static void checkPlatform(SettingsReader settings) {
        boolean allowed = settings.flag(ALLOW_SERVERLESS, false);
        ServerlessPlatform.detect(settings).filter(platform -> !allowed).ifPresent(platform ->
                settings.problem(EDITION, "the enterprise edition does not run on a managed serverless platform, and "
                        + platform.displayName() + " was detected from its environment variables; run it on "
                        + "infrastructure you control, or set " + ALLOW_SERVERLESS + "=true to accept the risks "
                        + "(see docs/editions.md)"));
    }

    /** Hashes the token at once; problems never show it. */
    private static Optional<String> readAdminToken(SettingsReader settings) {
        return settings.raw(ADMIN_TOKEN).flatMap(token -> {
            if (token.length() < EnterprisePolicy.MIN_ADMIN_TOKEN_LENGTH) {
                settings.problem(ADMIN_TOKEN, "must be at least " + EnterprisePolicy.MIN_ADMIN_TOKEN_LENGTH
                        + " characters, was " + token.length() + " (the value is not shown); generate one with "
                        + "openssl rand -hex 32");
                return Optional.empty();
            }
            if (!BEARER_TOKEN.matcher(token).matches()) {
                settings.problem(ADMIN_TOKEN, "must consist of letters, digits and -._~+/ (optionally ending in =), "
                        + "to fit an Authorization header (the value is not shown)");
                return Optional.empty();
            }
            return Optional.of(HexFormat.of().formatHex(EnterprisePolicy.hashAdminToken(token)));
        });
    }

    private static Set<String> readAdminKeyIds(SettingsReader settings) {
        List<String> keyIds = settings.raw(ADMIN_KEY_IDS)
                .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        Set<String> valid = new TreeSet<>();
        for (int i = 0; i < keyIds.size(); i++) {
            String keyId = keyIds.get(i);
            String label = "key id " + (i + 1) + " of " + keyIds.size() + " (\"" + keyId + "\") ";
            if (keyId.startsWith(HMAC_KEY_ID_PREFIX)) {
                settings.problem(ADMIN_KEY_IDS, label + "is an HMAC credential id: those are issued by this server "
                        + "to anyone who asks, so admin keys must be Ed25519 key ids");
            } else if (!isEd25519KeyId(keyId)) {
                settings.problem(ADMIN_KEY_IDS, label + "must be an Ed25519 key id: the raw 32-byte public key "
                        + "in base64url without padding, 43 characters (see docs/signing.md)");
            } else {
                valid.add(keyId);
            }
        }
        return valid;
    }

    /** Canonical base64url of 32 bytes: one key has exactly one key id, as the server reads them. */
    private static boolean isEd25519KeyId(String keyId) {
        if (!ED25519_KEY_ID.matcher(keyId).matches()) {
            return false;
        }
        byte[] raw = Base64.getUrlDecoder().decode(keyId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(keyId);
    }

    @Override
    public String toString() {
        return "EditionConfig[edition=" + edition.wireName() + ", adminToken="
                + (adminTokenSha256.isPresent() ? "set" : "none") + ", adminKeyIds=" + adminKeyIds + ", devices="
                + devices + "]";
    }
}
