package dev.switchboard.ports.driving;

/**
 * Sends {@code EXPIRE} to the senders of messages whose recipients did not connect within the expire
 * timeout, and drops those messages. Run often (about every second, as the {@code peer} server does);
 * safe on several instances at once. Returns how many messages expired.
 */
public interface ExpirePeerMessages {
    int expire();
}
