package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.MAILBOX_MESSAGES;

import dev.switchboard.adapter.postgres.schema.tables.records.MailboxMessagesRecord;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.Kind;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import dev.switchboard.ports.model.SessionMessage.MembershipChange;
import dev.switchboard.ports.model.SessionMessage.Signal;
import dev.switchboard.ports.model.SignalPayload;
import dev.switchboard.ports.model.SignalType;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Insert;

/**
 * Translates between mailbox rows and the ports' messages: a signal is kind {@value #SIGNAL} with its sender,
 * addressee, type and payload; a membership change is its {@link Kind}'s name with the member it is about
 * and, for peer-left and session-closed, the {@link LeaveReason}'s name.
 */
final class MessageRows {
    static final String SIGNAL = "SIGNAL";

    private MessageRows() {}

    static SessionMessage message(MailboxMessagesRecord row) {
        SessionId session = new SessionId(row.getSessionId());
        if (SIGNAL.equals(row.getKind())) {
            return new Signal(row.getSequence(), session, row.getRecipientKeyId(),
                    new MemberId(row.getFromMemberId()), new MemberId(row.getToMemberId()),
                    new SignalType(row.getSignalType()), new SignalPayload(row.getPayload()), row.getAt());
        }
        return new MembershipChange(row.getSequence(), session, row.getRecipientKeyId(), Kind.valueOf(row.getKind()),
                new MemberId(row.getMemberId()), Optional.ofNullable(row.getReason()).map(LeaveReason::valueOf),
                row.getAt());
    }

    /** One multi-row INSERT of messages that already carry their sequences. */
    static Insert<MailboxMessagesRecord> insert(DSLContext dsl, List<SessionMessage> messages) {
        var insert = dsl.insertInto(MAILBOX_MESSAGES, MAILBOX_MESSAGES.SEQUENCE, MAILBOX_MESSAGES.SESSION_ID,
                MAILBOX_MESSAGES.RECIPIENT_KEY_ID, MAILBOX_MESSAGES.KIND, MAILBOX_MESSAGES.FROM_MEMBER_ID,
                MAILBOX_MESSAGES.TO_MEMBER_ID, MAILBOX_MESSAGES.SIGNAL_TYPE, MAILBOX_MESSAGES.PAYLOAD,
                MAILBOX_MESSAGES.MEMBER_ID, MAILBOX_MESSAGES.REASON, MAILBOX_MESSAGES.AT);
        for (SessionMessage message : messages) {
            String session = message.sessionId().value();
            if (message instanceof Signal signal) {
                insert = insert.values(signal.sequence(), session, signal.recipientKeyId(), SIGNAL,
                        signal.from().value(), signal.to().value(), signal.type().value(), signal.payload().json(),
                        null, null, signal.at());
            } else if (message instanceof MembershipChange change) {
                insert = insert.values(change.sequence(), session, change.recipientKeyId(), change.kind().name(),
                        null, null, null, null,
                        change.member().value(), change.reason().map(LeaveReason::name).orElse(null), change.at());
            } else {
                throw new IllegalArgumentException("unknown kind of message: " + message.getClass().getName());
            }
        }
        return insert;
    }
}
