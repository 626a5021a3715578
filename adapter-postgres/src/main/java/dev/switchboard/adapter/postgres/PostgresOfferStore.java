package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.CANDIDATES;
import static dev.switchboard.adapter.postgres.schema.Tables.OFFERS;

import dev.switchboard.adapter.postgres.schema.tables.records.OffersRecord;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.Tags;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The offer aggregates in PostgreSQL. Races are decided by the database, so any number of instances may
 * share it: one conditional UPDATE picks the winning answer, the offer's row lock orders candidate appends
 * against the per-side limit, and {@link EventSequence} hands out sequences that commit in order.
 */
final class PostgresOfferStore implements OfferStore {
    private final Database database;
    private final ExpirySweep sweep;

    PostgresOfferStore(Database database) {
        this.database = database;
        this.sweep = new ExpirySweep(database);
    }

    @Override
    public void saveAll(List<Offer> offers) {
        Set<OfferId> ids = new HashSet<>();
        for (Offer offer : offers) {
            if (!ids.add(offer.id())) {
                throw new IllegalArgumentException("offer " + offer.id() + " appears twice");
            }
            if (offer.isAnswered()) {
                throw new IllegalArgumentException("offer " + offer.id() + " is new and cannot carry an answer yet");
            }
        }
        if (offers.isEmpty()) {
            return;
        }
        database.statement(dsl -> {
            try {
                return OfferRows.insert(dsl, offers).execute();
            } catch (DataAccessException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new IllegalStateException("an offer id of the batch is already taken", e);
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Offer> find(OfferId id) {
        return database.statement(dsl -> dsl.selectFrom(OFFERS).where(OFFERS.ID.eq(id.value())).fetchOptional())
                .map(OfferRows::offer);
    }

    @Override
    public AnswerAttempt attachAnswerIfNone(OfferId id, Answer answer, Instant now, Instant retainUntil) {
        return database.transaction(tx -> {
            EventSequence.lock(tx);
            // The race: of all concurrent attempts, only one finds the row still unanswered and updates it.
            Optional<OffersRecord> won = tx.update(OFFERS)
                    .set(OFFERS.ANSWERER_KEY_ID, answer.answererKeyId())
                    .set(OFFERS.ANSWER_SDP, answer.sdp().value())
                    .set(OFFERS.ANSWERED_AT, answer.answeredAt())
                    .set(OFFERS.ANSWER_SEQUENCE, EventSequence.next())
                    .set(OFFERS.EXPIRES_AT, retainUntil)
                    .where(OFFERS.ID.eq(id.value()))
                    .and(OFFERS.ANSWERER_KEY_ID.isNull())
                    .and(OFFERS.EXPIRES_AT.gt(now))
                    .returning()
                    .fetchOptional();
            if (won.isPresent()) {
                return new AnswerAttempt.Won(OfferRows.offer(won.get()));
            }
            boolean live = tx.fetchExists(OFFERS, OFFERS.ID.eq(id.value()).and(OFFERS.EXPIRES_AT.gt(now)));
            return live ? new AnswerAttempt.AlreadyAnswered() : new AnswerAttempt.Gone();
        });
    }

    @Override
    public CandidateAppend appendCandidates(
            OfferId id, Role from, List<IceCandidate> candidates, Instant now, int maxPerSide) {
        return database.transaction(tx -> {
            EventSequence.lock(tx);
            // The offer's row lock keeps a concurrent delete or sweep out until these candidates are in.
            boolean live = tx.selectOne().from(OFFERS)
                    .where(OFFERS.ID.eq(id.value()))
                    .and(OFFERS.EXPIRES_AT.gt(now))
                    .forUpdate()
                    .fetchOptional()
                    .isPresent();
            if (!live) {
                return new CandidateAppend.Gone();
            }
            int held = tx.fetchCount(CANDIDATES, CANDIDATES.OFFER_ID.eq(id.value()).and(CANDIDATES.ROLE.eq(from)));
            if (held + candidates.size() > maxPerSide) {
                return new CandidateAppend.LimitReached();
            }
            return new CandidateAppend.Appended(insert(tx, id, from, candidates, now));
        });
    }

    @Override
    public List<Candidate> candidates(OfferId id, Role from, long afterSequence) {
        return database.statement(dsl -> dsl.selectFrom(CANDIDATES)
                .where(CANDIDATES.OFFER_ID.eq(id.value()))
                .and(CANDIDATES.ROLE.eq(from))
                .and(CANDIDATES.SEQUENCE.gt(afterSequence))
                .orderBy(CANDIDATES.SEQUENCE)
                .fetch(OfferRows::candidate));
    }

    @Override
    public List<OfferEvent> eventsFor(String recipientKeyId, long afterSequence, int limit) {
        return database.statement(dsl -> EventFeed.read(dsl, recipientKeyId, afterSequence, limit));
    }

    @Override
    public long countAvailable(OfferQuery query, Instant now) {
        return database.statement(dsl -> dsl.fetchCount(OFFERS, Discovery.available(query, now)));
    }

    @Override
    public List<Offer> listAvailable(OfferQuery query, Instant now, Optional<OfferCursor> after, int limit) {
        return database.statement(dsl -> Discovery.inOrder(dsl, query, now, after).limit(limit)
                .fetch(OfferRows::offer));
    }

    @Override
    public Optional<Offer> availableAt(OfferQuery query, Instant now, long index) {
        return database.statement(dsl -> Discovery.inOrder(dsl, query, now, Optional.empty())
                .offset(index).limit(1)
                .fetchOptional(OfferRows::offer));
    }

    @Override
    public Optional<Offer> replaceTags(OfferId id, Tags tags) {
        return database.statement(dsl -> dsl.update(OFFERS)
                        .set(OFFERS.TAGS, OfferRows.tags(tags))
                        .where(OFFERS.ID.eq(id.value()))
                        .returning()
                        .fetchOptional())
                .map(OfferRows::offer);
    }

    /** Deletes the row; its candidates go with it by the foreign key's ON DELETE CASCADE. */
    @Override
    public boolean delete(OfferId id) {
        return database.statement(dsl -> dsl.deleteFrom(OFFERS).where(OFFERS.ID.eq(id.value())).execute()) > 0;
    }

    @Override
    public int deleteExpired(Instant now) {
        return sweep.offersExpiredAt(now);
    }

    /** Inserts the candidates with fresh sequences, in the order given; only under the sequence lock. */
    private static List<Candidate> insert(
            DSLContext tx, OfferId id, Role from, List<IceCandidate> candidates, Instant now) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Long> sequences = EventSequence.take(tx, candidates.size());
        List<Candidate> added = IntStream.range(0, candidates.size())
                .mapToObj(i -> new Candidate(sequences.get(i), id, from, candidates.get(i), now))
                .toList();
        OfferRows.insertCandidates(tx, added).execute();
        return added;
    }
}
