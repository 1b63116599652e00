package dev.rondo.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.store.Transactions;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lease keeper does not poll for expired leases: it looks when the earliest lease runs out (no sooner
 * than its rescue interval, no later than twelve of them), after one lease duration when nothing is leased,
 * and rescues at once what has run out.
 */
class RescueTimingTest {

    @TempDir
    Path flows;

    private HikariDataSource dataSource;
    private RondoClient client;
    private final AtomicInteger rescues = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.freshSchemaUrl("rescuetiming"));
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        client = RondoClient.create(dataSource);
        Path flow = flows.resolve("quick.flow");
        Files.writeString(flow, "return 1\n");
        client.deploy(flow);
    }

    @AfterEach
    void tearDown() {
        client.close();
        dataSource.close();
    }

    /** Lease 20 s, rescue interval 1 s: looks at most 12 s apart. */
    private LeaseKeeper keeper() {
        return new LeaseKeeper(dataSource, "w1", new InFlight(Duration.ofSeconds(30)), Duration.ofSeconds(20), Duration.ofSeconds(1),
                rescues::incrementAndGet);
    }

    private void claimOne(double leaseSeconds) {
        client.start("quick", "{}", StartOptions.DEFAULT);
        assertEquals(1, new Claimer(dataSource, "dead", leaseSeconds).claim("default", 1).size());
    }

    @Test
    void withNothingLeasedItLooksAgainAfterOneLeaseAtMostTwelveIntervals() {
        assertNull(Transactions.autocommit(dataSource, dev.rondo.store.QueueStatements::nextLeaseExpiry));
        long wait = keeper().rescueIfDue();
        // 12 intervals (12 s, below the 20 s lease), jittered ±20%
        assertTrue(wait >= 9_600 && wait <= 14_400, "waits " + wait + " ms");
    }

    @Test
    void itLooksAgainWhenTheEarliestLeaseRunsOutNotBefore() {
        claimOne(4);
        long wait = keeper().rescueIfDue();
        assertTrue(wait > 2_500 && wait <= 4_100, "waits " + wait + " ms for a lease that runs out in 4 s");
        assertEquals(0, rescues.get());

        claimOne(0.2); // runs out sooner than the rescue interval: not looked for sooner than that
        wait = keeper().rescueIfDue();
        assertTrue(wait >= 800 && wait <= 1_200, "waits " + wait + " ms, the rescue interval");
    }

    @Test
    void aLeaseThatRanOutIsRescuedAtOnce() {
        claimOne(-1); // ran out a second ago
        long wait = keeper().rescueIfDue();
        assertTrue(wait <= 1_200, "looks again within the rescue interval after a rescue: " + wait + " ms");
        assertEquals(1, rescues.get());
        String owner = Transactions.autocommit(dataSource, connection -> {
            try (var s = connection.createStatement();
                 var rs = s.executeQuery("SELECT lease_owner FROM queue_items")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertNull(owner, "the slice is claimable again");
    }
}
