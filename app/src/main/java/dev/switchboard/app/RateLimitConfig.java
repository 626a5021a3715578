package dev.switchboard.app;

import dev.switchboard.domain.RateLimitPolicy;
import dev.switchboard.domain.RateLimitPolicy.Budget;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The rate-limit budgets, each written {@code <quota>/<window>} ({@code 1200/1m}, {@code 10/1h}) or {@code off};
 * defaults are {@link RateLimitPolicy#defaults()}'s. See {@code docs/operations.md#rate-limits}.
 */
public record RateLimitConfig(RateLimitPolicy policy) {
    static final String API_PER_ADDRESS = "SWITCHBOARD_RATE_LIMIT_API_PER_ADDRESS";
    static final String API_PER_IDENTITY = "SWITCHBOARD_RATE_LIMIT_API_PER_IDENTITY";
    static final String CREDENTIALS_PER_ADDRESS = "SWITCHBOARD_RATE_LIMIT_CREDENTIALS_PER_ADDRESS";
    static final String WS_CONNECTS_PER_ADDRESS = "SWITCHBOARD_RATE_LIMIT_WS_CONNECTS_PER_ADDRESS";
    static final String WS_MESSAGES_PER_IDENTITY = "SWITCHBOARD_RATE_LIMIT_WS_MESSAGES_PER_IDENTITY";
    private static final String OFF = "off";

    public RateLimitConfig {
        Objects.requireNonNull(policy, "policy");
    }

    static RateLimitConfig read(SettingsReader settings) {
        RateLimitPolicy defaults = RateLimitPolicy.defaults();
        return new RateLimitConfig(new RateLimitPolicy(
                budget(settings, API_PER_ADDRESS, defaults.apiCallsPerAddress()),
                budget(settings, API_PER_IDENTITY, defaults.apiCallsPerIdentity()),
                budget(settings, CREDENTIALS_PER_ADDRESS, defaults.credentialsPerAddress()),
                budget(settings, WS_CONNECTS_PER_ADDRESS, defaults.socketConnectsPerAddress()),
                budget(settings, WS_MESSAGES_PER_IDENTITY, defaults.socketMessagesPerIdentity())));
    }

    private static Optional<Budget> budget(SettingsReader settings, String key, Optional<Budget> fallback) {
        Optional<String> value = settings.raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get().toLowerCase(Locale.ROOT).equals(OFF)) {
            return Optional.empty();
        }
        Optional<Budget> parsed = parse(value.get());
        if (parsed.isEmpty()) {
            settings.problem(key, "must be <quota>/<window> such as 1200/1m or 10/1h (quota 1 to 1000000, window "
                    + "1s to 1d), or off, was \"" + value.get() + "\"");
            return fallback;
        }
        return parsed;
    }

    /** {@code <quota>/<window>}, the window as {@link DurationText} reads it; empty when malformed or out of range. */
    static Optional<Budget> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 1) {
            return Optional.empty();
        }
        Optional<Duration> window = DurationText.parse(text.substring(slash + 1));
        try {
            int quota = Integer.parseInt(text.substring(0, slash).strip());
            return window.map(w -> new Budget(quota, w));
        } catch (IllegalArgumentException e) {
            // A number that does not parse, or a budget out of range: the caller reports it with the setting.
            return Optional.empty();
        }
    }
}
