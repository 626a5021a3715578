package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.TransferUseCases;
import dev.switchboard.ports.model.TransferRole;

/**
 * The transfer routes that are not about chunks: create (the sender), claim (the receiver) and read
 * (either end, by its capability token).
 */
final class TransferEndpoints {
    private final TransferUseCases transfers;

    TransferEndpoints(TransferUseCases transfers) {
        this.transfers = transfers;
    }

    /** {@code POST /v1/transfers}: 201 with the invite code and the sender's token; {@code Location} names it. */
    Reply create(Call call) {
        var request = call.body(CreateTransferJson.class).toRequest(call.clientAddress());
        CreatedTransferJson created = CreatedTransferJson.from(transfers.createTransfer().create(call.caller(), request));
        return Reply.created(created).withHeader("Location", created.links().self());
    }

    /** {@code POST /v1/transfers/claim}: 200 with the receiver's token. */
    Reply claim(Call call) {
        var request = call.body(ClaimTransferJson.class).toRequest(call.clientAddress());
        return Reply.ok(ClaimedTransferJson.from(transfers.claimTransfer().claim(call.caller(), request)));
    }

    /** {@code GET /v1/transfers/{transferId}}: the state and progress, for either token. */
    Reply get(Call call) {
        String token = BearerTokens.capability(call.authorization());
        return Reply.ok(TransferJson.from(transfers.getTransfer().get(token, call.transferId())));
    }

    /** {@code POST /v1/transfers/{transferId}/chunks/{index}/ack}: the receiver's progress after the ack. */
    Reply acknowledge(Call call) {
        String token = BearerTokens.capability(call.authorization());
        var transfer = transfers.acknowledgeChunk().acknowledge(call.caller(), token, call.transferId(),
                call.chunkIndex());
        return Reply.ok(TransferJson.from(transfer, TransferRole.RECEIVER, TransferJson.stateAfterAction(transfer)));
    }
}
