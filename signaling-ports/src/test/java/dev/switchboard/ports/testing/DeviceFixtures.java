package dev.switchboard.ports.testing;

import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import dev.switchboard.ports.model.OnionEndpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid devices, device ids and onion endpoints for tests. Ids and owners are random, so tests never see each
 * other's devices even when they share a store. Device ids use only lower-case letters and digits, so that
 * they sort the same in Java and in any database collation.
 */
public final class DeviceFixtures {
    /** The instant tests treat as now; the same as {@link OfferFixtures#NOW}. */
    public static final Instant NOW = OfferFixtures.NOW;
    /** How long a fixture device stays registered unless a test says otherwise. */
    public static final Duration TTL = Duration.ofDays(30);

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private DeviceFixtures() {}

    public static DeviceId randomDeviceId() {
        return randomDeviceId("");
    }

    /** A random device id starting with {@code prefix}, so that a test can decide how ids sort. */
    public static DeviceId randomDeviceId(String prefix) {
        return new DeviceId(prefix + random(16));
    }

    /** A random lower-case prefix for the ids of one test: {@code prefix + "1"} sorts before {@code prefix + "2"}. */
    public static String randomIdPrefix() {
        return "d" + random(10) + "x";
    }

    /** A valid Tor v3 onion endpoint for a random service key. */
    public static OnionEndpoint randomOnion() {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        byte[] address = new byte[35];
        System.arraycopy(key, 0, address, 0, 32);
        byte[] checksum = sha3(key);
        address[32] = checksum[0];
        address[33] = checksum[1];
        address[34] = 3;
        return new OnionEndpoint(base32(address) + ".onion", 1 + ThreadLocalRandom.current().nextInt(65_535));
    }

    /**
     * A pending device of a random owner with a random 32-byte key and no onion endpoint, registered
     * {@link #NOW}, expiring {@link #TTL} later, at version 1.
     */
    public static Builder aDevice() {
        return new Builder();
    }

    /** Builds one device; anything not set keeps the defaults of {@link #aDevice()}. */
    public static final class Builder {
        private DeviceId id = randomDeviceId();
        private String ownerKeyId = OfferFixtures.randomKeyId();
        private String displayName = "Laptop " + random(6);
        private byte[] publicKey = TransferFixtures.randomBytes(32);
        private Optional<OnionEndpoint> onion = Optional.empty();
        private DeviceStatus status = DeviceStatus.PENDING;
        private Optional<String> revocationReason = Optional.empty();
        private Optional<String> reviewedBy = Optional.empty();
        private Instant registeredAt = NOW;
        private Instant expiresAt;

        private Builder() {}

        public Builder id(DeviceId newId) {
            this.id = newId;
            return this;
        }

        public Builder ownedBy(String keyId) {
            this.ownerKeyId = keyId;
            return this;
        }

        public Builder displayName(String name) {
            this.displayName = name;
            return this;
        }

        public Builder publicKey(byte[] key) {
            this.publicKey = key.clone();
            return this;
        }

        public Builder onion(OnionEndpoint endpoint) {
            this.onion = Optional.of(endpoint);
            return this;
        }

        public Builder status(DeviceStatus newStatus) {
            this.status = newStatus;
            return this;
        }

        /** Revoked by {@code admin} for {@code reason}. */
        public Builder revoked(String admin, String reason) {
            this.status = DeviceStatus.REVOKED;
            this.reviewedBy = Optional.of(admin);
            this.revocationReason = Optional.of(reason);
            return this;
        }

        public Builder registeredAt(Instant instant) {
            this.registeredAt = instant;
            return this;
        }

        /** The expiry; when not set, {@link #TTL} after registration. */
        public Builder expiresAt(Instant instant) {
            this.expiresAt = instant;
            return this;
        }

        public Device build() {
            Instant expiry = expiresAt == null ? registeredAt.plus(TTL) : expiresAt;
            return new Device(id, ownerKeyId, displayName, publicKey, onion, status, revocationReason, reviewedBy,
                    registeredAt, registeredAt, expiry, 1);
        }
    }

    private static byte[] sha3(byte[] key) {
        try {
            MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
            sha3.update(".onion checksum".getBytes(StandardCharsets.US_ASCII));
            sha3.update(key);
            sha3.update((byte) 3);
            return sha3.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA3-256 is required by every Java platform since 9", e);
        }
    }

    private static String base32(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                text.append(BASE32.charAt((buffer >>> bits) & 31));
            }
        }
        return text.toString();
    }

    private static String random(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return token.toString();
    }
}
