package dev.switchboard.ports.testing;

import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid transfers, chunks and ids for tests. Every id, key id, address and invite code is random, so tests
 * never see each other's records even when they share a store. Instants are whole milliseconds, which every
 * store keeps exactly.
 */
public final class TransferFixtures {
    /** The instant tests treat as now; the same as {@link OfferFixtures#NOW}. */
    public static final Instant NOW = OfferFixtures.NOW;
    /** How long a fixture transfer lives without activity unless a test says otherwise. */
    public static final Duration TTL = Duration.ofMinutes(10);
    /** How long after its creation a fixture transfer expires at the latest, activity or not. */
    public static final Duration LIFETIME = Duration.ofHours(1);
    /** Chunks of a fixture transfer unless a test says otherwise. */
    public static final int CHUNK_COUNT = 4;
    /** The largest chunk of a fixture transfer unless a test says otherwise. */
    public static final int CHUNK_BYTES = 1024;

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private TransferFixtures() {}

    public static TransferId randomTransferId() {
        return new TransferId(random(ID_ALPHABET, 24));
    }

    public static InviteCode randomInviteCode() {
        return SessionFixtures.randomInviteCode();
    }

    /** A random client address from the documentation range, distinct per call with high probability. */
    public static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8::" + Integer.toHexString(random.nextInt(0x10000)) + ":"
                + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000));
    }

    /** {@code size} random bytes, with zero bytes at the start, the middle and the end. */
    public static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        if (size > 0) {
            bytes[0] = 0;
            bytes[size / 2] = 0;
            bytes[size - 1] = 0;
        }
        return bytes;
    }

    /** The chunk of {@code transfer} at {@code index} holding {@code bytes}, with their true SHA-256. */
    public static Chunk chunk(Transfer transfer, int index, byte[] bytes) {
        return new Chunk(transfer.id(), index, bytes, sha256(bytes));
    }

    /** A chunk of {@code size} random bytes of {@code transfer} at {@code index}. */
    public static Chunk aChunk(Transfer transfer, int index, int size) {
        return chunk(transfer, index, randomBytes(size));
    }

    /** A full-size ({@link Transfer#maxChunkBytes()}) chunk of random bytes of {@code transfer} at {@code index}. */
    public static Chunk aChunk(Transfer transfer, int index) {
        return aChunk(transfer, index, transfer.maxChunkBytes());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * An unclaimed transfer of {@link #CHUNK_COUNT} chunks of up to {@link #CHUNK_BYTES}, reserving all their
     * bytes, by a random sender from a random address, without a verifier, created {@link #NOW}, expiring
     * {@link #TTL} later and at the latest {@link #LIFETIME} after creation.
     */
    public static Builder aTransfer() {
        return new Builder();
    }

    /** Builds one transfer; anything not set keeps the defaults of {@link #aTransfer()}. */
    public static final class Builder {
        private TransferId id = randomTransferId();
        private InviteCode code = randomInviteCode();
        private String senderKeyId = OfferFixtures.randomKeyId();
        private String senderAddress = randomAddress();
        private int chunkCount = CHUNK_COUNT;
        private int maxChunkBytes = CHUNK_BYTES;
        private Long reservedBytes;
        private Optional<String> verifierDigest = Optional.empty();
        private Instant createdAt = NOW;
        private Instant expiresAt;
        private Instant hardExpiresAt;

        private Builder() {}

        public Builder id(TransferId newId) {
            this.id = newId;
            return this;
        }

        public Builder code(InviteCode newCode) {
            this.code = newCode;
            return this;
        }

        public Builder sentBy(String keyId) {
            this.senderKeyId = keyId;
            return this;
        }

        public Builder sentFrom(String address) {
            this.senderAddress = address;
            return this;
        }

        public Builder chunks(int count, int maxBytes) {
            this.chunkCount = count;
            this.maxChunkBytes = maxBytes;
            return this;
        }

        /** The bytes reserved; when not set, {@code chunkCount * maxChunkBytes}. */
        public Builder reservedBytes(long bytes) {
            this.reservedBytes = bytes;
            return this;
        }

        public Builder verifierDigest(String digest) {
            this.verifierDigest = Optional.of(digest);
            return this;
        }

        public Builder createdAt(Instant instant) {
            this.createdAt = instant;
            return this;
        }

        /** The expiry; when not set, {@link #TTL} after creation. */
        public Builder expiresAt(Instant instant) {
            this.expiresAt = instant;
            return this;
        }

        /** The hard expiry; when not set, {@link #LIFETIME} after creation (or the expiry, if later). */
        public Builder hardExpiresAt(Instant instant) {
            this.hardExpiresAt = instant;
            return this;
        }

        public Transfer build() {
            Instant expiry = expiresAt == null ? createdAt.plus(TTL) : expiresAt;
            Instant hardExpiry = hardExpiresAt != null ? hardExpiresAt
                    : expiry.isAfter(createdAt.plus(LIFETIME)) ? expiry : createdAt.plus(LIFETIME);
            long reserved = reservedBytes == null ? (long) chunkCount * maxChunkBytes : reservedBytes;
            return Transfer.created(id, code, senderKeyId, senderAddress, chunkCount, maxChunkBytes, reserved,
                    verifierDigest, createdAt, expiry, hardExpiry);
        }
    }

    private static String random(String alphabet, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }
}
