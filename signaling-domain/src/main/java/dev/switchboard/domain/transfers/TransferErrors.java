package dev.switchboard.domain.transfers;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.TransferId;

/** The refusals of the transfer relay, each with its code and a message safe to show the caller. */
final class TransferErrors {

    private TransferErrors() {}

    static SignalingException notFound(TransferId id) {
        return new SignalingException(ErrorCode.TRANSFER_NOT_FOUND, "transfer " + id + " does not exist");
    }

    static SignalingException noTransferWithCode() {
        return new SignalingException(ErrorCode.TRANSFER_NOT_FOUND, "no transfer has this invite code");
    }

    static SignalingException expired(TransferId id) {
        return new SignalingException(ErrorCode.TRANSFER_EXPIRED, "transfer " + id + " has expired");
    }

    static SignalingException complete(TransferId id) {
        return new SignalingException(ErrorCode.TRANSFER_COMPLETE, "transfer " + id + " is already complete");
    }

    static SignalingException alreadyClaimed(TransferId id) {
        return new SignalingException(ErrorCode.TRANSFER_ALREADY_CLAIMED,
                "transfer " + id + " was already claimed by another receiver");
    }

    static SignalingException ownTransfer() {
        return SignalingException.invalid("code", "cannot claim your own transfer");
    }

    static SignalingException verifierMismatch() {
        return new SignalingException(ErrorCode.VERIFIER_MISMATCH,
                "the access verifier is missing or does not match");
    }

    /** Malformed, forged, for another transfer, role or holder: one message; {@code logDetail} says which. */
    static SignalingException capabilityInvalid(String logDetail) {
        return new SignalingException(ErrorCode.CAPABILITY_INVALID, "the capability token is not valid",
                "capability token refused: " + logDetail);
    }

    static SignalingException chunkTooLarge(int size, int maxChunkBytes) {
        return new SignalingException(ErrorCode.PAYLOAD_TOO_LARGE,
                "the chunk has " + size + " bytes; this transfer's chunks hold at most " + maxChunkBytes);
    }

    static SignalingException indexOutOfRange(int index, int chunkCount) {
        return SignalingException.invalid("index", "must be between 0 and " + (chunkCount - 1) + ", was " + index);
    }

    static SignalingException bytesExceeded(TransferId id, long reservedBytes) {
        return new SignalingException(ErrorCode.TRANSFER_BYTES_EXCEEDED,
                "the chunk would take transfer " + id + " past the " + reservedBytes + " bytes it declared");
    }

    static SignalingException chunkConflict(TransferId id, int index) {
        return new SignalingException(ErrorCode.CHUNK_CONFLICT,
                "chunk " + index + " of transfer " + id + " was already uploaded with other bytes");
    }

    static SignalingException chunkNotAvailable(TransferId id, int index) {
        return new SignalingException(ErrorCode.CHUNK_NOT_AVAILABLE,
                "chunk " + index + " of transfer " + id + " has not been uploaded yet");
    }

    static SignalingException chunkAcknowledged(TransferId id, int index) {
        return new SignalingException(ErrorCode.CHUNK_ACKNOWLEDGED,
                "chunk " + index + " of transfer " + id + " was acknowledged and deleted");
    }

    static SignalingException storageFull() {
        return new SignalingException(ErrorCode.STORAGE_FULL,
                "the relay holds as many bytes as it may; try again later or send less");
    }

    static SignalingException tooManyLive(String what, int limit) {
        return new SignalingException(ErrorCode.LIMIT_REACHED,
                "this " + what + " already has " + limit + " live transfers; let one finish first");
    }

    static SignalingException claimBudgetSpent() {
        return new SignalingException(ErrorCode.RATE_LIMITED,
                "too many failed attempts to claim a transfer from this address; try again later");
    }

    static SignalingException noFreeInviteCode(int attempts) {
        return new SignalingException(ErrorCode.SERVICE_UNAVAILABLE, "no free invite code could be drawn; try again",
                "every one of " + attempts + " drawn invite codes was taken by a stored transfer");
    }
}
