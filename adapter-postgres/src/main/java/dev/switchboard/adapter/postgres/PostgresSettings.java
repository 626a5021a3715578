package dev.switchboard.adapter.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the PostgreSQL store lives and how many connections it may hold. The pool keeps between
 * {@code minPoolSize} and {@code maxPoolSize} connections; the change listener holds one more, outside it.
 * {@link #toString()} never shows the password, and {@link #redactedUrl()} hides one written into the URL.
 *
 * @param jdbcUrl           a {@code jdbc:postgresql:} URL
 * @param user              the database role
 * @param password          its password; may be empty (for example with trust or peer authentication)
 * @param minPoolSize       connections kept open while idle, at least 1
 * @param maxPoolSize       connections at most, from {@code minPoolSize} to {@value #MAX_POOL_SIZE}
 * @param connectionTimeout how long a caller waits for a pooled connection before the store is unavailable
 */
public record PostgresSettings(
        String jdbcUrl, String user, String password, int minPoolSize, int maxPoolSize, Duration connectionTimeout) {

    /** Pool size while idle unless configured: enough for a request and the sweeper. */
    public static final int DEFAULT_MIN_POOL_SIZE = 2;
    /** Pool size at most unless configured: PostgreSQL serves best with a few busy connections. */
    public static final int DEFAULT_MAX_POOL_SIZE = 20;
    /** The largest pool accepted; more connections per instance only contend inside the database. */
    public static final int MAX_POOL_SIZE = 200;
    /** How long a request waits for a connection unless configured: long enough for a burst, short for an outage. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** HikariCP's floor for the connection timeout. */
    private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");
    private static final Pattern PASSWORD_IN_USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:, was " + redact(jdbcUrl));
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        if (minPoolSize < 1) {
            throw new IllegalArgumentException("minPoolSize must be at least 1, was " + minPoolSize);
        }
        if (maxPoolSize < minPoolSize || maxPoolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("maxPoolSize must be between minPoolSize (" + minPoolSize + ") and "
                    + MAX_POOL_SIZE + ", was " + maxPoolSize);
        }
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("connectionTimeout must be at least " + MIN_CONNECTION_TIMEOUT.toMillis()
                    + " ms, was " + connectionTimeout.toMillis() + " ms");
        }
    }

    /** Settings with the default pool ({@value #DEFAULT_MIN_POOL_SIZE}-{@value #DEFAULT_MAX_POOL_SIZE}) and timeout. */
    public static PostgresSettings of(String jdbcUrl, String user, String password) {
        return new PostgresSettings(
                jdbcUrl, user, password, DEFAULT_MIN_POOL_SIZE, DEFAULT_MAX_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** These settings with another pool size. */
    public PostgresSettings withPoolSize(int min, int max) {
        return new PostgresSettings(jdbcUrl, user, password, min, max, connectionTimeout);
    }

    /** These settings with another connection timeout. */
    public PostgresSettings withConnectionTimeout(Duration timeout) {
        return new PostgresSettings(jdbcUrl, user, password, minPoolSize, maxPoolSize, timeout);
    }

    /** The URL fit for messages and logs: a password written into it is masked. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return "PostgresSettings[jdbcUrl=" + redactedUrl() + ", user=" + user + ", password=(redacted)"
                + ", minPoolSize=" + minPoolSize + ", maxPoolSize=" + maxPoolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }

    private static String redact(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return PASSWORD_IN_USER_INFO.matcher(masked).replaceAll("$1***@");
    }
}
