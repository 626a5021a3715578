package dev.switchboard.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.ForwardingStorage;
import dev.switchboard.domain.PredictableEntropy;
import dev.switchboard.domain.TestCore;
import dev.switchboard.domain.TransferPolicy;
import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.driving.QueryAuditLog;
import dev.switchboard.ports.driving.VerifyAuditLog;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.AuditPage;
import dev.switchboard.ports.model.AuditQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuditLogReadingTest {
    private static final Actor.Admin ADMIN = new Actor.Admin("token");

    /** An Enterprise core whose audit log reads through {@code reads}, after {@code count} events one second apart. */
    private static TestCore withEvents(int count, UnaryOperator<AuditLog> reads) {
        InMemoryStorage stores = new InMemoryStorage();
        TestCore core = new TestCore(new ForwardingStorage(stores) {
            @Override
            public AuditLog auditLog() {
                return reads.apply(stores.auditLog());
            }
        }, new PredictableEntropy(), TransferPolicy.defaults(TestCore.SIGNING_KEY), TestCore.enterpriseEdition());
        AuditTrail trail = new AuditTrail(stores.auditLog(), core.clock, TestCore.enterpriseEdition().edition());
        for (int i = 1; i <= count; i++) {
            AuditEventType type = i % 2 == 0 ? AuditEventType.OFFER_ANSWERED : AuditEventType.OFFER_PUBLISHED;
            trail.record(type, "peer-" + i, Optional.of("offer-" + i), Optional.empty(), Map.of("n", "" + i));
            core.clock.advance(Duration.ofSeconds(1));
        }
        return core;
    }

    @Nested
    class Querying {
        private final TestCore core = withEvents(7, UnaryOperator.identity());
        private final QueryAuditLog query = core.enterpriseUseCases().queryAuditLog();

        private AuditPage page(Set<AuditEventType> types, long after, int limit) {
            return query.query(ADMIN, new AuditQuery(Optional.empty(), Optional.empty(), types, after, limit));
        }

        @Test
        void pagesThroughTheLogInSequenceOrder() {
            AuditPage first = page(Set.of(), 0, 3);
            AuditPage last = page(Set.of(), 6, 3);

            assertThat(first.entries()).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
            assertThat(first.nextAfterSequence()).hasValue(3);
            assertThat(last.entries()).extracting(AuditEntry::sequence).containsExactly(7L);
            assertThat(last.nextAfterSequence()).isEmpty();
        }

        @Test
        void filtersByTypeAndTime() {
            Instant start = core.clock.instant().minusSeconds(7);
            AuditPage answered = page(Set.of(AuditEventType.OFFER_ANSWERED), 0, 10);
            AuditPage window = query.query(ADMIN, new AuditQuery(Optional.of(start.plusSeconds(2)),
                    Optional.of(start.plusSeconds(4)), Set.of(), 0, 10));

            assertThat(answered.entries()).extracting(AuditEntry::sequence).containsExactly(2L, 4L, 6L);
            assertThat(window.entries()).extracting(AuditEntry::sequence).containsExactly(3L, 4L);
        }

        @Test
        void clampsTheLimitToAThousand() {
            assertThat(page(Set.of(), 0, 5000).entries()).hasSize(7);
        }
    }

    @Nested
    class Verifying {
        @Test
        void findsAnIntactChainIntact() {
            VerifyAuditLog.Verification verification = withEvents(5, UnaryOperator.identity())
                    .enterpriseUseCases().verifyAuditLog().verify(ADMIN);

            assertThat(verification.intact()).isTrue();
            assertThat(verification.entriesChecked()).isEqualTo(5);
            assertThat(verification.problem()).isEmpty();
        }

        @Test
        void walksALogLongerThanOnePage() {
            VerifyAuditLog.Verification verification = withEvents(2345, UnaryOperator.identity())
                    .enterpriseUseCases().verifyAuditLog().verify(ADMIN);

            assertThat(verification.intact()).isTrue();
            assertThat(verification.entriesChecked()).isEqualTo(2345);
        }

        @Test
        void reportsTheFirstAlteredEntry() {
            VerifyAuditLog.Verification verification = withEvents(6,
                    log -> new TamperedAuditLog(log, 4, TamperedAuditLog.actorChangedTo("someone-else")))
                    .enterpriseUseCases().verifyAuditLog().verify(ADMIN);

            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBrokenSequence()).hasValue(4);
            assertThat(verification.entriesChecked()).isEqualTo(4);
            assertThat(verification.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("altered"));
        }

        @Test
        void reportsAnEntryWhoseHashWasRecomputedAfterTampering() {
            ChainHash chain = new ChainHash();
            UnaryOperator<AuditEntry> rehashed = entry -> {
                AuditEntry altered = TamperedAuditLog.actorChangedTo("someone-else").apply(entry);
                return new AuditEntry(altered.sequence(), altered.event(), altered.previousHash(),
                        chain.hash(altered.sequence(), altered.event(), altered.previousHash()));
            };

            VerifyAuditLog.Verification verification = withEvents(6, log -> new TamperedAuditLog(log, 2, rehashed))
                    .enterpriseUseCases().verifyAuditLog().verify(ADMIN);

            assertThat(verification.firstBrokenSequence()).as("the next link no longer points at it").hasValue(3);
            assertThat(verification.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("entry 2"));
        }

        @Test
        void reportsADeletedEntry() {
            VerifyAuditLog.Verification verification = withEvents(6,
                    log -> new TamperedAuditLog(log, 3, TamperedAuditLog.deleted()))
                    .enterpriseUseCases().verifyAuditLog().verify(ADMIN);

            assertThat(verification.firstBrokenSequence()).hasValue(4);
            assertThat(verification.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("sequence 3"));
        }

        @Test
        void findsAnEmptyLogIntact() {
            assertThat(withEvents(0, UnaryOperator.identity()).enterpriseUseCases().verifyAuditLog().verify(ADMIN))
                    .isEqualTo(new VerifyAuditLog.Verification(0, java.util.OptionalLong.empty(), Optional.empty()));
        }
    }
}
