package dev.rondo.core.value;

import static dev.rondo.core.value.FlowAssertions.assertFlowError;
import static dev.rondo.core.value.FlowAssertions.assertSameDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @Test
    void boxingADoubleKeepsItsValueAndSignAndSharesOnlySmallIntegers() {
        for (double value : new double[] {0.0, -0.0, 1.0, 1024.0, 1025.0, -1.0, 0.5, 3.75, 1e300, -1e-300}) {
            assertSameDouble(value, Numbers.box(value));
        }
        assertTrue(Numbers.box(7.0) == Numbers.box(7), "the small integers' boxes");
        assertTrue(Double.doubleToRawLongBits(Numbers.box(-0.0)) != 0, "-0 is not 0's box");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            5                       | 5
            -5                      | -5
            1.5                     | 1.5
            0.1                     | 0.1
            0.30000000000000004     | 0.30000000000000004
            100                     | 100
            1e21                    | 1e+21
            1.5e-7                  | 1.5e-7
            0.000001                | 0.000001
            123456789012345680000   | 123456789012345680000
            -0.0                    | 0
            1e-7                    | 1e-7
            1e20                    | 100000000000000000000
            1152921504606846976     | 1152921504606847000
            9007199254740992        | 9007199254740992
            1.7976931348623157e308  | 1.7976931348623157e+308
            4.9e-324                | 5e-324
            1e-323                  | 1e-323
            1.5e-323                | 1.5e-323
            1e23                    | 1e+23
            -0.0000012              | -0.0000012
            123.456                 | 123.456
            1000000000000000.2      | 1000000000000000.2
            """)
    void printsNumbersAsJavaScriptDoes(double value, String expected) {
        assertEquals(expected, Numbers.toString(value));
    }

    /** A table written by Node.js: the bits of a double, then String(x). */
    @Test
    void agreesWithJavaScriptOnAReferenceTable() throws IOException {
        int rows = 0;
        try (var in = new BufferedReader(new InputStreamReader(
                NumbersTest.class.getResourceAsStream("js-number-strings.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split("\t");
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(cells[0], 16));
                assertEquals(cells[1], Numbers.toString(value), () -> "bits " + cells[0]);
                rows++;
            }
        }
        assertTrue(rows > 700, "the table was read");
    }

    @Test
    void printedNumbersReadBackAsTheSameDouble() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                String text = Numbers.toString(value);
                assertEquals(value == 0 ? 0.0 : value, Double.parseDouble(text), () -> text);
            }
        }
    }

    @Test
    void boxesSmallIntegersWithoutAllocating() {
        assertTrue(Numbers.box(7) == Numbers.box(7));
        assertEquals(70000.0, Numbers.box(70000));
        assertEquals(-1.0, Numbers.box(-1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                | 0
            '  '              | 0
            ' 12 '            | 12
            0x1F              | 31
            0X1f              | 31
            0o17              | 15
            0b101             | 5
            1e3               | 1000
            .5                | 0.5
            5.                | 5
            -5                | -5
            +5                | 5
            0x1fffffffffffff1 | 144115188075855860
            00012             | 12
            1.5e-3            | 0.0015
            '  -.5e+2  '      | -50
            """)
    void convertsStringsToNumbersAsJavaScriptDoes(String text, String expected) {
        assertEquals(expected, Numbers.toString(Numbers.parseNumber(text)));
    }

    @Test
    void numberIgnoresEveryKindOfJavaScriptWhiteSpace() {
        assertEquals(7.0, Numbers.parseNumber("\u00a0\n\t 7 \ufeff\u2028\u3000"));
    }

    @Test
    void numberKeepsNegativeZero() {
        assertSameDouble(-0.0, Numbers.parseNumber("-0"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1_000
            abc
            Infinity
            -Infinity
            0x
            -0x10
            1e
            12px
            .
            e5
            0b
            0b102
            NaN
            1d
            0x1p3
            """)
    void refusesTextThatIsNotANumber(String text) {
        assertFlowError("RangeError", "Cannot convert \"" + text + "\" to a number.", () -> Numbers.parseNumber(text));
    }

    @Test
    void refusesNumbersTooLargeForADouble() {
        assertFlowError("RangeError", "\"1e400\" is too large to be a number.", () -> Numbers.parseNumber("1e400"));
        assertFlowError("RangeError", "\"-1e400\" is too large to be a number.", () -> Numbers.parseNumber("-1e400"));
    }

    @Test
    void quotesLongTextShortInMessages() {
        String message = FlowAssertions.flowError("RangeError", () -> Numbers.parseNumber("x".repeat(100)));
        assertEquals("Cannot convert \"" + "x".repeat(40) + "…\" to a number.", message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            42                             | 0  | 42
            '  -42abc'                     | 0  | -42
            0x1F                           | 0  | 31
            0x1F                           | 16 | 31
            1F                             | 16 | 31
            0x1F                           | 10 | 0
            z                              | 36 | 35
            Z                              | 36 | 35
            102                            | 2  | 2
            7                              | 0  | 7
            +12                            | 0  | 12
            '\u00a0 12'                    | 0  | 12
            12.9                           | 0  | 12
            1e3                            | 0  | 1
            123456789012345678901234567890 | 0  | 1.2345678901234568e+29
            ffffffffffffffffff             | 16 | 4.722366482869645e+21
            9007199254740993               | 0  | 9007199254740992
            """)
    void parsesIntegersAsJavaScriptDoes(String text, int radix, String expected) {
        assertEquals(expected, Numbers.toString(Numbers.parseInt(text, radix)));
    }

    @Test
    void parseIntKeepsNegativeZero() {
        assertSameDouble(-0.0, Numbers.parseInt("-0", 0));
    }

    @Test
    void parseIntRaisesWhereJavaScriptGivesNaN() {
        assertFlowError("RangeError", "Cannot parse \"abc\" as an integer.", () -> Numbers.parseInt("abc", 0));
        assertFlowError("RangeError", "Cannot parse \"2\" as an integer.", () -> Numbers.parseInt("2", 2));
        assertFlowError("RangeError", "Cannot parse \"\" as an integer.", () -> Numbers.parseInt("", 10));
        assertFlowError("RangeError", "Cannot parse \"- 12\" as an integer.", () -> Numbers.parseInt("- 12", 0));
        assertFlowError("RangeError", "Cannot parse \"0x\" as an integer.", () -> Numbers.parseInt("0x", 0));
        assertFlowError("RangeError", "Cannot parse \"١٢\" as an integer.", () -> Numbers.parseInt("١٢", 0));
        assertFlowError("RangeError", "The radix of parseInt must be between 2 and 36, not 37.",
                () -> Numbers.parseInt("7", 37));
        assertFlowError("RangeError", "The radix of parseInt must be between 2 and 36, not 1.",
                () -> Numbers.parseInt("7", 1));
        String ones = "1".repeat(400);
        FlowAssertions.flowError("RangeError", () -> Numbers.parseInt(ones, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            3.14abc    | 3.14
            1e         | 1
            1e+        | 1
            -.5        | -0.5
            '  42  '   | 42
            1.2.3      | 1.2
            +.5e-1x    | 0.05
            0x10       | 0
            5e-324     | 5e-324
            1_0        | 1
            1e-400     | 0
            """)
    void parsesFloatsAsJavaScriptDoes(String text, String expected) {
        assertEquals(expected, Numbers.toString(Numbers.parseFloat(text)));
    }

    @Test
    void parseFloatRaisesWhereJavaScriptGivesNaNOrInfinity() {
        for (String text : new String[] {".", "abc", ".e1", "-", "", "Infinityx"}) {
            assertFlowError("RangeError", "Cannot convert " + JsonText.quote(text) + " to a number.",
                    () -> Numbers.parseFloat(text));
        }
        assertFlowError("RangeError", "\"1e1000\" is too large to be a number.", () -> Numbers.parseFloat("1e1000"));
        assertSameDouble(-0.0, Numbers.parseFloat("-0"));
    }
}
