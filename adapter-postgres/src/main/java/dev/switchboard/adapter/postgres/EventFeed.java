package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.CANDIDATES;
import static dev.switchboard.adapter.postgres.schema.Tables.OFFERS;

import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.Sdp;
import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record7;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A recipient's events as one query: the union of answers to offers it owns, the answerer's candidates on
 * offers it owns, and the owner's candidates on offers it answered, in sequence order. Each branch is
 * ordered and limited by itself, so that PostgreSQL reads at most {@code limit} rows of each from an index:
 * offers by (owner_key_id, answer_sequence) or answerer_key_id, candidates by (offer_id, role, sequence).
 */
final class EventFeed {
    private static final String ANSWER = "answer";
    private static final String CANDIDATE = "candidate";

    private static final Field<Long> SEQUENCE = DSL.field(DSL.name("sequence"), Long.class);
    private static final Field<String> KIND = DSL.field(DSL.name("kind"), String.class);
    private static final Field<String> OFFER_ID = DSL.field(DSL.name("offer_id"), String.class);
    private static final Field<Role> FROM = DSL.field(DSL.name("from_role"), CANDIDATES.ROLE.getDataType());
    private static final Field<String> ANSWERER = DSL.field(DSL.name("answerer_key_id"), String.class);
    private static final Field<String> PAYLOAD = DSL.field(DSL.name("payload"), String.class);
    private static final Field<Instant> AT = DSL.field(DSL.name("at"), OFFERS.ANSWERED_AT.getDataType());

    private EventFeed() {}

    static List<OfferEvent> read(DSLContext dsl, String recipient, long afterSequence, int limit) {
        Table<?> events = answersTo(dsl, recipient, afterSequence, limit)
                .unionAll(candidatesOn(dsl, OFFERS.OWNER_KEY_ID.eq(recipient), Role.ANSWERER, afterSequence, limit))
                .unionAll(candidatesOn(dsl, OFFERS.ANSWERER_KEY_ID.eq(recipient), Role.OFFERER, afterSequence, limit))
                .asTable("events");
        return dsl.select(SEQUENCE, KIND, OFFER_ID, FROM, ANSWERER, PAYLOAD, AT)
                .from(events)
                .orderBy(SEQUENCE)
                .limit(limit)
                .fetch(EventFeed::event);
    }

    private static Select<Record7<Long, String, String, Role, String, String, Instant>> answersTo(
            DSLContext dsl, String owner, long afterSequence, int limit) {
        return dsl.select(
                        OFFERS.ANSWER_SEQUENCE.as(SEQUENCE),
                        DSL.inline(ANSWER).as(KIND),
                        OFFERS.ID.as(OFFER_ID),
                        DSL.inline(Role.ANSWERER, CANDIDATES.ROLE).as(FROM),
                        OFFERS.ANSWERER_KEY_ID.as(ANSWERER),
                        OFFERS.ANSWER_SDP.as(PAYLOAD),
                        OFFERS.ANSWERED_AT.as(AT))
                .from(OFFERS)
                .where(OFFERS.OWNER_KEY_ID.eq(owner))
                .and(OFFERS.ANSWER_SEQUENCE.gt(afterSequence))
                .orderBy(OFFERS.ANSWER_SEQUENCE)
                .limit(limit);
    }

    /** Candidates sent by {@code from} on the offers where the recipient plays the other side. */
    private static Select<Record7<Long, String, String, Role, String, String, Instant>> candidatesOn(
            DSLContext dsl, Condition recipientsOffers, Role from, long afterSequence, int limit) {
        return dsl.select(
                        CANDIDATES.SEQUENCE.as(SEQUENCE),
                        DSL.inline(CANDIDATE).as(KIND),
                        CANDIDATES.OFFER_ID.as(OFFER_ID),
                        CANDIDATES.ROLE.as(FROM),
                        DSL.castNull(OFFERS.ANSWERER_KEY_ID).as(ANSWERER),
                        CANDIDATES.CANDIDATE.as(PAYLOAD),
                        CANDIDATES.ADDED_AT.as(AT))
                .from(CANDIDATES)
                .join(OFFERS).on(OFFERS.ID.eq(CANDIDATES.OFFER_ID))
                .where(recipientsOffers)
                .and(CANDIDATES.ROLE.eq(from))
                .and(CANDIDATES.SEQUENCE.gt(afterSequence))
                .orderBy(CANDIDATES.SEQUENCE)
                .limit(limit);
    }

    private static OfferEvent event(Record7<Long, String, String, Role, String, String, Instant> row) {
        OfferId offerId = new OfferId(row.value3());
        if (ANSWER.equals(row.value2())) {
            return new OfferEvent.Answered(row.value1(), offerId,
                    new Answer(row.value5(), new Sdp(row.value6()), row.value7()));
        }
        return new OfferEvent.CandidateAdded(
                new Candidate(row.value1(), offerId, row.value4(), new IceCandidate(row.value6()), row.value7()));
    }
}
