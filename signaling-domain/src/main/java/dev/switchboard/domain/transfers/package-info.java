/**
 * The zero-knowledge transfer relay: {@link dev.switchboard.domain.transfers.TransferServices} builds the use
 * cases. Behind it, one package-private service per driving port ({@code CreateTransferService},
 * {@code ClaimTransferService}, {@code UploadChunkService}, {@code DownloadChunkService},
 * {@code AcknowledgeChunkService}, {@code GetTransferService}) holds the rules: the policy's bounds, live
 * limits per identity and address, the claim guessing budget, who may act with which token. Capability
 * tokens ({@code CapabilityTokens}) and access-verifier digests ({@code AccessVerifiers}) are keyed by the
 * server signing key. Races (one receiver, one set of bytes per chunk, the server's byte budget, live
 * codes) are decided by the store, never here.
 */
package dev.switchboard.domain.transfers;
