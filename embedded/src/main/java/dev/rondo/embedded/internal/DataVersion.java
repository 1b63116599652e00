package dev.rondo.embedded.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the binaries can serve the data folder: PostgreSQL's on-disk format changes with each major
 * version, so a newer binaries jar (unpacked beside the old one) cannot start on the old data folder.
 * Checked before starting, because the server itself only says so in its log.
 */
public final class DataVersion {

    /** "postgres (PostgreSQL) 15.19" → 15; before version 10 the major had two parts: "9.6.24" → 9.6. */
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (9\\.\\d+|\\d+)");

    private DataVersion() {}

    /** The major version in the output of {@code postgres -V}. */
    public static String major(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput);
        if (!m.find()) {
            throw new IllegalArgumentException("not the output of postgres -V: " + versionOutput);
        }
        return m.group(1);
    }

    /** What to tell the user when {@code dataMajor} (the data folder's PG_VERSION) is not {@code binariesMajor}. */
    public static Optional<String> mismatch(String dataMajor, String binariesMajor, Path dataDir) {
        if (dataMajor.equals(binariesMajor)) {
            return Optional.empty();
        }
        return Optional.of("The embedded PostgreSQL's data folder " + dataDir + " was made by PostgreSQL " + dataMajor
                + ", but this Rondo ships PostgreSQL " + binariesMajor + ", which cannot read it. Move " + dataDir
                + " away to start afresh (Rondo's embedded data is then gone from it; pg_upgrade can carry it over),"
                + " or set RONDO_DATABASE_URL to use another PostgreSQL.");
    }
}
