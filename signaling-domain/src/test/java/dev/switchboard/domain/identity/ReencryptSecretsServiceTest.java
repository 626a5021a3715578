package dev.switchboard.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.driving.ReencryptSecrets;
import dev.switchboard.ports.model.IssuedCredential;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoredCredential;
import dev.switchboard.ports.testing.Race;
import dev.switchboard.ports.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Key rotation: issue under key 1, rotate to key 2, re-encrypt, drop key 1; every credential keeps working. */
class ReencryptSecretsServiceTest {
    private static final byte[] KEY_1 = masterKey(1);
    private static final byte[] KEY_2 = masterKey(2);
    private static final MasterKeyRing ONLY_KEY_1 = MasterKeyRing.of(KEY_1);
    private static final MasterKeyRing ROTATED = MasterKeyRing.of(KEY_2, List.of(KEY_1));
    private static final MasterKeyRing ONLY_KEY_2 = MasterKeyRing.of(KEY_2);

    private final SettableClock clock = SettableClock.atFixedStart();
    private final InMemoryStorage storage = new InMemoryStorage();
    private final SeededEntropy entropy = new SeededEntropy(11);

    private List<TestSigner> issue(int count, MasterKeyRing ring) {
        IssueCredentialService issuer =
                new IssueCredentialService(storage.credentials(), ring, clock, entropy, Duration.ofDays(30));
        return IntStream.range(0, count).mapToObj(i -> {
            IssuedCredential issued = issuer.issue();
            return TestSigner.hmac(issued.credentialId(), issued.secret());
        }).toList();
    }

    private ReencryptSecrets reencryptor(MasterKeyRing ring) {
        return reencryptor(storage.credentials(), ring);
    }

    private ReencryptSecrets reencryptor(CredentialStore credentials, MasterKeyRing ring) {
        return new ReencryptSecretsService(credentials, ring, entropy);
    }

    private boolean authenticates(TestSigner signer, MasterKeyRing ring) {
        AuthenticateRequestService service = new AuthenticateRequestService(storage.credentials(), storage.nonces(),
                ring, clock, Duration.ofSeconds(60));
        try {
            return service.authenticate(TestRequest.get("/v1/events").signedBy(signer)).keyId()
                    .equals(signer.keyId());
        } catch (SignalingException refused) {
            return false;
        }
    }

    /** Runs batches until the cursor runs out, adding up the progress. */
    private static ReencryptSecrets.Progress runToTheEnd(ReencryptSecrets reencryptor, int batchSize) {
        int resealed = 0;
        int skipped = 0;
        int failed = 0;
        Optional<String> after = Optional.empty();
        do {
            ReencryptSecrets.Progress progress = reencryptor.reencryptBatch(after, batchSize);
            resealed += progress.resealed();
            skipped += progress.skipped();
            failed += progress.failed();
            after = progress.nextAfter();
        } while (after.isPresent());
        return new ReencryptSecrets.Progress(resealed, skipped, failed, Optional.empty());
    }

    private List<SealedSecret> sealedSecrets(List<TestSigner> signers) {
        return signers.stream()
                .map(signer -> storage.credentials().find(signer.keyId()).orElseThrow().secret()).toList();
    }

    @Nested
    class WhenTheKeysRotate {
        private final List<TestSigner> old = issue(5, ONLY_KEY_1);

        @Test
        void oldCredentialsStillAuthenticateBeforeAndAfterReencryptionAndWithoutTheOldKey() {
            assertThat(old).allMatch(signer -> authenticates(signer, ROTATED));

            ReencryptSecrets.Progress progress = runToTheEnd(reencryptor(ROTATED), 100);

            assertThat(progress).isEqualTo(new ReencryptSecrets.Progress(5, 0, 0, Optional.empty()));
            assertThat(old).allMatch(signer -> authenticates(signer, ROTATED));
            assertThat(old).allMatch(signer -> authenticates(signer, ONLY_KEY_2));
            assertThat(old).noneMatch(signer -> authenticates(signer, ONLY_KEY_1));
        }

        @Test
        void sealsEverySecretUnderTheCurrentKeyWithAFreshIv() {
            List<SealedSecret> before = sealedSecrets(old);

            runToTheEnd(reencryptor(ROTATED), 100);

            List<SealedSecret> after = sealedSecrets(old);
            assertThat(after).allSatisfy(sealed -> assertThat(sealed.masterKeyId()).isEqualTo(ROTATED.currentKeyId()));
            for (int i = 0; i < old.size(); i++) {
                assertThat(after.get(i).iv()).isNotEqualTo(before.get(i).iv());
            }
        }

        @Test
        void keepsEverythingElseOfTheCredential() {
            StoredCredential before = storage.credentials().find(old.get(0).keyId()).orElseThrow();

            runToTheEnd(reencryptor(ROTATED), 100);

            StoredCredential after = storage.credentials().find(old.get(0).keyId()).orElseThrow();
            assertThat(after.createdAt()).isEqualTo(before.createdAt());
            assertThat(after.expiresAt()).isEqualTo(before.expiresAt());
        }

        @Test
        void pagesThroughInBatchesAndEndsWithAShortPage() {
            ReencryptSecrets reencryptor = reencryptor(ROTATED);

            ReencryptSecrets.Progress first = reencryptor.reencryptBatch(Optional.empty(), 2);
            ReencryptSecrets.Progress second = reencryptor.reencryptBatch(first.nextAfter(), 2);
            ReencryptSecrets.Progress third = reencryptor.reencryptBatch(second.nextAfter(), 2);

            assertThat(first.resealed()).isEqualTo(2);
            assertThat(first.nextAfter()).isPresent();
            assertThat(second.resealed()).isEqualTo(2);
            assertThat(second.nextAfter()).isPresent();
            assertThat(third).isEqualTo(new ReencryptSecrets.Progress(1, 0, 0, Optional.empty()));
        }

