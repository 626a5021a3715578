/**
 * Who is calling: {@link dev.switchboard.domain.identity.AuthenticateRequestService} verifies RFC 9421
 * HTTP message signatures (hmac-sha256 under issued credentials, ed25519 under client-held keys) with their
 * RFC 9530 content digest, time window and nonce; {@link dev.switchboard.domain.identity.IssueCredentialService}
 * issues HMAC credentials whose secrets rest sealed under the master key ring for a limited lifetime,
 * {@link dev.switchboard.domain.identity.ReencryptSecretsService} re-seals them under the ring's current key
 * after a rotation, and
 * {@link dev.switchboard.domain.identity.ClaimedKeyIds} reads the key id a refused request claimed, for the
 * audit log. Everything else here, from the
 * strict RFC 8941 structured-field parser to the signature base, is package-private.
 */
package dev.switchboard.domain.identity;
