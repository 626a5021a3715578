package dev.switchboard.app;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them in settings: a whole number and one unit, {@code s}, {@code m}, {@code h} or
 * {@code d} ({@code 90s}, {@code 1m}, {@code 30d}); a bare number is seconds.
 */
final class DurationText {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd]?)");

    private DurationText() {}

    /** The duration {@code text} names; empty when it names none. */
    static Optional<Duration> parse(String text) {
        Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        });
    }

    /** The shortest way to write {@code duration} that {@link #parse} reads back (whole seconds). */
    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
