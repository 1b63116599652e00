package dev.rondo.worker.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.store.Transactions;
import dev.rondo.worker.UnreachableDatabase;
import org.junit.jupiter.api.Test;

class ClaimerTest {

    @Test
    void aDatabaseThatIsDownIsReportedAsSuchNotAsANullPointer() {
        Claimer claimer = new Claimer(new UnreachableDatabase(null, 0), "w", 30);
        Transactions.DatabaseException failure = assertThrows(Transactions.DatabaseException.class,
                () -> claimer.claim("default", 4));
        assertTrue(failure.getMessage().startsWith("Connection to localhost:5432 refused."), failure.getMessage());
        claimer.close();
    }
}
