package dev.switchboard.domain.pairing;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.SessionId;

/** The refusals of the pairing use cases, each with its code and a message safe to show the caller. */
final class PairingErrors {

    private PairingErrors() {}

    static SignalingException notFound(SessionId id) {
        return new SignalingException(ErrorCode.SESSION_NOT_FOUND, "session " + id + " does not exist");
    }

    static SignalingException noOpenSessionWithCode(InviteCode code) {
        return new SignalingException(ErrorCode.SESSION_NOT_FOUND, "no open session has the invite code " + code);
    }

    static SignalingException expired(SessionId id) {
        return new SignalingException(ErrorCode.SESSION_EXPIRED, "session " + id + " has expired");
    }

    static SignalingException closed(SessionId id) {
        return new SignalingException(ErrorCode.SESSION_CLOSED, "session " + id + " was closed by its host");
    }

    static SignalingException full(SessionId id) {
        return new SignalingException(ErrorCode.SESSION_FULL, "session " + id + " has no room left");
    }

    /** Malformed or forged: one message for both; {@code logDetail} says which, for operators only. */
    static SignalingException inviteInvalid(String logDetail) {
        return new SignalingException(ErrorCode.INVITE_INVALID, "the invite token is not valid",
                "invite token refused: " + logDetail);
    }

    static SignalingException notMember(SessionId id) {
        return new SignalingException(ErrorCode.NOT_A_MEMBER, "you are not a member of session " + id);
    }

    static SignalingException notHost(SessionId id) {
        return new SignalingException(ErrorCode.NOT_SESSION_HOST, "only the host of session " + id + " may do this");
    }

    static SignalingException recipientNotMember(SessionId id, MemberId recipient) {
        return new SignalingException(ErrorCode.RECIPIENT_NOT_A_MEMBER,
                "member " + recipient + " is not in session " + id);
    }

    static SignalingException mailboxFull(MemberId recipient, int maxQueued) {
        return new SignalingException(ErrorCode.MAILBOX_FULL, "member " + recipient + " already has " + maxQueued
                + " unacknowledged messages; nothing was sent, retry once it has caught up");
    }

    /** Malformed, forged, expired or used: one message for all; {@code logDetail} says which, for the log only. */
    static SignalingException ticketInvalid(String logDetail) {
        return new SignalingException(ErrorCode.TICKET_INVALID, "the connection ticket is not valid",
                "connection ticket refused: " + logDetail);
    }

    static SignalingException tooManyOpenSessions(int maxOpen) {
        return new SignalingException(ErrorCode.LIMIT_REACHED,
                "you already host " + maxOpen + " open sessions; close one first");
    }

    static SignalingException joinBudgetSpent() {
        return new SignalingException(ErrorCode.RATE_LIMITED,
                "too many failed attempts to join from this address; try again later");
    }

    static SignalingException noFreeInviteCode(int attempts) {
        return new SignalingException(ErrorCode.SERVICE_UNAVAILABLE, "no free invite code could be drawn; try again",
                "every one of " + attempts + " drawn invite codes was taken by a live session");
    }
}
