package dev.switchboard.domain.transfers;

import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.domain.shared.SignedTokens;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import dev.switchboard.ports.model.TransferRole;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Capability tokens of the transfer relay: {@code v1.<base64url body>.<base64url tag>}, where the body is
 * the role (1 byte: 1 sender, 2 receiver), the transfer id (a length byte and its ASCII), the holder's key
 * id (a length byte and its UTF-8) and the expiry in epoch seconds (8 bytes, big-endian), and the tag is
 * the 16-byte truncated HMAC-SHA256 of {@code v1.<base64url body>} under the purpose {@value #PURPOSE}. The
 * expiry is the transfer's hard limit: the token is good for as long as activity could keep the transfer
 * alive, and the store decides whether it still is. A token is refused for another transfer or role.
 */
final class CapabilityTokens {
    static final String PURPOSE = "switchboard transfer capability v1";
    static final String VERSION = "v1";
    private static final int MAX_FIELD_BYTES = 255;

    private final SignedTokens tokens;

    CapabilityTokens(ServerSigningKey key) {
        this.tokens = new SignedTokens(key, PURPOSE);
    }

    /** What a genuine token says. */
    record Claims(TransferRole role, TransferId transferId, String holderKeyId, Instant expiresAt) {}

    String issue(TransferRole role, Transfer transfer, String holderKeyId) {
        byte[] id = transfer.id().value().getBytes(StandardCharsets.US_ASCII);
        byte[] holder = holderKeyId.getBytes(StandardCharsets.UTF_8);
        if (holder.length > MAX_FIELD_BYTES) {
            throw new IllegalArgumentException("capability tokens carry key ids of at most 255 bytes");
        }
        ByteBuffer body = ByteBuffer.allocate(1 + 1 + id.length + 1 + holder.length + Long.BYTES)
                .put(roleCode(role))
                .put((byte) id.length).put(id)
                .put((byte) holder.length).put(holder)
                .putLong(MillisecondClock.ceilToSeconds(transfer.hardExpiresAt()).getEpochSecond());
        return tokens.sealDotted(VERSION, body.array());
    }

    /**
     * The claims of a genuine token for {@code role} on {@code transferId}: {@code capability_invalid} when it
     * is malformed, forged or for another transfer or role, {@code transfer_expired} once its expiry passed.
     */
    Claims verify(String token, TransferRole role, TransferId transferId, Instant now) {
        Claims claims = verifyEither(token, transferId, now);
        if (claims.role() != role) {
            throw TransferErrors.capabilityInvalid(
                    "a " + claims.role().wireName() + " token used as " + role.wireName());
        }
        return claims;
    }

    /** As {@link #verify}, for a token of either role. */
    Claims verifyEither(String token, TransferId transferId, Instant now) {
        Claims claims = read(token);
        if (!claims.transferId().equals(transferId)) {
            throw TransferErrors.capabilityInvalid("a token of transfer " + claims.transferId()
                    + " used for transfer " + transferId);
        }
        if (!now.isBefore(claims.expiresAt())) {
            throw TransferErrors.expired(transferId);
        }
        return claims;
    }

    /** As {@link #verify}, and issued to {@code callerKeyId}: for the calls that are also signed. */
    Claims verifyHeldBy(String token, TransferRole role, TransferId transferId, String callerKeyId, Instant now) {
        Claims claims = verify(token, role, transferId, now);
        if (!claims.holderKeyId().equals(callerKeyId)) {
            throw TransferErrors.capabilityInvalid("a token issued to " + claims.holderKeyId() + " presented by "
                    + callerKeyId);
        }
        return claims;
    }

    private Claims read(String token) {
        ByteBuffer body = tokens.openDotted(token, VERSION, TransferErrors::capabilityInvalid);
        try {
            TransferRole role = roleOf(body.get());
            String id = new String(field(body), StandardCharsets.US_ASCII);
            String holder = new String(field(body), StandardCharsets.UTF_8);
            Instant expiresAt = Instant.ofEpochSecond(body.getLong());
            if (body.hasRemaining() || holder.isEmpty()) {
                throw TransferErrors.capabilityInvalid("trailing bytes or an empty holder");
            }
            return new Claims(role, new TransferId(id), holder, expiresAt);
        } catch (BufferUnderflowException | SignalingException malformed) {
            throw TransferErrors.capabilityInvalid("a genuine tag over a malformed body");
        }
    }

    private static byte[] field(ByteBuffer body) {
        byte[] bytes = new byte[Byte.toUnsignedInt(body.get())];
        body.get(bytes);
        return bytes;
    }

    private static byte roleCode(TransferRole role) {
        return switch (role) {
            case SENDER -> 1;
            case RECEIVER -> 2;
        };
    }

    private static TransferRole roleOf(byte code) {
        return switch (code) {
            case 1 -> TransferRole.SENDER;
            case 2 -> TransferRole.RECEIVER;
            default -> throw TransferErrors.capabilityInvalid("unknown role " + code);
        };
    }
}
