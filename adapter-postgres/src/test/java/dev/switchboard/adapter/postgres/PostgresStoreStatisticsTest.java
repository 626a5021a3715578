package dev.switchboard.adapter.postgres;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.contract.StoreStatisticsContract;
import dev.switchboard.ports.driven.SignalingStorage;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The statistics contract, against PostgreSQL, and what keeps its one statement cheap. */
class PostgresStoreStatisticsTest extends StoreStatisticsContract {
    @Override
    protected SignalingStorage newStorage() {
        TestDatabase.emptyCountedTables();
        return TestDatabase.sharedStorage();
    }

    @Test
    void readsEveryCountThroughAnIndexNeverScanningATable() {
        String plan = TestDatabase.admin().transactionResult(transaction -> {
            // A sequential scan then costs so much that the planner takes any index that can answer.
            transaction.dsl().setLocal(DSL.name("enable_seqscan"), DSL.inline("off")).execute();
            return transaction.dsl().explain(PostgresStoreStatistics.query(transaction.dsl(), NOW)).plan();
        });

        assertThat(plan).doesNotContain("Seq Scan");
        assertThat(plan).as("one subquery per count").contains("InitPlan 8").doesNotContain("InitPlan 9");
    }
}
