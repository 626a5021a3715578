package dev.switchboard.app;

import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.TransferPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How the zero-knowledge transfer relay behaves: chunk and byte budgets, lifetimes, and the per-sender and
 * guessing limits. Capability tokens are signed with the pairing signing key ({@code SWITCHBOARD_SIGNING_KEY}).
 *
 * @param maxChunkCount               the most chunks one transfer may have
 * @param maxChunkBytes               the largest chunk a transfer may declare; also the largest chunk body read
 * @param maxTransferBytes            the most bytes one transfer may declare
 * @param maxServerBytes              the most bytes all live transfers together may reserve
 * @param minTtl                      shortest initial life of a transfer
 * @param defaultTtl                  initial life of a transfer created without a TTL
 * @param maxTtl                      longest initial life of a transfer
 * @param activityExtension           a claim, upload or acknowledgement keeps a transfer alive at least this long
 * @param maxLifetime                 no activity keeps a transfer past this age
 * @param retention                   how long a complete or expired transfer stays readable before it is forgotten
 * @param maxLiveTransfersPerIdentity live transfers one identity may have sent at once
 * @param maxLiveTransfersPerAddress  live transfers one client address may have sent at once
 * @param claimFailureBudget          failed claims one client address may make per window
 * @param claimFailureWindow          the window of that budget
 * @param maxVerifierLength           the longest access verifier accepted, in characters
 */
