package dev.switchboard.app;

import dev.switchboard.domain.PairingPolicy;
import dev.switchboard.domain.ServerSigningKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How pairing sessions behave: their size and life, presence, mailboxes, the guessing budget, connection
 * tickets, and the key that signs invite tokens and tickets.
 *
 * @param defaultCapacity            members of a session opened without a capacity (host included)
 * @param maxCapacity                the largest capacity a session may ask for
 * @param minSessionTtl              shortest initial life of a session
 * @param defaultSessionTtl          initial life of a session opened without a TTL
 * @param maxSessionTtl              longest initial life of a session
 * @param activityExtension          activity keeps a session alive at least this long from now
 * @param maxSessionLifetime         no activity keeps a session past this age
 * @param presenceTimeout            a member not seen for this long is removed with {@code peer-left}
 * @param maxQueuedPerRecipient      unacknowledged messages one mailbox may hold before sends are refused
 * @param maxOpenSessionsPerIdentity open sessions one identity may host at once
 * @param joinFailureBudget          failed joins one client address may make per window
 * @param joinFailureWindow          the window of the join-failure budget
 * @param ticketTtl                  life of a WebSocket connection ticket
 * @param signingKey                 signs invite tokens and tickets; empty means "generate one for this run"
 */
public record PairingConfig(
        int defaultCapacity,
        int maxCapacity,
        Duration minSessionTtl,
        Duration defaultSessionTtl,
        Duration maxSessionTtl,
        Duration activityExtension,
        Duration maxSessionLifetime,
        Duration presenceTimeout,
        int maxQueuedPerRecipient,
        int maxOpenSessionsPerIdentity,
        int joinFailureBudget,
        Duration joinFailureWindow,
        Duration ticketTtl,
        Optional<ServerSigningKey> signingKey) {
    static final String SIGNING_KEY = "SWITCHBOARD_SIGNING_KEY";
    private static final String TTL_MIN = "SWITCHBOARD_SESSION_TTL_MIN_SECONDS";
    private static final String TTL_DEFAULT = "SWITCHBOARD_SESSION_TTL_DEFAULT_SECONDS";
    private static final String TTL_MAX = "SWITCHBOARD_SESSION_TTL_MAX_SECONDS";
    private static final String LIFETIME = "SWITCHBOARD_SESSION_MAX_LIFETIME_SECONDS";
    private static final String CAPACITY_DEFAULT = "SWITCHBOARD_SESSION_CAPACITY_DEFAULT";
    private static final String CAPACITY_MAX = "SWITCHBOARD_SESSION_CAPACITY_MAX";
    private static final long ONE_DAY = 24 * 3600;
    private static final long ONE_WEEK = 7 * ONE_DAY;

    public PairingConfig {
        Objects.requireNonNull(minSessionTtl, "minSessionTtl");
        Objects.requireNonNull(defaultSessionTtl, "defaultSessionTtl");
        Objects.requireNonNull(maxSessionTtl, "maxSessionTtl");
        Objects.requireNonNull(activityExtension, "activityExtension");
        Objects.requireNonNull(maxSessionLifetime, "maxSessionLifetime");
        Objects.requireNonNull(presenceTimeout, "presenceTimeout");
        Objects.requireNonNull(joinFailureWindow, "joinFailureWindow");
        Objects.requireNonNull(ticketTtl, "ticketTtl");
        Objects.requireNonNull(signingKey, "signingKey");
    }

    /** The domain's rules with these settings, signed with {@code key}; the closed-session retention is the domain's. */
    PairingPolicy policy(ServerSigningKey key) {
        PairingPolicy defaults = PairingPolicy.defaults(key);
        return new PairingPolicy(defaultCapacity, maxCapacity, minSessionTtl, defaultSessionTtl, maxSessionTtl,
                activityExtension, maxSessionLifetime, presenceTimeout, defaults.closedSessionRetention(),
                maxQueuedPerRecipient, maxOpenSessionsPerIdentity, joinFailureBudget, joinFailureWindow, ticketTtl,
                key);
    }

    /** Reads the section; defaults are {@link PairingPolicy#defaults}'s, bounds are the policy's own. */
    static PairingConfig read(SettingsReader settings) {
        int maxCapacity = (int) settings.integer(CAPACITY_MAX, 16, 2, 64);
        int defaultCapacity = (int) settings.integer(CAPACITY_DEFAULT, 2, 2, 64);
        if (defaultCapacity > maxCapacity) {
            settings.problem(CAPACITY_DEFAULT + " (" + defaultCapacity + ") must not exceed "
                    + CAPACITY_MAX + " (" + maxCapacity + ")");
        }
        Duration min = settings.seconds(TTL_MIN, 30, 1, ONE_WEEK);
        Duration fallback = settings.seconds(TTL_DEFAULT, 300, 1, ONE_WEEK);
        Duration max = settings.seconds(TTL_MAX, 3600, 1, ONE_WEEK);
        if (fallback.compareTo(min) < 0 || fallback.compareTo(max) > 0) {
            settings.problem(TTL_DEFAULT + " (" + fallback.toSeconds() + ") must lie within " + TTL_MIN + " ("
                    + min.toSeconds() + ") and " + TTL_MAX + " (" + max.toSeconds() + ")");
        }
        Duration lifetime = settings.seconds(LIFETIME, 12 * 3600, 1, 30 * ONE_DAY);
        if (lifetime.compareTo(max) < 0) {
            settings.problem(LIFETIME + " (" + lifetime.toSeconds() + ") must be at least " + TTL_MAX + " ("
                    + max.toSeconds() + ")");
        }
        return new PairingConfig(
                defaultCapacity,
                maxCapacity,
                min,
                fallback,
                max,
                settings.seconds("SWITCHBOARD_SESSION_ACTIVITY_EXTENSION_SECONDS", 300, 1, ONE_DAY),
                lifetime,
                settings.seconds("SWITCHBOARD_PRESENCE_TIMEOUT_SECONDS", 45, 1, ONE_DAY),
                (int) settings.integer("SWITCHBOARD_MAILBOX_MAX_QUEUED", 256, 1, 100_000),
                (int) settings.integer("SWITCHBOARD_MAX_OPEN_SESSIONS_PER_IDENTITY", 16, 1, 10_000),
                (int) settings.integer("SWITCHBOARD_JOIN_FAILURE_BUDGET", 10, 1, 10_000),
                settings.seconds("SWITCHBOARD_JOIN_FAILURE_WINDOW_SECONDS", 600, 1, ONE_DAY),
                settings.seconds("SWITCHBOARD_TICKET_TTL_SECONDS", 30, 1, 3600),
                readSigningKey(settings));
    }

    /** Parses the key; a problem names the setting and what is wrong, never the key material. */
    private static Optional<ServerSigningKey> readSigningKey(SettingsReader settings) {
        return settings.raw(SIGNING_KEY).flatMap(hex -> {
            try {
                return Optional.of(ServerSigningKey.parseHex(hex));
            } catch (IllegalArgumentException e) {
                settings.problem(SIGNING_KEY, e.getMessage());
                return Optional.empty();
            }
        });
    }

    @Override
    public String toString() {
        return "PairingConfig[capacity " + defaultCapacity + "/" + maxCapacity + ", signingKey "
                + (signingKey.isPresent() ? "configured" : "per run") + ", ...]";
    }
}
