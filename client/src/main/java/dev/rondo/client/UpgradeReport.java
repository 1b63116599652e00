package dev.rondo.client;

import java.util.List;

/**
 * What {@link RondoClient#upgrade} did (or, for a dry run, would do): the version executions move to, and
 * one entry per execution examined.
 *
 * @param workflow the workflow's name
 * @param toHash   its current version, which executions move to
 * @param dryRun   whether nothing was moved
 * @param entries  one per execution, in id order
 */
public record UpgradeReport(String workflow, String toHash, boolean dryRun, List<Entry> entries) {

    public UpgradeReport {
        entries = List.copyOf(entries);
    }

    /** What happened to one execution. */
    public enum Outcome {
        /** Moved onto the current version (with a dry run: would be moved). */
        MOVED,
        /** Its checkpoint does not map onto the current version; left untouched ({@code reason} says why). */
        REFUSED,
        /** Changed while the upgrade ran (finished, moved by someone else); left as it was ({@code reason} says how). */
        SKIPPED
    }

    /**
     * One execution: its id, the version it was on, its status, the outcome, where it stood in the old version
     * and stands in the new one ({@code line:col}; {@code to} null unless moved), and, when refused or skipped,
     * why (a refusal reads {@code file:line:col: reason}, pointing into the new version).
     */
    public record Entry(String executionId, String fromHash, String status, Outcome outcome, String from, String to,
                        String reason) {}

    /** How far an upgrade has got, told after each batch ({@link UpgradeOptions#withOnProgress}). */
    public record Progress(long examined, long moved, long refused, long skipped) {}

    public long count(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    public long moved() {
        return count(Outcome.MOVED);
    }

    public long refused() {
        return count(Outcome.REFUSED);
    }
}