public record TransferConfig(
        int maxChunkCount,
        int maxChunkBytes,
        long maxTransferBytes,
        long maxServerBytes,
        Duration minTtl,
        Duration defaultTtl,
        Duration maxTtl,
        Duration activityExtension,
        Duration maxLifetime,
        Duration retention,
        int maxLiveTransfersPerIdentity,
        int maxLiveTransfersPerAddress,
        int claimFailureBudget,
        Duration claimFailureWindow,
        int maxVerifierLength) {
    static final String MAX_BYTES = "SWITCHBOARD_TRANSFER_MAX_BYTES";
    static final String MAX_SERVER_BYTES = "SWITCHBOARD_TRANSFER_MAX_SERVER_BYTES";
    private static final String TTL_MIN = "SWITCHBOARD_TRANSFER_TTL_MIN_SECONDS";
    private static final String TTL_DEFAULT = "SWITCHBOARD_TRANSFER_TTL_DEFAULT_SECONDS";
    private static final String TTL_MAX = "SWITCHBOARD_TRANSFER_TTL_MAX_SECONDS";
    private static final String LIFETIME = "SWITCHBOARD_TRANSFER_MAX_LIFETIME_SECONDS";
    /** The memory store keeps chunk bytes on the heap: by default they may take a quarter of it. */
    static final int MEMORY_STORE_HEAP_FRACTION = 4;
    /** PostgreSQL keeps chunk bytes on disk, where room is cheaper than heap. */
    static final long POSTGRES_DEFAULT_SERVER_BYTES = 8L * 1024 * 1024 * 1024;
    /** The domain's documented limits; the key they come with is a placeholder that signs nothing. */
    private static final TransferPolicy DEFAULTS = TransferPolicy.defaults(placeholderKey());
    private static final long ONE_GIB = 1024L * 1024 * 1024;
    private static final long ONE_TIB = 1024 * ONE_GIB;
    private static final long ONE_DAY = 24 * 3600;
    private static final long ONE_WEEK = 7 * ONE_DAY;

    public TransferConfig {
        Objects.requireNonNull(minTtl, "minTtl");
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        Objects.requireNonNull(maxTtl, "maxTtl");
        Objects.requireNonNull(activityExtension, "activityExtension");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(claimFailureWindow, "claimFailureWindow");
    }

    /** The domain's rules with these settings, signing capability tokens with {@code key}. */
    TransferPolicy policy(ServerSigningKey key) {
        return new TransferPolicy(maxChunkCount, maxChunkBytes, maxTransferBytes, maxServerBytes, minTtl, defaultTtl,
                maxTtl, activityExtension, maxLifetime, retention, maxLiveTransfersPerIdentity,
                maxLiveTransfersPerAddress, claimFailureBudget, claimFailureWindow, maxVerifierLength, key);
    }

    /** A key to build a policy with only to check or read its limits; it never signs anything. */
    static ServerSigningKey placeholderKey() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 1);
        return ServerSigningKey.of(key);
    }

    /**
     * The server-wide byte budget when none is set: a quarter of the heap ({@code maxHeapBytes}) for the memory
     * store, which holds chunks there, and {@value #POSTGRES_DEFAULT_SERVER_BYTES} bytes for PostgreSQL.
     */
    static long defaultServerBytes(Optional<StoreKind> store, long maxHeapBytes) {
        if (store.filter(StoreKind::durable).isPresent()) {
            return POSTGRES_DEFAULT_SERVER_BYTES;
        }
        return Math.min(maxHeapBytes / MEMORY_STORE_HEAP_FRACTION, POSTGRES_DEFAULT_SERVER_BYTES);
    }

    /**
     * Reads the section; defaults are {@link TransferPolicy#defaults}'s except the byte budgets, which follow the
     * store ({@link #defaultServerBytes}); a transfer may by default take 1 GiB, or the server's budget if smaller.
     */
    static TransferConfig read(SettingsReader settings, Optional<StoreKind> store, long maxHeapBytes) {
        TransferPolicy defaults = DEFAULTS;
        long serverBytes = settings.integer(MAX_SERVER_BYTES, defaultServerBytes(store, maxHeapBytes), 1, 64 * ONE_TIB);
        long transferBytes = settings.integer(MAX_BYTES, Math.min(defaults.maxTransferBytes(), serverBytes), 1, ONE_TIB);
        if (transferBytes > serverBytes) {
            settings.problem(MAX_BYTES + " (" + transferBytes + ") must not exceed " + MAX_SERVER_BYTES + " ("
                    + serverBytes + (settings.raw(MAX_SERVER_BYTES).isPresent() ? ")" : ", the default for this store)"));
        }
        Duration min = settings.seconds(TTL_MIN, defaults.minTtl().toSeconds(), 1, ONE_WEEK);
        Duration fallback = settings.seconds(TTL_DEFAULT, defaults.defaultTtl().toSeconds(), 1, ONE_WEEK);
        Duration max = settings.seconds(TTL_MAX, defaults.maxTtl().toSeconds(), 1, ONE_WEEK);
        if (fallback.compareTo(min) < 0 || fallback.compareTo(max) > 0) {
            settings.problem(TTL_DEFAULT + " (" + fallback.toSeconds() + ") must lie within " + TTL_MIN + " ("
                    + min.toSeconds() + ") and " + TTL_MAX + " (" + max.toSeconds() + ")");
        }
        Duration lifetime = settings.seconds(LIFETIME, defaults.maxLifetime().toSeconds(), 1, 30 * ONE_DAY);
        if (lifetime.compareTo(max) < 0) {
            settings.problem(LIFETIME + " (" + lifetime.toSeconds() + ") must be at least " + TTL_MAX + " ("
                    + max.toSeconds() + ")");
        }
        return new TransferConfig(
                (int) settings.integer("SWITCHBOARD_TRANSFER_MAX_CHUNK_COUNT", defaults.maxChunkCount(), 1, 1_000_000),
                (int) settings.integer("SWITCHBOARD_TRANSFER_MAX_CHUNK_BYTES", defaults.maxChunkBytes(), 1,
                        TransferPolicy.CHUNK_BYTES_LIMIT),
                transferBytes,
                serverBytes,
                min,
                fallback,
                max,
                settings.seconds("SWITCHBOARD_TRANSFER_ACTIVITY_EXTENSION_SECONDS",
                        defaults.activityExtension().toSeconds(), 1, ONE_DAY),
                lifetime,
                settings.seconds("SWITCHBOARD_TRANSFER_RETENTION_SECONDS", defaults.retention().toSeconds(), 1, ONE_WEEK),
                (int) settings.integer("SWITCHBOARD_TRANSFER_MAX_LIVE_PER_IDENTITY",
                        defaults.maxLiveTransfersPerIdentity(), 1, 100_000),
                (int) settings.integer("SWITCHBOARD_TRANSFER_MAX_LIVE_PER_ADDRESS",
                        defaults.maxLiveTransfersPerAddress(), 1, 100_000),
                (int) settings.integer("SWITCHBOARD_TRANSFER_CLAIM_FAILURE_BUDGET", defaults.claimFailureBudget(), 1,
                        10_000),
                settings.seconds("SWITCHBOARD_TRANSFER_CLAIM_FAILURE_WINDOW_SECONDS",
                        defaults.claimFailureWindow().toSeconds(), 1, ONE_DAY),
                (int) settings.integer("SWITCHBOARD_TRANSFER_MAX_VERIFIER_LENGTH", defaults.maxVerifierLength(), 16,
                        4096));
    }
}
