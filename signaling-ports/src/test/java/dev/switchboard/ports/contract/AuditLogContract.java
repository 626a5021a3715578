package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.AuditFixtures.NOW;
import static dev.switchboard.ports.testing.AuditFixtures.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.AuditQuery;
import dev.switchboard.ports.testing.AuditFixtures.RecordingChainLink;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} must do; an adapter's test extends this and supplies the log. */
public abstract class AuditLogContract {
    private static final int ROOMY = 1000;

    private AuditLog log;
    private final RecordingChainLink link = new RecordingChainLink();

    /**
     * A new, empty log: sequences start at 1 and queries see every entry, so a database-backed adapter empties
     * its table here.
     */
    protected abstract AuditLog newLog();

    @BeforeEach
    final void openLog() {
        log = newLog();
    }

    @Nested
    class Appending {
        @Test
        void startsTheChainAtSequenceOneAfterTheGenesisHash() {
            AuditEvent event = anEvent(AuditEventType.TRANSFER_CREATED).build();

            AuditEntry entry = log.append(event, link);

            assertThat(link.calls()).containsExactly(
                    new RecordingChainLink.Call(1, event, AuditLog.GENESIS, entry.hash()));
            assertThat(entry).isEqualTo(new AuditEntry(1, event, AuditLog.GENESIS, link.calls().get(0).answer()));
        }

