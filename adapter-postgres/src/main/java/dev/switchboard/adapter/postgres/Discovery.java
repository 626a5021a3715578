package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.OFFERS;

import dev.switchboard.adapter.postgres.schema.tables.records.OffersRecord;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SelectSeekStep2;
import org.jooq.impl.DSL;

/**
 * Discovery as SQL: which offers are available and match a query, in discovery order. Served by the
 * partial indexes on unanswered offers, by (service, created_at, id) or (created_at, id), and the GIN
 * index on tags for "carries every required tag" ({@code tags @> required}).
 */
final class Discovery {

    private Discovery() {}

    /** Available (unanswered, unexpired at {@code now}) offers matching {@code query}. */
    static Condition available(OfferQuery query, Instant now) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(OFFERS.ANSWERER_KEY_ID.isNull());
        conditions.add(OFFERS.EXPIRES_AT.gt(now));
        query.service().ifPresent(service -> conditions.add(OFFERS.SERVICE.eq(service.value())));
        if (!query.requiredTags().isEmpty()) {
            conditions.add(OFFERS.TAGS.contains(OfferRows.tags(query.requiredTags())));
        }
        query.excludedOwnerKeyId().ifPresent(owner -> conditions.add(OFFERS.OWNER_KEY_ID.ne(owner)));
        return DSL.and(conditions);
    }

    /** Strictly after {@code cursor} in discovery order, as one row comparison the index can seek to. */
    static Condition after(Optional<OfferCursor> cursor) {
        return cursor
                .map(c -> DSL.row(OFFERS.CREATED_AT, OFFERS.ID).gt(c.createdAt(), c.offerId().value()))
                .orElse(DSL.noCondition());
    }

    /** Available matching offers after {@code cursor}, in discovery order: oldest first, ties by id. */
    static SelectSeekStep2<OffersRecord, Instant, String> inOrder(
            DSLContext dsl, OfferQuery query, Instant now, Optional<OfferCursor> cursor) {
        return dsl.selectFrom(OFFERS)
                .where(available(query, now))
                .and(after(cursor))
                .orderBy(OFFERS.CREATED_AT, OFFERS.ID);
    }
}
