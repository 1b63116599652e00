package dev.rondo.core.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers printed and parsed as JavaScript does, except that NaN and ±Infinity never exist: where JavaScript
 * would give one, these raise {@code RangeError}.
 */
public final class Numbers {

    /** 2^53: below it every integer is a double, and its shortest decimal form is the integer itself. */
    private static final double EXACT_INTEGERS = 9007199254740992.0;

    /** Boxed small integers, so that {@code .length}, {@code indexOf} and {@code push} need not allocate. */
    private static final Double[] SMALL = new Double[1025];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = (double) i;
        }
    }

    private Numbers() {}

    /** {@code n} as a Flow number, without allocating for 0 to 1024. */
    public static Double box(int n) {
        return n >= 0 && n < SMALL.length ? SMALL[n] : Double.valueOf(n);
    }

    /** {@code value} as a Flow number, without allocating for 0 to 1024 ({@code -0} is boxed: it is not 0's box). */
    public static Double box(double value) {
        int n = (int) value;
        return n == value && n >= 0 && n < SMALL.length && (n != 0 || Double.doubleToRawLongBits(value) == 0)
                ? SMALL[n] : Double.valueOf(value);
    }

    /** Whether {@code value} is a whole number ({@code -0} is). */
    public static boolean isInteger(double value) {
        return value == Math.rint(value);
    }

    /**
     * JavaScript's Number::toString: the shortest digits that read back as the same double, laid out as
     * {@code 5}, {@code 1.5}, {@code 0.000001}, {@code 1e-7}, {@code 123456789012345680000}, {@code 1e+21};
     * {@code -0} gives {@code "0"}.
     */
    public static String toString(double value) {
        if (value == (long) value && Math.abs(value) < EXACT_INTEGERS) {
            return Long.toString((long) value);
        }
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }
        Decimal decimal = Decimal.of(Math.abs(value));
        return value < 0 ? "-" + decimal.layout() : decimal.layout();
    }

    /**
     * A double's shortest round-trip digits {@code d1 d2 … dk} and the exponent {@code n} such that the value
     * is {@code 0.d1d2…dk × 10^n}, as in the ECMAScript specification of Number::toString.
     */
    private record Decimal(String digits, int n) {

        /** Reads the digits out of Java's shortest representation (JDK 19 and later). */
        static Decimal of(double positive) {
            String text = Double.toString(positive);
            int e = text.indexOf('E');
            String mantissa = e < 0 ? text : text.substring(0, e);
            int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
            int point = mantissa.indexOf('.');
            String all = mantissa.substring(0, point) + mantissa.substring(point + 1);
            int first = 0;
            while (first < all.length() - 1 && all.charAt(first) == '0') {
                first++;
            }
            int last = all.length();
            while (last > first + 1 && all.charAt(last - 1) == '0') {
                last--;
            }
            Decimal decimal = new Decimal(all.substring(first, last), point + exponent - first);
            if (decimal.digits.length() == 2 && positive < Double.MIN_NORMAL) {
                return decimal.shortenSubnormal(positive);
            }
            return decimal;
        }

        /**
         * Java prints at least two digits, and when one digit would do it may pick a closer two-digit
         * decimal ({@code 4.9E-324} where JavaScript prints {@code 5e-324}). That can only happen among
         * subnormals, whose neighbours are far apart; there, prefer the closest one-digit decimal that
         * reads back as the same double.
         */
        private Decimal shortenSubnormal(double value) {
            int lead = digits.charAt(0) - '0';
            Decimal down = new Decimal(String.valueOf(lead), n);
            Decimal up = lead == 9 ? new Decimal("1", n + 1) : new Decimal(String.valueOf(lead + 1), n);
            boolean downFits = down.doubleValue() == value;
            boolean upFits = up.doubleValue() == value;
            if (downFits && upFits) {
                BigDecimal exact = new BigDecimal(value);
                int order = exact.subtract(down.bigDecimal()).compareTo(up.bigDecimal().subtract(exact));
                if (order != 0) {
                    return order < 0 ? down : up;
                }
                return lead % 2 == 0 ? down : up;
            }
            return downFits ? down : upFits ? up : this;
        }

        private BigDecimal bigDecimal() {
            return new BigDecimal(new BigInteger(digits), digits.length() - n);
        }

        private double doubleValue() {
            return Double.parseDouble(digits + "E" + (n - digits.length()));
        }

        /** The layout rules of Number::toString, step 6 onwards. */
        String layout() {
            int k = digits.length();
            if (k <= n && n <= 21) {
                return digits + "0".repeat(n - k);
            }
            if (0 < n && n <= 21) {
                return digits.substring(0, n) + "." + digits.substring(n);
            }
            if (-6 < n && n <= 0) {
                return "0." + "0".repeat(-n) + digits;
            }
            int exponent = n - 1;
            String sign = exponent >= 0 ? "+" : "-";
            String head = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return head + "e" + sign + Math.abs(exponent);
        }
    }

    /**
     * {@code Number(s)}: JavaScript's StringToNumber. Surrounding white space is ignored, {@code ""} is
     * {@code 0}, {@code 0x1F}, {@code 0o17} and {@code 0b101} are read in their base, {@code 1e3} and
     * {@code .5} are decimals. Anything else, {@code "Infinity"} included, raises {@code RangeError}.
     */
    public static double parseNumber(String text) {
        String s = Strings.trim(text);
        if (s.isEmpty()) {
            return 0;
        }
        double value;
        int radix = prefixedRadix(s);
        if (radix != 0) {
            String digits = s.substring(2);
            if (digits.isEmpty() || digitRun(digits, 0, radix) != digits.length()) {
                throw notANumber(text);
            }
            value = integerValue(digits, radix);
        } else {
            if (decimalLength(s, 0) != s.length()) {
                throw notANumber(text);
            }
            value = Double.parseDouble(s);
        }
        return finite(value, text);
    }

    /**
     * {@code parseInt(s, radix)}: the integer at the start of {@code s} (after white space and a sign) in base
     * {@code radix}, which is 2 to 36, or 0 for base 10 with an optional {@code 0x} prefix for 16. Where
     * JavaScript gives NaN (no digits, bad radix), raises {@code RangeError}.
     */
    public static double parseInt(String text, int radix) {
        String s = Strings.trimStart(text);
        int start = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            start = 1;
        }
        boolean hexPrefix = s.length() >= start + 2 && s.charAt(start) == '0'
                && (s.charAt(start + 1) == 'x' || s.charAt(start + 1) == 'X');
        if (radix == 0) {
            radix = hexPrefix ? 16 : 10;
        } else if (radix < 2 || radix > 36) {
            throw FlowThrow.rangeError("The radix of parseInt must be between 2 and 36, not " + radix + ".");
        }
        if (radix == 16 && hexPrefix) {
            start += 2;
        }
        int end = start + digitRun(s, start, radix);
        if (end == start) {
            throw FlowThrow.rangeError("Cannot parse " + Strings.quoteForMessage(text) + " as an integer.");
        }
        String digits = s.substring(start, end);
        double magnitude = radix == 10 ? Double.parseDouble(digits) : integerValue(digits, radix);
        return finite(negative ? -magnitude : magnitude, text);
    }

    /**
     * {@code parseFloat(s)}: the longest decimal number at the start of {@code s} (after white space).
     * Where JavaScript gives NaN or Infinity, raises {@code RangeError}.
     */
    public static double parseFloat(String text) {
        String s = Strings.trimStart(text);
        int length = decimalLength(s, 0);
        if (length == 0) {
            throw notANumber(text);
        }
        return finite(Double.parseDouble(s.substring(0, length)), text);
    }

    /** The base given by a {@code 0x}, {@code 0o} or {@code 0b} prefix, or 0 when there is none. */
    private static int prefixedRadix(String s) {
        if (s.length() < 2 || s.charAt(0) != '0') {
            return 0;
        }
        return switch (s.charAt(1)) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 0;
        };
    }

    /** How many characters from {@code start} are digits of {@code radix}. */
    private static int digitRun(String s, int start, int radix) {
        int i = start;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0 && s.charAt(i) < 128) {
            i++;
        }
        return i - start;
    }

    /** The correctly rounded value of digits in a base other than 10 (exact below 2^53, as JavaScript requires). */
    private static double integerValue(String digits, int radix) {
        if (digits.length() <= 10) {
            return Long.parseLong(digits, radix);
        }
        return new BigInteger(digits, radix).doubleValue();
    }

    /**
     * The length of the longest StrDecimalLiteral at {@code start}: an optional sign, digits with an optional
     * fraction (or a fraction alone), and an exponent only when digits follow the {@code e}. 0 when there is
     * none. {@code Infinity} is not one: Flow numbers are finite.
     */
    private static int decimalLength(String s, int start) {
        int i = start;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int integerDigits = digitRun(s, i, 10);
        i += integerDigits;
        int fractionDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            fractionDigits = digitRun(s, i + 1, 10);
            if (integerDigits > 0 || fractionDigits > 0) {
                i += 1 + fractionDigits;
            }
        }
        if (integerDigits == 0 && fractionDigits == 0) {
            return 0;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int exponentDigits = digitRun(s, j, 10);
            if (exponentDigits > 0) {
                i = j + exponentDigits;
            }
        }
        return i - start;
    }

    private static double finite(double value, String text) {
        if (!Double.isFinite(value)) {
            throw FlowThrow.rangeError(Strings.quoteForMessage(text) + " is too large to be a number.");
        }
        return value;
    }

    private static FlowThrow notANumber(String text) {
        return FlowThrow.rangeError("Cannot convert " + Strings.quoteForMessage(text) + " to a number.");
    }
}