        @Test
        void linksEachEntryToTheOneBeforeWithTheHashTheLinkComputed() {
            List<AuditEntry> entries = appendAll(5);

            assertThat(entries).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
            for (int i = 1; i < entries.size(); i++) {
                assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).hash());
            }
            List<RecordingChainLink.Call> calls = link.calls();
            for (int i = 0; i < entries.size(); i++) {
                AuditEntry entry = entries.get(i);
                assertThat(calls.get(i)).isEqualTo(new RecordingChainLink.Call(
                        entry.sequence(), entry.event(), entry.previousHash(), entry.hash()));
            }
        }

        @Test
        void keepsEveryEntryAsAppended() {
            List<AuditEntry> entries = appendAll(3);

            assertThat(log.readAfter(0, ROOMY)).isEqualTo(entries);
        }

        @Test
        void keepsEveryFieldOfAnEventExactly() {
            AuditEvent full = anEvent(AuditEventType.DEVICE_REVOKED).at(NOW.plusMillis(987)).by("admin:alice")
                    .on("laptop-1").from("2001:db8::7").attribute("reason", "lost on a train, \"ü\" \u2603")
                    .attribute("count", "3").attribute("empty", "").build();
            AuditEvent bare = anEvent(AuditEventType.AUTHENTICATION_FAILED).by("anonymous").onNothing()
                    .fromNowhere().build();

            log.append(full, link);
            log.append(bare, link);

            assertThat(log.readAfter(0, ROOMY)).extracting(AuditEntry::event).containsExactly(full, bare);
        }

        @Test
        void keepsEveryEventType() {
            List<AuditEvent> events = new ArrayList<>();
            for (AuditEventType type : AuditEventType.values()) {
                events.add(anEvent(type).build());
                log.append(events.get(events.size() - 1), link);
            }

            assertThat(log.readAfter(0, ROOMY)).extracting(AuditEntry::event).containsExactlyElementsOf(events);
        }

        @Test
        void formsOneUnbrokenChainFromManyConcurrentAppends() {
            List<AuditEntry> appended = Race.run(200,
                    i -> log.append(anEvent(AuditEventType.OFFER_PUBLISHED).attribute("n", "" + i).build(), link));

            List<AuditEntry> stored = log.readAfter(0, ROOMY);
            assertThat(stored).extracting(AuditEntry::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
            assertThat(stored.get(0).previousHash()).isEqualTo(AuditLog.GENESIS);
            for (int i = 1; i < stored.size(); i++) {
                assertThat(stored.get(i).previousHash()).isEqualTo(stored.get(i - 1).hash());
            }
            assertThat(stored).containsExactlyInAnyOrderElementsOf(appended);
            assertThat(stored).extracting(AuditEntry::hash).doesNotHaveDuplicates();
        }
    }

    @Nested
    class Querying {
        @Test
        void findsEntriesAfterTheCursorInSequenceOrderUpToTheLimit() {
            List<AuditEntry> entries = appendAll(6);

            assertThat(log.find(query(Optional.empty(), Optional.empty(), Set.of(), 0, 4)))
                    .isEqualTo(entries.subList(0, 4));
            assertThat(log.find(query(Optional.empty(), Optional.empty(), Set.of(), 4, 4)))
                    .isEqualTo(entries.subList(4, 6));
            assertThat(log.find(query(Optional.empty(), Optional.empty(), Set.of(), 6, 4))).isEmpty();
        }

        @Test
        void findsEntriesThatOccurredFromTheStartInclusiveToTheEndExclusive() {
            Instant from = NOW.plusSeconds(10);
            Instant to = NOW.plusSeconds(20);
            append(anEvent(AuditEventType.SESSION_OPENED).at(from.minusMillis(1)).build());
            AuditEntry atFrom = append(anEvent(AuditEventType.SESSION_OPENED).at(from).build());
            AuditEntry inside = append(anEvent(AuditEventType.SESSION_OPENED).at(to.minusMillis(1)).build());
            AuditEntry atTo = append(anEvent(AuditEventType.SESSION_OPENED).at(to).build());

            assertThat(log.find(query(Optional.of(from), Optional.of(to), Set.of(), 0, ROOMY)))
                    .containsExactly(atFrom, inside);
            assertThat(log.find(query(Optional.of(from), Optional.empty(), Set.of(), 0, ROOMY)))
                    .containsExactly(atFrom, inside, atTo);
            assertThat(log.find(query(Optional.empty(), Optional.of(from), Set.of(), 0, ROOMY))).hasSize(1);
        }

        @Test
        void findsEntriesOfTheGivenTypesOnly() {
            AuditEntry created = append(anEvent(AuditEventType.TRANSFER_CREATED).build());
            append(anEvent(AuditEventType.SESSION_OPENED).build());
            AuditEntry claimed = append(anEvent(AuditEventType.TRANSFER_CLAIMED).build());
            append(anEvent(AuditEventType.DEVICE_REGISTERED).build());

            assertThat(log.find(query(Optional.empty(), Optional.empty(),
                    Set.of(AuditEventType.TRANSFER_CREATED, AuditEventType.TRANSFER_CLAIMED), 0, ROOMY)))
                    .containsExactly(created, claimed);
            assertThat(log.find(query(Optional.empty(), Optional.empty(), Set.of(AuditEventType.RATE_LIMITED), 0,
                    ROOMY))).isEmpty();
        }

        @Test
        void appliesTimeTypesCursorAndLimitTogether() {
            Instant from = NOW.plusSeconds(5);
            List<AuditEntry> matching = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                append(anEvent(AuditEventType.SESSION_OPENED).at(from.plusMillis(i)).build());
                append(anEvent(AuditEventType.OFFER_PUBLISHED).at(from.minusMillis(1 + i)).build());
                matching.add(append(anEvent(AuditEventType.OFFER_PUBLISHED).at(from.plusMillis(i)).build()));
            }
            AuditQuery firstPage = query(Optional.of(from), Optional.of(from.plusSeconds(1)),
                    Set.of(AuditEventType.OFFER_PUBLISHED), 0, 3);

            List<AuditEntry> first = log.find(firstPage);
            List<AuditEntry> second = log.find(query(firstPage.from(), firstPage.to(), firstPage.types(),
                    first.get(2).sequence(), 3));

            assertThat(first).isEqualTo(matching.subList(0, 3));
            assertThat(second).isEqualTo(matching.subList(3, 6));
        }

        @Test
        void findsNothingInAnEmptyLog() {
            assertThat(log.find(query(Optional.empty(), Optional.empty(), Set.of(), 0, ROOMY))).isEmpty();
            assertThat(log.readAfter(0, ROOMY)).isEmpty();
        }

        @Test
        void readsEntriesAfterASequenceInOrderUpToTheLimit() {
            List<AuditEntry> entries = appendAll(7);

            assertThat(log.readAfter(0, 3)).isEqualTo(entries.subList(0, 3));
            assertThat(log.readAfter(3, 3)).isEqualTo(entries.subList(3, 6));
            assertThat(log.readAfter(6, 3)).isEqualTo(entries.subList(6, 7));
            assertThat(log.readAfter(7, 3)).isEmpty();
        }
    }

    private AuditEntry append(AuditEvent event) {
        return log.append(event, link);
    }

    /** Appends {@code count} events, one millisecond apart, of varying types. */
    private List<AuditEntry> appendAll(int count) {
        AuditEventType[] types = AuditEventType.values();
        return IntStream.range(0, count)
                .mapToObj(i -> append(anEvent(types[i % types.length]).at(NOW.plus(Duration.ofMillis(i))).build()))
                .toList();
    }

    private static AuditQuery query(Optional<Instant> from, Optional<Instant> to, Set<AuditEventType> types,
            long afterSequence, int limit) {
        return new AuditQuery(from, to, types, afterSequence, limit);
    }
}
