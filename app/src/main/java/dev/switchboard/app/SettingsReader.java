package dev.switchboard.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads settings by their environment-variable name ({@code SWITCHBOARD_HTTP_PORT}), letting the matching
 * system property ({@code switchboard.http.port}: lower case, underscores as dots) take precedence. It
 * never throws on a bad value: it records a problem naming the setting and returns the default, so that
 * every problem of a configuration is reported at once.
 */
final class SettingsReader {
    static final String ENV_PREFIX = "SWITCHBOARD_";
    private static final Pattern MILLISECONDS = Pattern.compile("(\\d{1,9})(ms|s|m|)");

    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> knownKeys = new HashSet<>();

    SettingsReader(Map<String, String> environment, Properties systemProperties) {
        this.environment = Map.copyOf(environment);
        this.systemProperties = systemProperties;
    }

    /** The system property that overrides an environment variable: {@code SWITCHBOARD_A_B} is {@code switchboard.a.b}. */
    static String propertyName(String key) {
        return key.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The raw value, blank treated as absent. */
    Optional<String> raw(String key) {
        knownKeys.add(key);
        return Optional.ofNullable(systemProperties.getProperty(propertyName(key)))
                .or(() -> Optional.ofNullable(environment.get(key)))
                .map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    /**
     * A variable the platform sets, not a setting of ours (such as {@code AWS_LAMBDA_FUNCTION_NAME}): read from the
     * environment only, blank treated as absent, and never reported as unknown.
     */
    Optional<String> platformVariable(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    String string(String key, String fallback) {
        return raw(key).orElse(fallback);
    }

    long integer(String key, long fallback, long min, long max) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        problem(key, "must be a whole number from " + min + " to " + max + ", was \"" + value.get() + "\"");
        return fallback;
    }

    /** {@code true} or {@code false}, in any case. */
    boolean flag(String key, boolean fallback) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String word = value.get().toLowerCase(Locale.ROOT);
        if (word.equals("true") || word.equals("false")) {
            return Boolean.parseBoolean(word);
        }
        problem(key, "must be true or false, was \"" + value.get() + "\"");
        return fallback;
    }

    Duration seconds(String key, long fallbackSeconds, long minSeconds, long maxSeconds) {
        return Duration.ofSeconds(integer(key, fallbackSeconds, minSeconds, maxSeconds));
    }

    /**
     * A duration written as a whole number with a unit, {@code 30s}, {@code 5m}, {@code 12h} or {@code 30d} (see
     * {@link DurationText}); a bare number counts as seconds, like the {@code _SECONDS} settings.
     */
    Duration duration(String key, Duration fallback, Duration min, Duration max) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Optional<Duration> parsed = DurationText.parse(value.get());
        if (parsed.isPresent() && parsed.get().compareTo(min) >= 0 && parsed.get().compareTo(max) <= 0) {
            return parsed.get();
        }
        problem(key, "must be a duration such as 30s, 5m, 12h or 30d, from " + DurationText.format(min) + " to "
                + DurationText.format(max) + ", was \"" + value.get() + "\"");
        return fallback;
    }

    /**
     * A duration in milliseconds, as the {@code peer} server takes its timeouts: a bare whole number is
     * milliseconds ({@code 5000}); {@code ms}, {@code s} and {@code m} name their unit ({@code 5s}).
     */
    Duration milliseconds(String key, Duration fallback, Duration min, Duration max) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Matcher matcher = MILLISECONDS.matcher(value.get().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            Duration parsed = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofMillis(amount);
            };
            if (parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
                return parsed;
            }
        }
        problem(key, "must be a whole number of milliseconds (or with a unit: ms, s, m) from " + min.toMillis()
                + " to " + max.toMillis() + ", was \"" + value.get() + "\"");
        return fallback;
    }

    /** A comma-separated list, each item stripped, empty items dropped; empty when unset. */
    List<String> list(String key) {
        return raw(key).map(value -> Arrays.stream(value.split(","))
                .map(String::strip).filter(item -> !item.isEmpty()).toList()).orElse(List.of());
    }

    /** Records a problem with one setting, named as the operator set it. */
    void problem(String key, String message) {
        String source = systemProperties.getProperty(propertyName(key)) != null ? propertyName(key) : key;
        problems.add(source + ": " + message);
    }

    /** Records a problem that spans several settings. */
    void problem(String message) {
        problems.add(message);
    }

    /** Settings under our prefix that no one asked for: almost always a misspelt key. */
    void reportUnknownKeys() {
        Set<String> unknown = new TreeSet<>();
        environment.keySet().stream()
                .filter(name -> name.startsWith(ENV_PREFIX) && !knownKeys.contains(name))
                .forEach(unknown::add);
        Set<String> knownProperties = new HashSet<>();
        knownKeys.forEach(key -> knownProperties.add(propertyName(key)));
        systemProperties.stringPropertyNames().stream()
                .filter(name -> name.startsWith(propertyName(ENV_PREFIX)) && !knownProperties.contains(name))
                .forEach(unknown::add);
        unknown.forEach(name -> problems.add(name + ": unknown setting (misspelt?)"));
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
