package dev.switchboard.domain.transfers;

import dev.switchboard.ports.driving.GetTransfer;
import dev.switchboard.ports.model.TransferId;
import java.time.Instant;
import java.time.InstantSource;

/** Shows a transfer's state and progress to the holder of either of its capability tokens. */
final class GetTransferService implements GetTransfer {
    private final TransferLookup lookup;
    private final CapabilityTokens tokens;
    private final InstantSource clock;

    GetTransferService(TransferLookup lookup, CapabilityTokens tokens, InstantSource clock) {
        this.lookup = lookup;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public View get(String capabilityToken, TransferId transferId) {
        Instant now = clock.instant();
        CapabilityTokens.Claims claims = tokens.verifyEither(capabilityToken, transferId, now);
        return new View(lookup.find(transferId), claims.role(), now);
    }
}
