package dev.switchboard.domain.transfers;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.EnterprisePolicy;
import dev.switchboard.domain.RiggedEntropy;
import dev.switchboard.domain.TestCore;
import dev.switchboard.domain.TransferPolicy;
import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.driving.TransferUseCases;
import dev.switchboard.ports.driving.UploadChunk;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.TransferId;
import dev.switchboard.ports.testing.SettableClock;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The transfer use cases over the real in-memory stores, a settable clock and rigged entropy, with the
 * one-line steps that transfer tests share. Transfers are 3 chunks of at most 16 bytes unless a test says otherwise.
 */
final class TestTransfers {
    static final String ADDRESS = "198.51.100.7";
    static final String VERIFIER = "a client-derived verifier";
    static final int CHUNKS = 3;
    static final int CHUNK_BYTES = 16;

    final InMemoryStorage storage = new InMemoryStorage();
    final RiggedEntropy entropy = new RiggedEntropy();
    final TestCore core;
    final SettableClock clock;
    final TransferPolicy policy;
    final TransferUseCases useCases;

    TestTransfers() {
        this(TransferPolicy.defaults(TestCore.SIGNING_KEY));
    }

    TestTransfers(TransferPolicy policy) {
        this.policy = policy;
        this.core = new TestCore(storage, entropy, policy, EnterprisePolicy.consumer());
        this.clock = core.clock;
        this.useCases = core.transfers();
    }

    /** The default policy with other limits. */
    static TransferPolicy limits(int perIdentity, int perAddress, long maxServerBytes, int claimFailureBudget) {
        TransferPolicy d = TransferPolicy.defaults(TestCore.SIGNING_KEY);
        long maxTransferBytes = Math.min(d.maxTransferBytes(), maxServerBytes);
        return new TransferPolicy(d.maxChunkCount(), d.maxChunkBytes(), maxTransferBytes, maxServerBytes, d.minTtl(),
                d.defaultTtl(), d.maxTtl(), d.activityExtension(), d.maxLifetime(), d.retention(), perIdentity,
                perAddress, claimFailureBudget, d.claimFailureWindow(), d.maxVerifierLength(), d.signingKey());
    }

    static CreateTransfer.Request request(Optional<String> verifier) {
        return new CreateTransfer.Request(CHUNKS, CHUNK_BYTES, OptionalLong.empty(), Optional.empty(), verifier,
                ADDRESS);
    }

    CreateTransfer.Created create(Identity sender) {
        return useCases.createTransfer().create(sender, request(Optional.empty()));
    }

    CreateTransfer.Created createWithVerifier(Identity sender) {
        return useCases.createTransfer().create(sender, request(Optional.of(VERIFIER)));
    }

    ClaimTransfer.Claimed claim(Identity receiver, CreateTransfer.Created created) {
        return claim(receiver, created, Optional.empty());
    }

    ClaimTransfer.Claimed claim(Identity receiver, CreateTransfer.Created created, Optional<String> verifier) {
        return useCases.claimTransfer().claim(receiver,
                new ClaimTransfer.Request(created.transfer().code(), verifier, ADDRESS));
    }

    UploadChunk.Uploaded upload(Identity sender, CreateTransfer.Created created, int index, String text) {
        return useCases.uploadChunk().upload(sender, created.senderToken(), created.transfer().id(), index,
                bytes(text));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static TransferId id(CreateTransfer.Created created) {
        return created.transfer().id();
    }
}
