package dev.switchboard.app;

import java.time.Duration;
import java.util.Objects;

/**
 * How long offers live and how much ICE they may carry.
 *
 * @param minTtl               the shortest life a client may ask for
 * @param defaultTtl           the life of an offer published without {@code ttlSeconds}
 * @param maxTtl               the longest life a client may ask for
 * @param answeredRetention    how long an answered offer keeps its answer and candidates for late ICE
 * @param maxCandidatesPerSide the ICE candidates each side may add to one offer
 */
public record OfferConfig(
        Duration minTtl, Duration defaultTtl, Duration maxTtl, Duration answeredRetention, int maxCandidatesPerSide) {

    private static final long ONE_WEEK_SECONDS = 7 * 24 * 3600;

    public OfferConfig {
        Objects.requireNonNull(minTtl, "minTtl");
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        Objects.requireNonNull(maxTtl, "maxTtl");
        Objects.requireNonNull(answeredRetention, "answeredRetention");
    }

    static OfferConfig read(SettingsReader settings) {
        Duration min = settings.seconds("SWITCHBOARD_OFFER_TTL_MIN_SECONDS", 10, 1, ONE_WEEK_SECONDS);
        Duration fallback = settings.seconds("SWITCHBOARD_OFFER_TTL_DEFAULT_SECONDS", 300, 1, ONE_WEEK_SECONDS);
        Duration max = settings.seconds("SWITCHBOARD_OFFER_TTL_MAX_SECONDS", 3600, 1, ONE_WEEK_SECONDS);
        if (fallback.compareTo(min) < 0 || fallback.compareTo(max) > 0) {
            settings.problem("SWITCHBOARD_OFFER_TTL_DEFAULT_SECONDS (" + fallback.toSeconds()
                    + ") must lie within SWITCHBOARD_OFFER_TTL_MIN_SECONDS (" + min.toSeconds()
                    + ") and SWITCHBOARD_OFFER_TTL_MAX_SECONDS (" + max.toSeconds() + ")");
        }
        return new OfferConfig(
                min,
                fallback,
                max,
                settings.seconds("SWITCHBOARD_ANSWERED_OFFER_RETENTION_SECONDS", 120, 1, ONE_WEEK_SECONDS),
                (int) settings.integer("SWITCHBOARD_MAX_CANDIDATES_PER_SIDE", 50, 1, 1000));
    }
}
