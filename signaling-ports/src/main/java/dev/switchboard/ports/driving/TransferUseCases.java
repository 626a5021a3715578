package dev.switchboard.ports.driving;

import java.util.Objects;

/** Every driving port of the zero-knowledge transfer relay, as one value. */
public record TransferUseCases(
        CreateTransfer createTransfer,
        ClaimTransfer claimTransfer,
        UploadChunk uploadChunk,
        DownloadChunk downloadChunk,
        AcknowledgeChunk acknowledgeChunk,
        GetTransfer getTransfer) {

    public TransferUseCases {
        Objects.requireNonNull(createTransfer, "createTransfer");
        Objects.requireNonNull(claimTransfer, "claimTransfer");
        Objects.requireNonNull(uploadChunk, "uploadChunk");
        Objects.requireNonNull(downloadChunk, "downloadChunk");
        Objects.requireNonNull(acknowledgeChunk, "acknowledgeChunk");
        Objects.requireNonNull(getTransfer, "getTransfer");
    }
}
