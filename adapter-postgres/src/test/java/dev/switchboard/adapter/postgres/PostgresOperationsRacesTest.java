package dev.switchboard.adapter.postgres;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.driven.RateLimitStore;
import dev.switchboard.ports.driven.RateLimitStore.Bucket;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoredCredential;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Rate limits and key rotation across two instances sharing one database, as two app servers behind a balancer:
 * every contender runs on a pooled connection of its own, half of them through each instance.
 */
class PostgresOperationsRacesTest extends TwoInstanceRaces {
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private RateLimitStore limitsVia(int i) {
        return instance(i).rateLimits();
    }

    private CredentialStore credentialsVia(int i) {
        return instance(i).credentials();
    }

    @Nested
    class WhenBothInstancesTakeFromOneBucket {
        private final String key = "api-call-address:" + randomKeyId();

        @Test
        void allowExactlyTheBurstBetweenThem() {
            List<Boolean> allowed = Race.run(64, i -> limitsVia(i).take(key, INTERVAL, 20, NOW).allowed());

            assertThat(allowed).filteredOn(Boolean::booleanValue).hasSize(20);
            assertThat(first.rateLimits().take(key, INTERVAL, 20, NOW)).isEqualTo(new Bucket(false, NOW.plusSeconds(20)));
            assertThat(second.rateLimits().take(key, INTERVAL, 20, NOW)).isEqualTo(new Bucket(false, NOW.plusSeconds(20)));
        }

        @Test
        void allowExactlyOneMorePerIntervalBetweenThem() {
            Race.run(40, i -> limitsVia(i).take(key, INTERVAL, 20, NOW));

            List<Boolean> allowed = Race.run(40, i -> limitsVia(i).take(key, INTERVAL, 20, NOW.plus(INTERVAL)).allowed());

            assertThat(allowed).filteredOn(Boolean::booleanValue).hasSize(1);
        }

        @Test
        void loseNoSpentTokenWhileBothSweepFullBuckets() {
            Instant refilled = NOW.plus(INTERVAL.multipliedBy(20));
            Race.run(20, i -> limitsVia(i).take(key, INTERVAL, 20, NOW));

            List<Boolean> allowed = Race.run(96, i -> i % 3 == 0
                    ? limitsVia(i).deleteFull(refilled) < 0
                    : limitsVia(i).take(key, INTERVAL, 20, refilled).allowed());

            assertThat(allowed).filteredOn(Boolean::booleanValue).hasSize(20);
        }
    }

    @Nested
    class KeepingTimeToTheMicrosecond {
        private final String key = "socket-message-identity:" + randomKeyId();

        @Test
        void keepsSubMillisecondIntervalsExact() {
            Duration interval = Duration.ofNanos(250_000);

            List<Bucket> buckets = IntStream.range(0, 5).mapToObj(i -> first.rateLimits().take(key, interval, 4, NOW)).toList();

            assertThat(buckets).containsExactly(new Bucket(true, NOW.plusNanos(250_000)),
                    new Bucket(true, NOW.plusNanos(500_000)), new Bucket(true, NOW.plusNanos(750_000)),
                    new Bucket(true, NOW.plusMillis(1)), new Bucket(false, NOW.plusMillis(1)));
            assertThat(second.rateLimits().take(key, interval, 4, NOW.plusNanos(249_000)).allowed()).isFalse();
            assertThat(second.rateLimits().take(key, interval, 4, NOW.plusNanos(250_000)))
                    .isEqualTo(new Bucket(true, NOW.plusNanos(1_250_000)));
        }

        @Test
        void roundsAnIntervalWithASubMicrosecondPartUpNeverAllowingMore() {
            Duration interval = Duration.ofHours(1).dividedBy(7);   // 514285714285.714... ns

            List<Bucket> buckets = IntStream.range(0, 8).mapToObj(i -> first.rateLimits().take(key, interval, 7, NOW)).toList();

            assertThat(buckets).extracting(Bucket::allowed).containsExactly(true, true, true, true, true, true, true, false);
            assertThat(buckets.get(0).theoreticalArrival()).isEqualTo(NOW.plusNanos(514_285_715_000L));
            assertThat(first.rateLimits().take(key, interval, 7, NOW.plus(interval)).allowed()).isFalse();
        }

        @Test
        void truncatesNowToTheMicrosecond() {
            Instant now = NOW.plusNanos(999);

            assertThat(first.rateLimits().take(key, INTERVAL, 1, now)).isEqualTo(new Bucket(true, NOW.plus(INTERVAL)));
        }

        @Test
        void refusesEveryRequestOfABurstBelowOneAndStoresNothing() {
            assertThat(first.rateLimits().take(key, INTERVAL, 0, NOW)).isEqualTo(new Bucket(false, NOW));

            assertThat(first.rateLimits().take(key, INTERVAL, 1, NOW)).isEqualTo(new Bucket(true, NOW.plus(INTERVAL)));
        }
    }

    @Nested
    class WhenBothInstancesResealOneCredential {
        private final StoredCredential credential = new StoredCredential(randomKeyId(), sealed("mk-old"), NOW,
                Optional.of(NOW.plus(Duration.ofDays(30))));

        @Test
        void letExactlyOneWinAndKeepItsSecret() {
            first.credentials().save(credential);
            List<SealedSecret> replacements = IntStream.range(0, 32).mapToObj(i -> sealed("mk-new")).toList();

            List<Boolean> won = Race.run(32,
                    i -> credentialsVia(i).reseal(credential.credentialId(), credential.secret(), replacements.get(i)));

            assertThat(won).containsOnlyOnce(true);
            assertThat(second.credentials().find(credential.credentialId()))
                    .contains(credential.resealed(replacements.get(won.indexOf(true))));
        }
    }

    @Nested
    class WhenBothInstancesRotateKeysAtOnce {
        @Test
        void resealEveryCredentialExactlyOnceBetweenThem() {
            TestDatabase.emptyCredentials();
            List<StoredCredential> credentials = IntStream.range(0, 300)
                    .mapToObj(i -> new StoredCredential(String.format("rot%04d", i), sealed(i % 2 == 0 ? "mk-1" : "mk-2"), NOW))
                    .toList();
            credentials.forEach(first.credentials()::save);

            List<Integer> resealed = Race.run(4, i -> rotate(credentialsVia(i), "mk-3"));

            assertThat(resealed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(credentials.size());
            assertThat(first.credentials().sealedUnderOtherKey("mk-3", Optional.empty(), 10)).isEmpty();
            assertThat(credentials).allSatisfy(credential -> assertThat(
                    second.credentials().find(credential.credentialId()).orElseThrow().secret().masterKeyId())
                    .isEqualTo("mk-3"));
        }

        /** What the rotate-keys command does: pages of 25 after a cursor, each re-sealed by compare-and-set. */
        private int rotate(CredentialStore store, String currentKey) {
            int won = 0;
            Optional<String> cursor = Optional.empty();
            List<StoredCredential> page;
            while (!(page = store.sealedUnderOtherKey(currentKey, cursor, 25)).isEmpty()) {
                for (StoredCredential credential : page) {
                    won += store.reseal(credential.credentialId(), credential.secret(), sealed(currentKey)) ? 1 : 0;
                }
                cursor = Optional.of(page.get(page.size() - 1).credentialId());
            }
            return won;
        }
    }

    private static SealedSecret sealed(String masterKeyId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] iv = new byte[12];
        byte[] ciphertext = new byte[48];
        random.nextBytes(iv);
        random.nextBytes(ciphertext);
        return new SealedSecret(masterKeyId, iv, ciphertext);
    }
}
