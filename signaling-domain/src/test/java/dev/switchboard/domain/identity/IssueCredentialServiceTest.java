package dev.switchboard.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.ports.model.IssuedCredential;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoredCredential;
import dev.switchboard.ports.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IssueCredentialServiceTest {
    private static final Duration LIFETIME = Duration.ofDays(30);
    private final InMemoryStorage storage = new InMemoryStorage();
    private final MasterKeyRing masterKeys = MasterKeyRing.of(filled(0x5a));
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-02T03:04:05.123456789Z"));
    private final IssueCredentialService service =
            new IssueCredentialService(storage.credentials(), masterKeys, clock, new SeededEntropy(42), LIFETIME);

    @Nested
    class WhatTheCallerGets {

        @Test
        void returnsAnHkIdOf23CharactersAndA32ByteSecret() {
            IssuedCredential issued = service.issue();

            assertThat(issued.credentialId()).hasSize(23).matches("hk_[A-Za-z0-9_-]{20}");
            assertThat(issued.secret()).hasSize(32);
        }

        @Test
        void stampsTheCredentialToTheMillisecond() {
            IssuedCredential issued = service.issue();

            assertThat(issued.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123Z"));
            assertThat(stored(issued).createdAt()).isEqualTo(issued.createdAt());
        }

        @Test
        void statesWhenTheCredentialExpiresOneLifetimeAfterItsCreation() {
            IssuedCredential issued = service.issue();

            assertThat(issued.expiresAt()).contains(Instant.parse("2026-01-02T03:04:05.123Z").plus(LIFETIME));
        }

        @Test
        void issuesADifferentIdAndSecretEveryTime() {
            Set<String> ids = new HashSet<>();
            Set<String> secrets = new HashSet<>();
            IntStream.range(0, 1000).mapToObj(i -> service.issue()).forEach(issued -> {
                ids.add(issued.credentialId());
                secrets.add(Arrays.toString(issued.secret()));
            });

            assertThat(ids).hasSize(1000);
            assertThat(secrets).hasSize(1000);
        }
    }

    @Nested
    class WhatTheStoreKeeps {

        @Test
        void keepsTheSecretOnlySealedUnderTheCurrentMasterKey() {
            IssuedCredential issued = service.issue();
            SealedSecret sealed = stored(issued).secret();

            assertThat(sealed.masterKeyId()).isEqualTo(masterKeys.currentKeyId());
            assertThat(sealed.ciphertext()).hasSize(32 + 16).isNotEqualTo(issued.secret());
            assertThat(indexOf(sealed.ciphertext(), Arrays.copyOf(issued.secret(), 8))).isNegative();
        }

        @Test
        void keepsTheSameExpiryTheCallerWasTold() {
            IssuedCredential issued = service.issue();

            assertThat(stored(issued).expiresAt()).isEqualTo(issued.expiresAt()).isPresent();
            assertThat(stored(issued).isExpiredAt(issued.createdAt().plus(LIFETIME))).isTrue();
        }

        @Test
        void sealsWithAFreshIvEachTime() {
            SealedSecret first = stored(service.issue()).secret();
            SealedSecret second = stored(service.issue()).secret();

            assertThat(first.iv()).hasSize(12).isNotEqualTo(second.iv());
        }

        @Test
        void opensTheSealedSecretForItsOwnCredential() throws Exception {
            IssuedCredential issued = service.issue();

            byte[] opened = new SecretSeal(masterKeys).open(issued.credentialId(), stored(issued).secret());

            assertThat(opened).isEqualTo(issued.secret());
        }

        @Test
        void bindsTheSealedSecretToItsCredentialSoItCannotBeMoved() {
            IssuedCredential victim = service.issue();
            IssuedCredential attacker = service.issue();
            SealedSecret victimSecret = stored(victim).secret();

            assertThatThrownBy(() -> new SecretSeal(masterKeys).open(attacker.credentialId(), victimSecret))
                    .isInstanceOf(AEADBadTagException.class);
        }
    }

    private StoredCredential stored(IssuedCredential issued) {
        return storage.credentials().find(issued.credentialId()).orElseThrow();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
