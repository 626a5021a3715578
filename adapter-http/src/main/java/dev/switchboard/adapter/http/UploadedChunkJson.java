package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.UploadChunk;

/** The response of a chunk upload: which chunk, its SHA-256, whether it was already there, and the progress. */
record UploadedChunkJson(int index, String sha256, boolean duplicate, String state, int uploadedChunks,
        long uploadedBytes) {

    static UploadedChunkJson from(UploadChunk.Uploaded uploaded) {
        return new UploadedChunkJson(uploaded.index(), uploaded.sha256(), uploaded.duplicate(),
                TransferJson.stateAfterAction(uploaded.transfer()).wireName(), uploaded.transfer().uploadedChunks(),
                uploaded.transfer().uploadedBytes());
    }
}
