package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void aSwapIsOneEditSoTheSwappedNameWinsOverAnotherTwoEditsAway() {
        assertEquals("status", Suggestions.closest("stauts", List.of("start", "status", "list")));
        assertEquals("maxAttempts", Suggestions.closest("maxAtempts", List.of("maxAttempts", "timeout", "key")));
        assertEquals("--help", Suggestions.closest("--hlep", List.of("--help", "--version")));
    }

    @Test
    void nothingCloseIsNoSuggestion() {
        assertNull(Suggestions.closest("colour", List.of("queue", "timeout", "key")));
        assertNull(Suggestions.closest("x", List.of()));
    }
}
