package dev.rondo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM (the workers, the client and the benchmark's polling) and by the
 * PostgreSQL server (its postmaster and every backend), where the rest of a task's cost goes. Not the
 * machine's total: other work on a shared machine would land in it.
 */
record CpuClock(long processNanos, long serverNanos) {

    /** Linux's USER_HZ, the unit of /proc/PID/stat times, is 100 on every mainstream architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** Now; {@code postmasterPid} -1 (a remote server) leaves the server's time unknown. */
    static CpuClock now(long postmasterPid) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long ticks = postmasterPid < 0 ? -1 : serverTicks(postmasterPid);
        return new CpuClock(os.getProcessCpuTime(), ticks < 0 ? -1 : ticks * NANOS_PER_TICK);
    }

    /** Nanoseconds of this JVM's CPU between {@code start} and this reading. */
    long processSince(CpuClock start) {
        return processNanos - start.processNanos;
    }

    /** Nanoseconds of the server's CPU between {@code start} and this reading; -1 when unknown. */
    long serverSince(CpuClock start) {
        return serverNanos < 0 || start.serverNanos < 0 ? -1 : serverNanos - start.serverNanos;
    }

    /** The parent of {@code pid} (a backend's parent is the postmaster), or -1 when /proc cannot tell. */
    static long parentOf(long pid) {
        String[] stat = stat(pid);
        return stat == null ? -1 : Long.parseLong(stat[1]);
    }

    /**
     * The postmaster's own time and that of its reaped children (backends that have exited), plus each
     * live backend's: a backend that exits between two readings is counted alive in the first and reaped,
     * whole, in the second, so their difference holds its time in between. A backend reaped while the
     * children are being listed would be in neither, so the listing is repeated until the postmaster's
     * reaped time is the same before and after it.
     */
    private static long serverTicks(long postmaster) {
        for (int attempt = 0; attempt < 10; attempt++) {
            long before = ownTicks(postmaster);
            long children = childrenTicks(postmaster);
            long after = ownTicks(postmaster);
            if (before < 0 || children < 0 || after < 0) {
                return -1;
            }
            if (before == after) {
                return before + children;
            }
        }
        return -1;
    }

    /** utime + stime + cutime + cstime of the postmaster; -1 when it cannot be read. */
    private static long ownTicks(long postmaster) {
        String[] own = stat(postmaster);
        return own == null ? -1
                : Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13]) + Long.parseLong(own[14]);
    }

    /** utime + stime of every live (or not yet reaped) child of the postmaster. */
    private static long childrenTicks(long postmaster) {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String[] stat = stat(Long.parseLong(p.getFileName().toString()));
                if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
        return ticks;
    }

    /** /proc/PID/stat from the state field on (state, ppid, …, utime at 11, stime, cutime, cstime); null when gone. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
