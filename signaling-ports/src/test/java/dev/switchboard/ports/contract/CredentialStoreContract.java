package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoredCredential;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What every {@link CredentialStore} must do; an adapter's test extends this and supplies the store. */
public abstract class CredentialStoreContract {
    private static final String OLD_KEY = "mk-0123456789ab";
    private static final String OTHER_OLD_KEY = "mk-00000000beef";
    private static final String CURRENT_KEY = "mk-fedcba987654";

    private CredentialStore store;
    /** Ids of one test: lower-case letters and digits, so they sort the same in Java and in any collation. */
    private final String prefix = "cred" + randomLowerCase(12);

    /**
     * A new store holding no credentials: {@code sealedUnderOtherKey} and {@code deleteExpired} see every
     * credential of the store, so a database-backed adapter empties its table here.
     */
    protected abstract CredentialStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    @Test
    void findsASavedCredentialAsItWasSaved() {
        StoredCredential credential = credential(randomKeyId());

        store.save(credential);

        assertThat(store.find(credential.credentialId())).contains(credential);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(store.find(randomKeyId())).isEmpty();
    }

    @Test
    void keepsCredentialsApartById() {
        StoredCredential first = credential(randomKeyId());
        StoredCredential second = credential(randomKeyId());

        store.save(first);
        store.save(second);

        assertThat(store.find(first.credentialId())).contains(first);
        assertThat(store.find(second.credentialId())).contains(second);
    }

    @Test
    void refusesASecondCredentialWithTheSameIdAndKeepsTheFirst() {
        String id = randomKeyId();
        StoredCredential original = credential(id);
        store.save(original);

        assertThatThrownBy(() -> store.save(credential(id))).isInstanceOf(RuntimeException.class);

        assertThat(store.find(id)).contains(original);
    }

    @Test
    void keepsALifetimeAsItWasSaved() {
        StoredCredential credential = credential(randomKeyId(), OLD_KEY, Optional.of(NOW.plusMillis(86_400_001)));

        store.save(credential);

        assertThat(store.find(credential.credentialId())).contains(credential);
    }

    @Test
    void keepsTheAbsenceOfALifetime() {
        StoredCredential credential = credential(randomKeyId(), OLD_KEY, Optional.empty());

        store.save(credential);

        assertThat(store.find(credential.credentialId()).orElseThrow().expiresAt()).isEmpty();
    }

    @Nested
    class ListingForRotation {
        private final StoredCredential first = credential(prefix + "1", OLD_KEY, Optional.empty());
        private final StoredCredential current = credential(prefix + "2", CURRENT_KEY, Optional.empty());
        private final StoredCredential third = credential(prefix + "3", OTHER_OLD_KEY, Optional.of(NOW.plusSeconds(60)));
        private final StoredCredential fourth = credential(prefix + "4", OLD_KEY, Optional.empty());

        @BeforeEach
        void saveInShuffledOrder() {
            store.save(fourth);
            store.save(current);
            store.save(first);
            store.save(third);
        }

        @Test
        void listsCredentialsSealedUnderAnyOtherKeyInIdOrder() {
            assertThat(store.sealedUnderOtherKey(CURRENT_KEY, Optional.empty(), 10))
                    .containsExactly(first, third, fourth);
        }

        @Test
        void startsStrictlyAfterTheCursor() {
            assertThat(store.sealedUnderOtherKey(CURRENT_KEY, Optional.of(first.credentialId()), 10))
                    .containsExactly(third, fourth);
            assertThat(store.sealedUnderOtherKey(CURRENT_KEY, Optional.of(fourth.credentialId()), 10)).isEmpty();
        }

        @Test
        void acceptsACursorThatIsNoneOfTheListedIds() {
            assertThat(store.sealedUnderOtherKey(CURRENT_KEY, Optional.of(current.credentialId()), 10))
                    .containsExactly(third, fourth);
            assertThat(store.sealedUnderOtherKey(CURRENT_KEY, Optional.of(prefix + "0"), 10))
                    .containsExactly(first, third, fourth);
        }

        @Test
        void returnsAtMostTheLimit() {
            assertThat(store.sealedUnderOtherKey(CURRENT_KEY, Optional.empty(), 2)).containsExactly(first, third);
        }

        @Test
        void pagesThroughEveryCredentialOnce() {
            List<StoredCredential> seen = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            List<StoredCredential> page;
            while (!(page = store.sealedUnderOtherKey(CURRENT_KEY, cursor, 1)).isEmpty()) {
                seen.addAll(page);
                cursor = Optional.of(page.get(page.size() - 1).credentialId());
            }

            assertThat(seen).containsExactly(first, third, fourth);
        }

        @Test
        void listsNothingWhenEveryCredentialIsUnderTheCurrentKey() {
            store.reseal(first.credentialId(), first.secret(), sealed(CURRENT_KEY));
            store.reseal(third.credentialId(), third.secret(), sealed(CURRENT_KEY));
            store.reseal(fourth.credentialId(), fourth.secret(), sealed(CURRENT_KEY));

            assertThat(store.sealedUnderOtherKey(CURRENT_KEY, Optional.empty(), 10)).isEmpty();
        }
    }

