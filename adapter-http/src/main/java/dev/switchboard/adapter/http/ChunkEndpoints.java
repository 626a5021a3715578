package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.DownloadChunk;
import dev.switchboard.ports.driving.UploadChunk;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.TransferState;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A transfer's chunks as opaque bytes: the sender uploads them by index, the receiver reads them by index
 * or asks for the next one. Chunk bytes are never logged or parsed.
 */
final class ChunkEndpoints {
    static final String CHUNK_INDEX = "Chunk-Index";
    static final String REPR_DIGEST = "Repr-Digest";
    static final String TRANSFER_STATE = "Transfer-State";

    private final UploadChunk uploadChunk;
    private final DownloadChunk downloadChunk;
    private final HttpMetrics metrics;

    ChunkEndpoints(UploadChunk uploadChunk, DownloadChunk downloadChunk, HttpMetrics metrics) {
        this.uploadChunk = uploadChunk;
        this.downloadChunk = downloadChunk;
        this.metrics = metrics;
    }

    /** {@code PUT .../chunks/{index}}: 201 when stored, 200 when these very bytes were already there. */
    Reply upload(Call call) {
        String token = BearerTokens.capability(call.authorization());
        UploadChunk.Uploaded uploaded = uploadChunk.upload(call.caller(), token, call.transferId(), call.chunkIndex(),
                call.rawBody());
        if (!uploaded.duplicate()) {
            metrics.relayedIn(call.rawBody().length);
        }
        return new Reply.Json(uploaded.duplicate() ? 200 : 201, UploadedChunkJson.from(uploaded));
    }

    /** {@code GET .../chunks/{index}}: the bytes, unchanged by reading. */
    Reply byIndex(Call call) {
        String token = BearerTokens.capability(call.authorization());
        return relayed(downloadChunk.byIndex(token, call.transferId(), call.chunkIndex()));
    }

    /** {@code GET .../chunks/next}: the lowest waiting chunk, or 204 saying whether more will come. */
    Reply next(Call call) {
        String token = BearerTokens.capability(call.authorization());
        DownloadChunk.Next next = downloadChunk.next(token, call.transferId());
        if (next instanceof DownloadChunk.Next.Ready ready) {
            return relayed(ready.chunk());
        }
        DownloadChunk.Next.Nothing nothing = (DownloadChunk.Next.Nothing) next;
        if (nothing.transfer().isComplete()) {
            return new Reply.NoContent().withHeader(TRANSFER_STATE, TransferState.COMPLETE.wireName());
        }
        return new Reply.NoContent().withHeader(TRANSFER_STATE, TransferState.WAITING.wireName())
                .withHeader("Retry-After", "1");
    }

    private Reply relayed(Chunk chunk) {
        metrics.relayedOut(chunk.bytes().length);
        return bytesOf(chunk);
    }

    /**
     * The chunk as {@code application/octet-stream} with its index and its RFC 9530 digest. The digest is the
     * one taken at upload, so a change to the bytes while stored shows up at the receiver.
     */
    static Reply bytesOf(Chunk chunk) {
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(chunk.sha256()));
        return new Reply.Document(OctetMediaType.OCTET_STREAM, chunk.bytes())
                .withHeader(CHUNK_INDEX, Integer.toString(chunk.index()))
                .withHeader(REPR_DIGEST, "sha-256=:" + digest + ":");
    }
}
