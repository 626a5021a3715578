package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.CANDIDATES;
import static dev.switchboard.adapter.postgres.schema.Tables.OFFERS;

import dev.switchboard.adapter.postgres.schema.tables.records.CandidatesRecord;
import dev.switchboard.adapter.postgres.schema.tables.records.OffersRecord;
import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Sdp;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.Tags;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Insert;

/** Translates between offer and candidate rows and the ports' values. */
final class OfferRows {

    private OfferRows() {}

    static Offer offer(OffersRecord row) {
        Optional<Answer> answer = row.getAnswererKeyId() == null
                ? Optional.empty()
                : Optional.of(new Answer(row.getAnswererKeyId(), new Sdp(row.getAnswerSdp()), row.getAnsweredAt()));
        return new Offer(
                new OfferId(row.getId()),
                row.getOwnerKeyId(),
                new ServiceName(row.getService()),
                new Tags(List.of(row.getTags())),
                new Sdp(row.getSdp()),
                row.getCreatedAt(),
                row.getExpiresAt(),
                answer);
    }

    static Candidate candidate(CandidatesRecord row) {
        return new Candidate(row.getSequence(), new OfferId(row.getOfferId()), row.getRole(),
                new IceCandidate(row.getCandidate()), row.getAddedAt());
    }

    static String[] tags(Tags tags) {
        return tags.values().toArray(String[]::new);
    }

    /** One multi-row INSERT of new, unanswered offers: a single statement, so all or none. */
    static Insert<OffersRecord> insert(DSLContext dsl, List<Offer> offers) {
        var insert = dsl.insertInto(OFFERS, OFFERS.ID, OFFERS.OWNER_KEY_ID, OFFERS.SERVICE, OFFERS.TAGS, OFFERS.SDP,
                OFFERS.CREATED_AT, OFFERS.EXPIRES_AT);
        for (Offer offer : offers) {
            insert = insert.values(offer.id().value(), offer.ownerKeyId(), offer.service().value(), tags(offer.tags()),
                    offer.sdp().value(), offer.createdAt(), offer.expiresAt());
        }
        return insert;
    }

    /** One multi-row INSERT of candidates that already carry their sequences. */
    static Insert<CandidatesRecord> insertCandidates(DSLContext dsl, List<Candidate> candidates) {
        var insert = dsl.insertInto(CANDIDATES, CANDIDATES.SEQUENCE, CANDIDATES.OFFER_ID, CANDIDATES.ROLE,
                CANDIDATES.CANDIDATE, CANDIDATES.ADDED_AT);
        for (Candidate candidate : candidates) {
            insert = insert.values(candidate.sequence(), candidate.offerId().value(), candidate.from(),
                    candidate.candidate().json(), candidate.addedAt());
        }
        return insert;
    }
}
