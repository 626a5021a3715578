package dev.switchboard.adapter.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Two {@link PostgresStorage} instances on one test database, as two Switchboard instances behind a load
 * balancer share it: the base of every race test, whose contenders alternate between them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoInstanceRaces {
    protected PostgresStorage first;
    protected PostgresStorage second;

    @BeforeAll
    void startTwoInstances() {
        first = TestDatabase.newStorage();
        second = TestDatabase.newStorage();
    }

    @AfterAll
    void stopThem() {
        first.close();
        second.close();
    }

    /** The instance the {@code i}-th contender goes through: even ones the first, odd ones the second. */
    protected PostgresStorage instance(int i) {
        return i % 2 == 0 ? first : second;
    }
}
