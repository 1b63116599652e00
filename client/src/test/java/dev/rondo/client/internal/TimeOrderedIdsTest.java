package dev.rondo.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidWhoseFirst48BitsAreItsMillisecond() {
        long millis = 1_796_000_000_123L; // 2026-11-30
        UUID id = TimeOrderedIds.at(millis);
        assertEquals(7, id.version());
        assertEquals(2, id.variant()); // RFC 9562's variant (binary 10)
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        assertEquals(id, UUID.fromString(id.toString()), "its text reads back as the same UUID");
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
        String earlier = TimeOrderedIds.at(1_796_000_000_123L).toString();
        String later = TimeOrderedIds.at(1_796_000_000_124L).toString();
        assertTrue(earlier.compareTo(later) < 0, earlier + " then " + later);
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(TimeOrderedIds.at(1_796_000_000_123L)), "a repeated id");
        }
    }
}