        @Test
        void findsNothingLeftOnTheNextRun() {
            runToTheEnd(reencryptor(ROTATED), 2);

            assertThat(reencryptor(ROTATED).reencryptBatch(Optional.empty(), 100))
                    .isEqualTo(new ReencryptSecrets.Progress(0, 0, 0, Optional.empty()));
        }

        @Test
        void resumesFromACursorAfterAnInterruptedRun() {
            ReencryptSecrets.Progress interrupted = reencryptor(ROTATED).reencryptBatch(Optional.empty(), 3);

            ReencryptSecrets.Progress rest = runToTheEnd(reencryptor(ROTATED), 3);

            assertThat(interrupted.resealed() + rest.resealed()).isEqualTo(5);
            assertThat(old).allMatch(signer -> authenticates(signer, ONLY_KEY_2));
        }

        @Test
        void leavesCredentialsIssuedUnderTheCurrentKeyAlone() {
            List<TestSigner> fresh = issue(2, ROTATED);
            List<SealedSecret> before = sealedSecrets(fresh);

            ReencryptSecrets.Progress progress = runToTheEnd(reencryptor(ROTATED), 100);

            assertThat(progress.resealed()).isEqualTo(5);
            assertThat(sealedSecrets(fresh)).isEqualTo(before);
        }
    }

    @Nested
    class WhenASecretsKeyIsNotConfigured {
        private final List<TestSigner> old = issue(3, ONLY_KEY_1);

        @Test
        void countsItAsFailedLeavesItUntouchedAndMovesOn() {
            MasterKeyRing withoutKey1 = MasterKeyRing.of(masterKey(3), List.of(KEY_2));
            List<SealedSecret> before = sealedSecrets(old);

            ReencryptSecrets.Progress progress = reencryptor(withoutKey1).reencryptBatch(Optional.empty(), 2);

            assertThat(progress.failed()).isEqualTo(2);
            assertThat(progress.resealed()).isZero();
            assertThat(progress.nextAfter()).as("the cursor moves past what cannot be opened").isPresent();
            assertThat(runToTheEnd(reencryptor(withoutKey1), 2).failed()).isEqualTo(3);
            assertThat(sealedSecrets(old)).isEqualTo(before);
        }
    }

    @Nested
    class WhenSomeoneElseReencryptsMeanwhile {
        private final List<TestSigner> old = issue(4, ONLY_KEY_1);

        @Test
        void skipsTheSecretsThatChangedSinceTheyWereRead() {
            ReencryptSecrets rival = reencryptor(ROTATED);
            CredentialStore racing = new ForwardingCredentialStore(storage.credentials()) {
                @Override
                public List<StoredCredential> sealedUnderOtherKey(String currentKeyId, Optional<String> after,
                        int limit) {
                    List<StoredCredential> read = super.sealedUnderOtherKey(currentKeyId, after, limit);
                    rival.reencryptBatch(after, limit);
                    return read;
                }
            };

            ReencryptSecrets.Progress progress = reencryptor(racing, ROTATED).reencryptBatch(Optional.empty(), 10);

            assertThat(progress).isEqualTo(new ReencryptSecrets.Progress(0, 4, 0, Optional.empty()));
            assertThat(old).allMatch(signer -> authenticates(signer, ONLY_KEY_2));
        }

        @Test
        void neverCorruptsASecretWhenTwoRunsRace() {
            List<TestSigner> many = issue(300, ONLY_KEY_1);

            List<ReencryptSecrets.Progress> runs = Race.run(2, i -> runToTheEnd(reencryptor(ROTATED), 7));

            assertThat(runs.stream().mapToInt(ReencryptSecrets.Progress::resealed).sum())
                    .as("each secret resealed exactly once").isEqualTo(304);
            assertThat(runs).allSatisfy(run -> assertThat(run.failed()).isZero());
            assertThat(many).allMatch(signer -> authenticates(signer, ONLY_KEY_2));
            assertThat(old).allMatch(signer -> authenticates(signer, ONLY_KEY_2));
        }
    }

    @Test
    void refusesABatchSizeOutsideItsBounds() {
        for (int size : new int[] {0, -1, ReencryptSecretsService.MAX_BATCH_SIZE + 1}) {
            assertThatThrownBy(() -> reencryptor(ROTATED).reencryptBatch(Optional.empty(), size))
                    .isInstanceOfSatisfying(SignalingException.class,
                            refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
    }

    /** A credential store that passes every call on, so a test can step into one. */
    private static class ForwardingCredentialStore implements CredentialStore {
        private final CredentialStore inner;

        ForwardingCredentialStore(CredentialStore inner) {
            this.inner = inner;
        }

        @Override
        public void save(StoredCredential credential) {
            inner.save(credential);
        }

        @Override
        public Optional<StoredCredential> find(String credentialId) {
            return inner.find(credentialId);
        }

        @Override
        public List<StoredCredential> sealedUnderOtherKey(String currentKeyId, Optional<String> after, int limit) {
            return inner.sealedUnderOtherKey(currentKeyId, after, limit);
        }

        @Override
        public boolean reseal(String credentialId, SealedSecret expected, SealedSecret replacement) {
            return inner.reseal(credentialId, expected, replacement);
        }

        @Override
        public int deleteExpired(Instant now) {
            return inner.deleteExpired(now);
        }
    }

    private static byte[] masterKey(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}
