package dev.switchboard.domain.transfers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.shared.SignedTokens;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import dev.switchboard.ports.model.TransferRole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CapabilityTokensTest {
    static final ServerSigningKey KEY = key((byte) 3);
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    static final String SENDER = "sender-key";
    static final String RECEIVER = "receiver-key";

    private final CapabilityTokens tokens = new CapabilityTokens(KEY);
    private final Transfer transfer = transfer("AAAAAAAAAAAAAAAAAAAAAA");
    private final Transfer other = transfer("BBBBBBBBBBBBBBBBBBBBBB");

    static ServerSigningKey key(byte fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        return ServerSigningKey.of(bytes);
    }

    static Transfer transfer(String id) {
        return Transfer.created(new TransferId(id), new InviteCode("ABCDEFGH"), SENDER, "198.51.100.1", 4, 1024,
                4096, Optional.empty(), NOW, NOW.plus(Duration.ofMinutes(15)), NOW.plus(Duration.ofHours(48)));
    }

    @Nested
    class AGenuineToken {
        private final String token = tokens.issue(TransferRole.RECEIVER, transfer, RECEIVER);

        @Test
        void isCompactUrlSafeAndVersioned() {
            assertThat(token).startsWith("v1.").matches("v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}");
        }

        @Test
        void saysItsRoleTransferHolderAndTheTransfersHardExpiry() {
            CapabilityTokens.Claims claims = tokens.verifyHeldBy(token, TransferRole.RECEIVER, transfer.id(), RECEIVER, NOW);

            assertThat(claims).isEqualTo(new CapabilityTokens.Claims(TransferRole.RECEIVER, transfer.id(), RECEIVER,
                    transfer.hardExpiresAt()));
        }

        @Test
        void isReadWithoutAnIdentityForEitherRole() {
            assertThat(tokens.verifyEither(token, transfer.id(), NOW).role()).isEqualTo(TransferRole.RECEIVER);
        }

        @Test
        void tellsTheTransferExpiredOnceTheHardLimitPassed() {
            assertRefused(ErrorCode.TRANSFER_EXPIRED,
                    () -> tokens.verify(token, TransferRole.RECEIVER, transfer.id(), transfer.hardExpiresAt()));
        }
    }

    @Nested
    class AMisusedToken {
        private final String senderToken = tokens.issue(TransferRole.SENDER, transfer, SENDER);

        @Test
        void isRefusedInTheOtherRole() {
            assertRefused(ErrorCode.CAPABILITY_INVALID,
                    () -> tokens.verify(senderToken, TransferRole.RECEIVER, transfer.id(), NOW));
        }

        @Test
        void isRefusedForAnotherTransfer() {
            assertRefused(ErrorCode.CAPABILITY_INVALID,
                    () -> tokens.verify(senderToken, TransferRole.SENDER, other.id(), NOW));
        }

        @Test
        void isRefusedFromAnotherHolder() {
            assertRefused(ErrorCode.CAPABILITY_INVALID,
                    () -> tokens.verifyHeldBy(senderToken, TransferRole.SENDER, transfer.id(), RECEIVER, NOW));
        }
    }

    @Nested
    class AForgedToken {
        private final String token = tokens.issue(TransferRole.SENDER, transfer, SENDER);

        @Test
        void isRefusedWhenSignedWithAnotherKey() {
            String forged = new CapabilityTokens(key((byte) 4)).issue(TransferRole.SENDER, transfer, SENDER);

            assertRefused(ErrorCode.CAPABILITY_INVALID,
                    () -> tokens.verify(forged, TransferRole.SENDER, transfer.id(), NOW));
        }

        @Test
        void isRefusedWhenItsRoleByteIsSwappedUnderTheOriginalTag() {
            String[] parts = token.split("\\.");
            byte[] body = Base64.getUrlDecoder().decode(parts[1]);
            body[0] = 2;
            String swapped = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body) + "."
                    + parts[2];

            assertRefused(ErrorCode.CAPABILITY_INVALID,
                    () -> tokens.verify(swapped, TransferRole.RECEIVER, transfer.id(), NOW));
        }

        @Test
        void isRefusedUnderAnotherVersionLabel() {
            String relabelled = "v2" + token.substring(2);

            assertRefused(ErrorCode.CAPABILITY_INVALID,
                    () -> tokens.verify(relabelled, TransferRole.SENDER, transfer.id(), NOW));
        }

        @Test
        void isRefusedWhenTheSameBodyIsTaggedForAnotherPurpose() {
            byte[] body = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            String invitePurpose = new SignedTokens(KEY, "switchboard invite v1").sealDotted("v1", body);

            assertRefused(ErrorCode.CAPABILITY_INVALID,
                    () -> tokens.verify(invitePurpose, TransferRole.SENDER, transfer.id(), NOW));
        }

        @Test
        void isRefusedWhenItIsGarbage() {
            for (String garbage : new String[] {"", "v1", "v1..", "v1.@@@.@@@", "x".repeat(600),
                    new String(new byte[] {'v', '1', '.', 'A', '.'}, StandardCharsets.US_ASCII)}) {
                assertRefused(ErrorCode.CAPABILITY_INVALID,
                        () -> tokens.verify(garbage, TransferRole.SENDER, transfer.id(), NOW));
            }
        }
    }
}
