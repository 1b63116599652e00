package dev.rondo.core.internal.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The linear search finds what the JVM's naive one finds, for long patterns over small alphabets. */
class TextSearchTest {

    private static String random(Random random, int length, String alphabet) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void agreesWithStringIndexOfAndLastIndexOf() {
        Random random = new Random(10);
        for (int round = 0; round < 3000; round++) {
            String alphabet = round % 2 == 0 ? "ab" : "abc";
            String text = random(random, random.nextInt(400), alphabet);
            String pattern;
            if (!text.isEmpty() && random.nextBoolean()) {
                int from = random.nextInt(text.length());
                pattern = text.substring(from, Math.min(text.length(), from + 17 + random.nextInt(40)));
            } else {
                pattern = random(random, 17 + random.nextInt(30), alphabet);
            }
            int from = random.nextInt(text.length() + 1);
            assertEquals(text.indexOf(pattern, from), TextSearch.indexOf(text, pattern, from), text + " / " + pattern);
            assertEquals(text.lastIndexOf(pattern, from), TextSearch.lastIndexOf(text, pattern, from),
                    text + " / " + pattern + " before " + from);
        }
    }
}
