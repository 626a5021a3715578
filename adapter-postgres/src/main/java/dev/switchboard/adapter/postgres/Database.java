package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The stores' way into PostgreSQL: jOOQ over the pool, one statement or one transaction at a time, with a
 * database that cannot be reached turned into the ports' {@link ErrorCode#SERVICE_UNAVAILABLE}.
 */
final class Database {
    /** SQLSTATE of a unique violation, which stores report as the id being taken. */
    static final String UNIQUE_VIOLATION = "23505";

    private final DSLContext dsl;

    Database(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Runs {@code work} with each statement in its own transaction (auto-commit). */
    <T> T statement(Function<DSLContext, T> work) {
        try {
            return work.apply(dsl);
        } catch (DataAccessException e) {
            throw translated(e);
        }
    }

    /** Runs {@code work} in one transaction at READ COMMITTED: all of it commits, or none on any exception. */
    <T> T transaction(Function<DSLContext, T> work) {
        try {
            return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (DataAccessException e) {
            throw translated(e);
        }
    }

    static boolean isUniqueViolation(DataAccessException e) {
        return UNIQUE_VIOLATION.equals(e.sqlState());
    }

    /** An outage becomes {@code SERVICE_UNAVAILABLE}; anything else is a defect and stays as it is. */
    private static RuntimeException translated(DataAccessException e) {
        if (isOutage(e)) {
            return new SignalingException(ErrorCode.SERVICE_UNAVAILABLE, "the store is unavailable",
                    "PostgreSQL is unreachable: " + e.getMessage());
        }
        return e;
    }

    /**
     * No pooled connection in time, a broken connection (SQLSTATE class 08), a server shutting down or
     * starting (57P01-57P03) or out of resources (class 53).
     */
    private static boolean isOutage(DataAccessException e) {
        if (e.getCause(SQLTransientConnectionException.class) != null) {
            return true;
        }
        String state = Objects.requireNonNullElse(e.sqlState(), "");
        return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53");
    }
}
