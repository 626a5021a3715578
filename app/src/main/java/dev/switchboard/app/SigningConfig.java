package dev.switchboard.app;

import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.domain.SignalingPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How requests are authenticated and credential secrets sealed.
 *
 * @param signatureWindow    how far a signature's {@code created} may lie from the server clock, either way
 * @param masterKeys         the keys that seal credential secrets; empty means "generate one for this run"
 * @param credentialLifetime how long a server-issued credential is accepted; then it is refused and swept
 */
public record SigningConfig(Duration signatureWindow, Optional<MasterKeyRing> masterKeys,
        Duration credentialLifetime) {
    static final String MASTER_KEY = "SWITCHBOARD_MASTER_KEY";
    static final String RETIRED_MASTER_KEYS = "SWITCHBOARD_MASTER_KEYS_RETIRED";
    /** A month: a client re-issues its credential now and then, and a leaked one stops working on its own. */
    static final Duration DEFAULT_CREDENTIAL_LIFETIME = Duration.ofDays(30);

    public SigningConfig {
        Objects.requireNonNull(signatureWindow, "signatureWindow");
        Objects.requireNonNull(masterKeys, "masterKeys");
        Objects.requireNonNull(credentialLifetime, "credentialLifetime");
    }

    static SigningConfig read(SettingsReader settings) {
        return new SigningConfig(
                settings.seconds("SWITCHBOARD_SIGNATURE_WINDOW_SECONDS", 60, 1, 3600),
                readMasterKeys(settings),
                settings.duration("SWITCHBOARD_CREDENTIAL_LIFETIME", DEFAULT_CREDENTIAL_LIFETIME,
                        SignalingPolicy.MIN_CREDENTIAL_LIFETIME, SignalingPolicy.MAX_CREDENTIAL_LIFETIME));
    }

    /** Parses the keys; problems name the setting and what is wrong, never the key material. */
    private static Optional<MasterKeyRing> readMasterKeys(SettingsReader settings) {
        Optional<byte[]> current = settings.raw(MASTER_KEY).flatMap(hex -> parse(settings, MASTER_KEY, "", hex));
        List<byte[]> retired = new ArrayList<>();
        List<String> retiredHex = settings.raw(RETIRED_MASTER_KEYS)
                .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        for (int i = 0; i < retiredHex.size(); i++) {
            String label = "key " + (i + 1) + " of " + retiredHex.size() + ": ";
            parse(settings, RETIRED_MASTER_KEYS, label, retiredHex.get(i)).ifPresent(retired::add);
        }
        if (current.isEmpty() && !retiredHex.isEmpty() && settings.raw(MASTER_KEY).isEmpty()) {
            settings.problem(RETIRED_MASTER_KEYS, "retired keys need a current " + MASTER_KEY);
        }
        try {
            return current.map(key -> MasterKeyRing.of(key, retired));
        } catch (IllegalArgumentException e) {
            settings.problem(MASTER_KEY + " or " + RETIRED_MASTER_KEYS + ": " + e.getMessage());
            return Optional.empty();
        } finally {
            current.ifPresent(key -> Arrays.fill(key, (byte) 0));
            retired.forEach(key -> Arrays.fill(key, (byte) 0));
        }
    }

    private static Optional<byte[]> parse(SettingsReader settings, String key, String label, String hex) {
        try {
            return Optional.of(MasterKeyRing.parseHexKey(hex));
        } catch (IllegalArgumentException e) {
            settings.problem(key, label + e.getMessage());
            return Optional.empty();
        }
    }
}
