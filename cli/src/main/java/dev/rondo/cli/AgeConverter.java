package dev.rondo.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An age on the command line: {@code 30d}, {@code 12h}, {@code 90m}, {@code 3600s}, or ISO-8601 ({@code P30D}, {@code PT12H}). */
final class AgeConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)([dhms])");

    @Override
    public Duration convert(String value) {
        Matcher m = SHORT.matcher(value.strip());
        try {
            Duration age;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                age = switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                };
            } else {
                age = Duration.parse(value.strip());
            }
            if (age.isNegative()) {
                throw new TypeConversionException("'" + value + "' is negative; give an age such as 30d.");
            }
            return age;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is not an age: use a number with d, h, m or s "
                    + "(30d, 12h, 90m, 3600s) or ISO-8601 (P30D, PT12H).");
        }
    }
}
