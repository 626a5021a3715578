package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.SessionStore.Delivery;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every recipient's {@link Mailbox} and the one sequence counter they share. Appending locks the
 * mailboxes of all the recipients, in key order so that appends never deadlock, draws the sequences and
 * publishes before unlocking; reading locks nothing.
 *
 * <p>Why a reader never sees a gap filled later: a sequence for recipient R is drawn only while R's
 * mailbox is locked, and R's mailbox publishes only what it has stored. Whatever R may still receive is
 * drawn later, so it is larger than everything R can read now. Appends to different recipients share
 * nothing but the counter.
 */
final class Mailboxes {
    private final ConcurrentMap<String, Mailbox> byRecipient = new ConcurrentHashMap<>();
    private final AtomicLong lastSequence = new AtomicLong();

    /**
     * Stores every message, with sequences in the order given, unless a recipient would then hold more
     * than {@code maxPerRecipient}; then stores none and names such a recipient.
     */
    Delivery append(List<SessionMessage> messages, int maxPerRecipient) {
        if (messages.size() == 1) {
            return appendOne(messages.get(0), maxPerRecipient);
        }
        SortedMap<String, Integer> incoming = new TreeMap<>();
        messages.forEach(message -> incoming.merge(message.recipientKeyId(), 1, Integer::sum));
        Map<String, Mailbox> locked = new HashMap<>();
        try {
            for (Map.Entry<String, Integer> recipient : incoming.entrySet()) {
                Mailbox mailbox = lockLive(recipient.getKey());
                locked.put(recipient.getKey(), mailbox);
                if ((long) mailbox.size() + recipient.getValue() > maxPerRecipient) {
                    return new Delivery.MailboxFull(recipient.getKey());
                }
            }
            List<SessionMessage> stored = new ArrayList<>(messages.size());
            for (SessionMessage message : messages) {
                SessionMessage sequenced = message.withSequence(lastSequence.incrementAndGet());
                locked.get(message.recipientKeyId()).put(sequenced);
                stored.add(sequenced);
            }
            locked.values().forEach(Mailbox::publish);
            return new Delivery.Delivered(stored);
        } finally {
            locked.forEach(this::release);
        }
    }

    /** {@link #append} of a single message (a signal to one member, the common case) without sorting or maps. */
    private Delivery appendOne(SessionMessage message, int maxPerRecipient) {
        String recipient = message.recipientKeyId();
        Mailbox mailbox = lockLive(recipient);
        try {
            if ((long) mailbox.size() + 1 > maxPerRecipient) {
                return new Delivery.MailboxFull(recipient);
            }
            SessionMessage sequenced = message.withSequence(lastSequence.incrementAndGet());
            mailbox.put(sequenced);
            mailbox.publish();
            return new Delivery.Delivered(List.of(sequenced));
        } finally {
            release(recipient, mailbox);
        }
    }

    List<SessionMessage> read(String recipient, long afterSequence, int limit) {
        Mailbox mailbox = byRecipient.get(recipient);
        return mailbox == null ? List.of() : mailbox.read(afterSequence, limit);
    }

    /** Deletes the recipient's messages up to {@code upToSequence}; returns how many. */
    int acknowledge(String recipient, long upToSequence) {
        Mailbox mailbox = lockExisting(recipient);
        if (mailbox == null) {
            return 0;
        }
        try {
            return mailbox.removeUpTo(upToSequence);
        } finally {
            release(recipient, mailbox);
        }
    }

    /** Deletes the recipient's messages of one session. */
    void purge(String recipient, SessionId sessionId) {
        Mailbox mailbox = lockExisting(recipient);
        if (mailbox != null) {
            try {
                mailbox.removeSession(sessionId);
            } finally {
                release(recipient, mailbox);
            }
        }
    }

    int recipients() {
        return byRecipient.size();
    }

    int messages() {
        return byRecipient.values().stream().mapToInt(Mailbox::countByWalking).sum();
    }

    /** The recipient's mailbox, created if need be, locked and not retired. */
    private Mailbox lockLive(String recipient) {
        while (true) {
            Mailbox mailbox = byRecipient.computeIfAbsent(recipient, key -> new Mailbox());
            mailbox.lock();
            if (!mailbox.isRetired()) {
                return mailbox;
            }
            mailbox.unlock();
        }
    }

    /** The recipient's mailbox, locked and not retired, or null when it has none. */
    private Mailbox lockExisting(String recipient) {
        while (true) {
            Mailbox mailbox = byRecipient.get(recipient);
            if (mailbox == null) {
                return null;
            }
            mailbox.lock();
            if (!mailbox.isRetired()) {
                return mailbox;
            }
            mailbox.unlock();
        }
    }

    /** Unlocks, first dropping the mailbox if it is empty, so that no empty mailbox stays behind. */
    private void release(String recipient, Mailbox mailbox) {
        if (mailbox.retireIfEmpty()) {
            byRecipient.remove(recipient, mailbox);
        }
        mailbox.unlock();
    }
}
