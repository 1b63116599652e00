package dev.rondo.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void commentsAndBlankLinesGoButNotADashDashInAString() {
        String sql = "-- takes :owner's items\nSELECT '--x', a -- :not\n\n  FROM t  \n";
        assertEquals("SELECT '--x', a\n  FROM t", SqlText.withoutComments(sql));
    }

    @Test
    void namesBecomePositionalOutsideStringsAndCasts() {
        List<String> names = new ArrayList<>();
        String jdbc = SqlText.positional("SELECT :a::int, ':b', CAST(:c_2 AS text[])", names);
        assertEquals("SELECT ?::int, ':b', CAST(? AS text[])", jdbc);
        assertEquals(List.of("a", "c_2"), names);
    }
}
