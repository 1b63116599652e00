package dev.rondo.embedded.internal;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries from the zonky binaries jar on the class path, unpacked once under the home
 * folder into a folder named by the archive's digest (so a newer jar unpacks beside the old one).
 * Callers hold the {@link HomeLock}.
 */
public final class Binaries {

    private static final String DONE_MARKER = ".unpacked";

    private Binaries() {}

    /** The folder holding {@code bin/initdb}, {@code bin/pg_ctl}, …, unpacking it first if needed. */
    public static Path unpack(Path parent) throws IOException {
        byte[] archive = archive();
        Path target = parent.resolve("pg-" + digest(archive));
        if (Files.exists(target.resolve(DONE_MARKER))) {
            return target;
        }
        // Unpacked beside the target and moved in whole, so an interrupted unpack never looks complete.
        Path partial = parent.resolve(".unpacking-" + UUID.randomUUID());
        Files.createDirectories(partial);
        try {
            extract(archive, partial);
            Files.createFile(partial.resolve(DONE_MARKER));
            deleteTree(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(partial);
        }
        return target;
    }

    private static byte[] archive() throws IOException {
        String arch = System.getProperty("os.arch");
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "amd64".equals(arch) ? "x86_64" : arch)) {
            if (in == null) {
                throw new IOException("no PostgreSQL binaries for this platform (" + arch + ") on the class path");
            }
            return in.readAllBytes();
        }
    }

    private static void extract(byte[] archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("the binaries archive has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    if ((entry.getMode() & 0100) != 0 || entry.getName().replaceFirst("^\\./", "").startsWith("bin/")) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
