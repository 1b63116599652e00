package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Passwords never reach a message or a log line, however they are typed. */
class DatabaseUrlsTest {

    @Test
    void theWholePasswordIsHiddenUpToTheLastAtBeforeTheHost() {
        assertEquals("postgres://u:***@host/db", DatabaseUrls.redact("postgres://u:p@ss@host/db"));
        assertEquals("postgres://u:***@host:5432/db?sslmode=require",
                DatabaseUrls.redact("postgres://u:p@s@s@host:5432/db?sslmode=require"));
        assertEquals("postgresql://ada:***@127.0.0.1:1/rondo", DatabaseUrls.redact("postgresql://ada:secret@127.0.0.1:1/rondo"));
        assertEquals("postgres://u:***@host/db", DatabaseUrls.redact("postgres://u:p/s?s#x@host/db"));
        assertEquals("postgres://u:***@host/db", DatabaseUrls.redact("postgres://u:p%40ss@host/db"));
    }

    @Test
    void urlsWithoutAPasswordStayAsTheyAre() {
        assertEquals("postgres://u@host/db", DatabaseUrls.redact("postgres://u@host/db"));
        assertEquals("postgres://host:5432/db", DatabaseUrls.redact("postgres://host:5432/db"));
        assertEquals("jdbc:postgresql://host:5432/db?user=u", DatabaseUrls.redact("jdbc:postgresql://host:5432/db?user=u"));
    }

    @Test
    void passwordParametersAreHiddenToo() {
        assertEquals("jdbc:postgresql://host:5432/db?user=u&password=***&ssl=true",
                DatabaseUrls.redact("jdbc:postgresql://host:5432/db?user=u&password=p@ss&ssl=true"));
        assertEquals("postgres://u:***@host/db?PASSWORD=***", DatabaseUrls.redact("postgres://u:a@b@host/db?PASSWORD=c@d"));
    }

    @Test
    void anUnencodedAtInThePasswordIsAClearErrorThatShowsNoneOfIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrls.toJdbc("postgres://u:p@ss@host/db"));
        assertEquals("'postgres://u:***@host/db' has more than one '@' before its host: a user name or password that"
                + " holds '@' must write it as %40 (and ':' as %3A, '/' as %2F).", e.getMessage());
        assertFalse(e.getMessage().contains("ss@"), e.getMessage());
        assertTrue(DatabaseUrls.toJdbc("postgres://u:p%40ss@host/db").endsWith("?user=u&password=p%40ss"));
    }
}
