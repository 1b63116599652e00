package dev.rondo.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How a slice's failure is sorted: transient ones are run again as they are, the rest are counted. */
class TransactionsTest {

    private static boolean transientState(String state) {
        return Transactions.isTransient(new Transactions.DatabaseException(new SQLException("x", state)));
    }

    @Test
    void connectionLossShutdownSerializationDeadlockAndCancelledWaitsAreTransient() {
        for (String state : new String[] {"08006", "08003", "57P01", "57P02", "57P03", "40001", "40P01", "55P03",
                "57014", "53300"}) {
            assertTrue(transientState(state), state);
        }
        assertTrue(Transactions.isTransient(new Transactions.DatabaseException(new SQLException("Connection is closed"))));
    }

    @Test
    void dataErrorsConstraintsProgramLimitsAndErrorsArePermanent() {
        for (String state : new String[] {"22021", "22023", "22008", "23505", "54000", "XX000", "42P01"}) {
            assertFalse(transientState(state), state);
        }
        assertFalse(Transactions.isTransient(new OutOfMemoryError("Java heap space")));
        assertFalse(Transactions.isTransient(new StackOverflowError()));
        assertFalse(Transactions.isTransient(new IllegalStateException("a bug")));
        // a database error behind a stateless wrapper keeps its verdict
        assertFalse(Transactions.isTransient(new SQLException("wrapped", (String) null, new SQLException("bad", "22021"))));
    }
}