    @Nested
    class Resealing {
        private final StoredCredential credential =
                credential(prefix + "1", OLD_KEY, Optional.of(NOW.plusSeconds(3600)));
        private final SealedSecret replacement = sealed(CURRENT_KEY);

        @BeforeEach
        void saveCredential() {
            store.save(credential);
        }

        @Test
        void replacesTheSecretWhileItIsTheExpectedOneAndKeepsEverythingElse() {
            assertThat(store.reseal(credential.credentialId(), credential.secret(), replacement)).isTrue();

            assertThat(store.find(credential.credentialId())).contains(credential.resealed(replacement));
        }

        @Test
        void comparesTheExpectedSecretByContent() {
            SealedSecret stored = credential.secret();
            SealedSecret equalCopy = new SealedSecret(stored.masterKeyId(), stored.iv(), stored.ciphertext());

            assertThat(store.reseal(credential.credentialId(), equalCopy, replacement)).isTrue();
        }

        @Test
        void noLongerListsAResealedCredentialForRotation() {
            store.reseal(credential.credentialId(), credential.secret(), replacement);

            assertThat(store.sealedUnderOtherKey(CURRENT_KEY, Optional.empty(), 10)).isEmpty();
        }

        @Test
        void refusesAStaleExpectationAndChangesNothing() {
            SealedSecret stale = sealed(OLD_KEY);

            assertThat(store.reseal(credential.credentialId(), stale, replacement)).isFalse();

            assertThat(store.find(credential.credentialId())).contains(credential);
        }

        @Test
        void refusesTheOldSecretOnceResealed() {
            store.reseal(credential.credentialId(), credential.secret(), replacement);

            assertThat(store.reseal(credential.credentialId(), credential.secret(), sealed(CURRENT_KEY))).isFalse();

            assertThat(store.find(credential.credentialId())).contains(credential.resealed(replacement));
        }

        @Test
        void refusesAMissingCredentialAndCreatesNothing() {
            String missing = prefix + "9";

            assertThat(store.reseal(missing, credential.secret(), replacement)).isFalse();

            assertThat(store.find(missing)).isEmpty();
        }

        @Test
        void letsExactlyOneOfManyConcurrentResealsWin() {
            List<SealedSecret> replacements = IntStream.range(0, 32)
                    .mapToObj(i -> sealed(CURRENT_KEY)).toList();

            List<Boolean> won = Race.run(32,
                    i -> store.reseal(credential.credentialId(), credential.secret(), replacements.get(i)));

            assertThat(won).containsOnlyOnce(true);
            SealedSecret winner = replacements.get(won.indexOf(true));
            assertThat(store.find(credential.credentialId())).contains(credential.resealed(winner));
        }
    }

    @Nested
    class Expiring {
        @Test
        void deletesCredentialsWhoseLifetimeEndedAtOrBeforeNowAndCountsThem() {
            StoredCredential endedBefore = credential(prefix + "1", OLD_KEY, Optional.of(NOW.minusMillis(1)));
            StoredCredential endsNow = credential(prefix + "2", OLD_KEY, Optional.of(NOW));
            StoredCredential endsLater = credential(prefix + "3", OLD_KEY, Optional.of(NOW.plusMillis(1)));
            StoredCredential endless = credential(prefix + "4", OLD_KEY, Optional.empty());
            List.of(endedBefore, endsNow, endsLater, endless).forEach(store::save);

            assertThat(store.deleteExpired(NOW)).isEqualTo(2);

            assertThat(store.find(endedBefore.credentialId())).isEmpty();
            assertThat(store.find(endsNow.credentialId())).isEmpty();
            assertThat(store.find(endsLater.credentialId())).contains(endsLater);
            assertThat(store.find(endless.credentialId())).contains(endless);
        }

        @Test
        void neverDeletesACredentialWithoutALifetime() {
            StoredCredential endless = credential(prefix + "1", OLD_KEY, Optional.empty());
            store.save(endless);

            assertThat(store.deleteExpired(NOW.plus(Duration.ofDays(36_500)))).isZero();

            assertThat(store.find(endless.credentialId())).contains(endless);
        }

        @Test
        void deletesEachCredentialOnlyOnce() {
            store.save(credential(prefix + "1", OLD_KEY, Optional.of(NOW)));
            store.deleteExpired(NOW);

            assertThat(store.deleteExpired(NOW.plusSeconds(1))).isZero();
        }
    }

    private static StoredCredential credential(String id) {
        return new StoredCredential(id, sealed(OLD_KEY), NOW);
    }

    private static StoredCredential credential(String id, String masterKeyId, Optional<Instant> expiresAt) {
        return new StoredCredential(id, sealed(masterKeyId), NOW, expiresAt);
    }

    private static SealedSecret sealed(String masterKeyId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] iv = new byte[12];
        byte[] ciphertext = new byte[48];
        random.nextBytes(iv);
        random.nextBytes(ciphertext);
        return new SealedSecret(masterKeyId, iv, ciphertext);
    }

    private static String randomLowerCase(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
