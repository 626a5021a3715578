package dev.switchboard.domain.transfers;

import dev.switchboard.domain.TransferPolicy;
import dev.switchboard.domain.shared.InviteCodes;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.driven.TransferStore.Creation;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import dev.switchboard.ports.model.TransferRole;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Creates a transfer sent by the caller under a fresh invite code, reserving its bytes against the
 * server's total in the same atomic step (the store decides that race). The live-transfer limits are
 * checked before, so two concurrent creates may pass them by one: a guard against abuse, not an exact quota.
 */
final class CreateTransferService implements CreateTransfer {
    /** A stored code is drawn again on collision; with 2^40 codes, repeated collisions mean something is wrong. */
    static final int CODE_ATTEMPTS = 8;

    private final TransferStore transfers;
    private final InstantSource clock;
    private final TransferIds ids;
    private final InviteCodes codes;
    private final AccessVerifiers verifiers;
    private final CapabilityTokens tokens;
    private final TransferLifetimes lifetimes;
    private final TransferPolicy policy;

    CreateTransferService(TransferStore transfers, InstantSource clock, TransferIds ids, InviteCodes codes,
            AccessVerifiers verifiers, CapabilityTokens tokens, TransferLifetimes lifetimes, TransferPolicy policy) {
        this.transfers = transfers;
        this.clock = clock;
        this.ids = ids;
        this.codes = codes;
        this.verifiers = verifiers;
        this.tokens = tokens;
        this.lifetimes = lifetimes;
        this.policy = policy;
    }

    @Override
    public Created create(Identity caller, Request request) {
        long reservedBytes = validatedBytes(request);
        Instant now = clock.instant();
        Instant expiresAt = lifetimes.expiryOf(now, request.ttl());
        Instant hardExpiresAt = lifetimes.hardExpiryOf(now);
        if (transfers.countLiveBySender(caller.keyId(), now) >= policy.maxLiveTransfersPerIdentity()) {
            throw TransferErrors.tooManyLive("identity", policy.maxLiveTransfersPerIdentity());
        }
        if (transfers.countLiveByAddress(request.clientAddress(), now) >= policy.maxLiveTransfersPerAddress()) {
            throw TransferErrors.tooManyLive("address", policy.maxLiveTransfersPerAddress());
        }
        TransferId id = ids.next();
        Optional<String> verifierDigest = verifiers.digestForNew(id, request.accessVerifier());
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            Transfer transfer = Transfer.created(id, codes.next(), caller.keyId(), request.clientAddress(),
                    request.chunkCount(), request.maxChunkBytes(), reservedBytes, verifierDigest, now, expiresAt,
                    hardExpiresAt);
            Creation creation = transfers.create(transfer, now, policy.maxServerBytes());
            if (creation instanceof Creation.Created created) {
                return new Created(created.transfer(),
                        tokens.issue(TransferRole.SENDER, created.transfer(), caller.keyId()));
            }
            if (creation instanceof Creation.ServerFull) {
                throw TransferErrors.storageFull();
            }
        }
        throw TransferErrors.noFreeInviteCode(CODE_ATTEMPTS);
    }

    /** The bytes to reserve, once chunk count, chunk size and total are within the policy. */
    private long validatedBytes(Request request) {
        if (request.chunkCount() < 1 || request.chunkCount() > policy.maxChunkCount()) {
            throw SignalingException.invalid("chunkCount", "must be between 1 and " + policy.maxChunkCount());
        }
        if (request.maxChunkBytes() < 1 || request.maxChunkBytes() > policy.maxChunkBytes()) {
            throw SignalingException.invalid("maxChunkBytes", "must be between 1 and " + policy.maxChunkBytes());
        }
        long capacity = (long) request.chunkCount() * request.maxChunkBytes();
        long total = request.totalBytes().orElse(capacity);
        if (total < 1 || total > capacity) {
            throw SignalingException.invalid("totalBytes", "must be between 1 and chunkCount * maxChunkBytes ("
                    + capacity + ")");
        }
        if (total > policy.maxTransferBytes()) {
            throw SignalingException.invalid("totalBytes", "a transfer may carry at most " + policy.maxTransferBytes()
                    + " bytes" + (request.totalBytes().isEmpty() ? "; declare totalBytes or send fewer chunks" : ""));
        }
        return total;
    }
}
