package dev.rondo.embedded.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataVersionTest {

    @Test
    void theMajorVersionIsReadFromPostgresDashV() {
        assertEquals("15", DataVersion.major("postgres (PostgreSQL) 15.19"));
        assertEquals("17", DataVersion.major("postgres (PostgreSQL) 17beta1"));
        assertEquals("9.6", DataVersion.major("postgres (PostgreSQL) 9.6.24"), "before 10, the major had two parts");
        assertThrows(IllegalArgumentException.class, () -> DataVersion.major("bash: postgres: not found"));
    }

    @Test
    void aMismatchSaysBothVersionsAndWhatToDo() {
        Path data = Path.of("/home/ada/.rondo/postgres/data");
        assertTrue(DataVersion.mismatch("15", "15", data).isEmpty());
        String message = DataVersion.mismatch("15", "16", data).orElseThrow();
        assertTrue(message.contains("made by PostgreSQL 15, but this Rondo ships PostgreSQL 16"), message);
        assertTrue(message.contains("Move " + data + " away"), message);
        assertTrue(message.contains("RONDO_DATABASE_URL"), message);
    }
}
