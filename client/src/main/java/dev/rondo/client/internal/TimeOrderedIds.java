package dev.rondo.client.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Execution ids for starts that name none: UUIDs of version 7 (RFC 9562), whose first 48 bits are the
 * Unix time in milliseconds and the other 74 random. Ids made close in time sort close together, so the
 * B-tree indexes on execution ids (the primary key, a task's id beginning with its workflow's, queue items
 * by execution) take new entries on a few recent pages instead of one random page of the whole index
 * each: on a table of millions of executions, the pages a start or a slice writes stay in memory and each
 * is written to the WAL whole once per checkpoint rather than once per entry (bench/run scale).
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {}

    /** A new version-7 UUID for the current time. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16      // unix_ts_ms, 48 bits
                | 0x7000L                                        // version 7
                | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL); // rand_a, 12 bits
        long low = 0x8000_0000_0000_0000L;                       // variant 10
        for (int i = 2; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // rand_b, 62 bits
        return new UUID(high, low);
    }
}
