package dev.rondo.bench.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariants, read from the database once the work has drained: every workflow (and child) finished
 * once, completed, with the result its input and signals predict; every log line and signal once; nothing
 * left in the queue, the timers, the inbox or unfinished; every task completed with exactly one effect
 * whose result the engine kept, and every other effect either a planned failure or an attempt a fault cut
 * off (its worker was killed after it began, or the database was cut within seconds of it).
 */
final class ChaosCheck {

    /** How long after an effect a database fault can still cost the attempt that made it its end. */
    private static final Duration CUT_WINDOW = Duration.ofSeconds(15);
    /** How long before an effect's start a database fault can still cost the attempt its lease. */
    private static final Duration LEAD_WINDOW = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final long workflows;
    private final long signalsSent;
    private final List<Fault> faults;
    private final int workersDied;
    private final Duration drainTime;
    private final List<String> problems = new ArrayList<>();

    ChaosCheck(String url, long workflows, long signalsSent, List<Fault> faults, int workersDied, Duration drainTime) {
        this.url = url;
        this.workflows = workflows;
        this.signalsSent = signalsSent;
        this.faults = faults;
        this.workersDied = workersDied;
        this.drainTime = drainTime;
    }

    /** The figures; {@code lost}, {@code duplicated}, {@code stuck} and {@code wrong} are 0 when every invariant holds. */
    record Report(long workflows, long children, long tasks, long attempts, long signals, long logLines,
                  Map<Fault.Kind, Integer> faults, long lost, long duplicated, long stuck, long wrong,
                  long plannedFailures, long cutOff, int workersDied, List<Duration> recoveries, Duration drainTime,
                  List<String> problems) {

        boolean clean() {
            return lost == 0 && duplicated == 0 && stuck == 0 && wrong == 0 && workersDied == 0;
        }

        void print(PrintStream out, Duration faultTime) {
            out.printf("chaos: %d workflows (%d children), %d tasks in %d attempts, %d signals, %d log lines, %d s of faults%n",
                    workflows, children, tasks, attempts, signals, logLines, faultTime.toSeconds());
            StringBuilder kinds = new StringBuilder();
            for (Fault.Kind kind : Fault.Kind.values()) {
                kinds.append(kinds.isEmpty() ? "" : ", ").append(kind.label).append(' ').append(faults.getOrDefault(kind, 0));
            }
            out.println("chaos: faults: " + kinds);
            out.printf("chaos: lost %d, duplicated %d, stuck %d, wrong results %d, worker processes that died by themselves %d%n",
                    lost, duplicated, stuck, wrong, workersDied);
            out.printf("chaos: task attempts: %d planned failures (retried), %d cut off by a fault and run again%n",
                    plannedFailures, cutOff);
            if (!recoveries.isEmpty()) {
                List<Duration> sorted = recoveries.stream().sorted().toList();
                out.printf("chaos: work moved again after a database fault within %.1f s (median), %.1f s (max) of the server being back%n",
                        sorted.get(sorted.size() / 2).toMillis() / 1000.0, sorted.getLast().toMillis() / 1000.0);
            }
            out.printf("chaos: drained in %.1f s after the faults stopped%n", drainTime.toMillis() / 1000.0);
            problems.stream().limit(30).forEach(p -> out.println("chaos: PROBLEM: " + p));
            if (problems.size() > 30) {
                out.println("chaos: … and " + (problems.size() - 30) + " more problems");
            }
            out.println(clean() ? "chaos: every invariant held" : "chaos: INVARIANTS BROKEN");
        }
    }

    Report check() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            long[] lostDuplicated = new long[2];
            long wrong = checkWorkflows(s, lostDuplicated);
            long children = checkChildren(s, lostDuplicated);
            long logLines = checkLogLines(s, lostDuplicated);
            long signals = checkSignals(s, lostDuplicated);
            long stuck = checkStuck(s);
            long[] tasks = checkTasks(s, lostDuplicated); // tasks, attempts, planned failures, cut off
            Map<Fault.Kind, Integer> counts = new EnumMap<>(Fault.Kind.class);
            List<Duration> recoveries = new ArrayList<>();
            for (Fault fault : faults) {
                counts.merge(fault.kind(), 1, Integer::sum);
                if (fault.recovery() != null) {
                    recoveries.add(fault.recovery());
                } else if (fault.kind() != Fault.Kind.KILL) {
                    problems.add(fault.kind().label + " at " + fault.at() + ": no work moved within 60 s of the server being back");
                }
            }
            return new Report(workflows, children, tasks[0], tasks[1], signals, logLines, counts,
                    lostDuplicated[0], lostDuplicated[1], stuck, wrong, tasks[2], tasks[3], workersDied, recoveries, drainTime,
                    List.copyOf(problems));
        }
    }

    /** Every started workflow exists once, completed once, with its predicted result. Returns the wrong ones. */
    private long checkWorkflows(Statement s, long[] lostDuplicated) throws SQLException {
        Map<String, String[]> rows = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT id, status, result, error FROM executions WHERE kind = 'workflow' AND parent_id IS NULL")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        long wrong = 0;
        for (long n = 1; n <= workflows; n++) {
            String[] row = rows.remove(ChaosFlows.id(n));
            if (row == null) {
                lostDuplicated[0]++;
                problems.add(ChaosFlows.id(n) + " was started but is not in the database");
            } else if (!"completed".equals(row[0]) || !ChaosFlows.expectedResult(n).equals(row[1])) {
                wrong++;
                problems.add(ChaosFlows.id(n) + " ended " + row[0] + " with " + row[1] + (row[2] == null ? "" : " / " + row[2])
                        + ", expected completed with " + ChaosFlows.expectedResult(n));
            }
        }
        for (String extra : rows.keySet()) {
            lostDuplicated[1]++;
            problems.add("a workflow nobody started: " + extra);
        }
        // started once and finished once: each workflow's history (children's too) says so once
        try (ResultSet rs = s.executeQuery("SELECT e.id, count(*) FILTER (WHERE h.kind = 'started'),"
                + " count(*) FILTER (WHERE h.kind = 'completed') FROM executions e LEFT JOIN history h ON h.execution_id = e.id"
                + " WHERE e.kind = 'workflow' GROUP BY e.id"
                + " HAVING count(*) FILTER (WHERE h.kind = 'started') <> 1 OR count(*) FILTER (WHERE h.kind = 'completed') <> 1")) {
            while (rs.next()) {
                lostDuplicated[rs.getLong(2) > 1 || rs.getLong(3) > 1 ? 1 : 0]++;
                problems.add(rs.getString(1) + " started " + rs.getLong(2) + " and completed " + rs.getLong(3) + " times in its history");
            }
        }
        return wrong;
    }

    /** One child per workflow, completed (its result is checked through the parent's). */
    private long checkChildren(Statement s, long[] lostDuplicated) throws SQLException {
        long children = 0;
        try (ResultSet rs = s.executeQuery("SELECT parent_id, count(*), count(*) FILTER (WHERE status = 'completed')"
                + " FROM executions WHERE kind = 'workflow' AND parent_id IS NOT NULL GROUP BY parent_id")) {
            while (rs.next()) {
                children += rs.getLong(2);
                if (rs.getLong(2) != 1 || rs.getLong(3) != 1) {
                    lostDuplicated[1] += Math.max(0, rs.getLong(2) - 1);
                    problems.add(rs.getString(1) + " has " + rs.getLong(2) + " children, " + rs.getLong(3) + " completed");
                }
            }
        }
        if (children < workflows) {
            lostDuplicated[0] += workflows - children;
            problems.add((workflows - children) + " workflows have no child");
        }
        return children;
    }

    /** Each execution's lines are exactly the predicted ones, in order. */
    private long checkLogLines(Statement s, long[] lostDuplicated) throws SQLException {
        Map<String, List<String>> lines = new HashMap<>();
        long total = 0;
        try (ResultSet rs = s.executeQuery("SELECT l.execution_id, l.line FROM log_lines l ORDER BY l.execution_id, l.seq")) {
            while (rs.next()) {
                lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                total++;
            }
        }
        Map<String, String> childOf = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT parent_id, id FROM executions WHERE kind = 'workflow' AND parent_id IS NOT NULL")) {
            while (rs.next()) {
                childOf.put(rs.getString(1), rs.getString(2));
            }
        }
        for (long n = 1; n <= workflows; n++) {
            compareLines(ChaosFlows.id(n), ChaosFlows.expectedLines(n), lines.remove(ChaosFlows.id(n)), lostDuplicated);
            String child = childOf.get(ChaosFlows.id(n));
            if (child != null) {
                compareLines(child, ChaosFlows.expectedChildLines(n), lines.remove(child), lostDuplicated);
            }
        }
        lines.forEach((id, extra) -> {
            lostDuplicated[1] += extra.size();
            problems.add(id + " has lines nobody expected: " + extra);
        });
        return total;
    }

    private void compareLines(String id, List<String> expected, List<String> actual, long[] lostDuplicated) {
        List<String> got = actual == null ? List.of() : actual;
        if (!expected.equals(got)) {
            List<String> missing = new ArrayList<>(expected);
            got.forEach(missing::remove);
            List<String> extra = new ArrayList<>(got);
            expected.forEach(extra::remove);
            lostDuplicated[0] += missing.size();
            lostDuplicated[1] += extra.size();
            problems.add(id + " logged " + got + ", expected " + expected);
        }
    }

    /** Each signal sent is stored once and consumed. */
    private long checkSignals(Statement s, long[] lostDuplicated) throws SQLException {
        Map<String, Long> stored = new HashMap<>();
        long unconsumed = 0;
        try (ResultSet rs = s.executeQuery("SELECT payload::jsonb ->> 'k', consumed_at IS NULL FROM signals")) {
            while (rs.next()) {
                stored.merge(rs.getString(1), 1L, Long::sum);
                if (rs.getBoolean(2)) {
                    unconsumed++;
                }
            }
        }
        long expected = 0;
        for (long n = 1; n <= workflows; n++) {
            for (int i = 0; i < ChaosFlows.signals(n); i++) {
                expected++;
                Long count = stored.remove(ChaosFlows.signalKey(n, i));
                if (count == null) {
                    lostDuplicated[0]++;
                    problems.add("signal " + ChaosFlows.signalKey(n, i) + " is not stored");
                } else if (count > 1) {
                    lostDuplicated[1] += count - 1;
                    problems.add("signal " + ChaosFlows.signalKey(n, i) + " is stored " + count + " times");
                }
            }
        }
        if (!stored.isEmpty()) {
            problems.add("signals nobody sent: " + stored.keySet());
            lostDuplicated[1] += stored.size();
        }
        if (unconsumed > 0) {
            problems.add(unconsumed + " signals were never consumed");
            lostDuplicated[0] += unconsumed;
        }
        if (signalsSent != expected) {
            problems.add("the suite sent " + signalsSent + " signals, " + expected + " expected");
        }
        return expected;
    }

    /** Work left behind: unfinished executions, queue items, timers, inbox rows. */
    private long checkStuck(Statement s) throws SQLException {
        long stuck = 0;
        for (String table : List.of(
                "executions WHERE status IN ('queued', 'running', 'waiting')", "queue_items", "timers", "inbox")) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    stuck += rs.getLong(1);
                    problems.add(rs.getLong(1) + " rows left in " + table);
                }
            }
        }
        return stuck;
    }

    /**
     * Every task completed, and its effects: exactly one made by the attempt whose result was kept, the
     * planned failures of first attempts, and any others made by attempts a fault cut off.
     * Returns {tasks, attempts, planned failures, cut off}.
     */
    private long[] checkTasks(Statement s, long[] lostDuplicated) throws SQLException {
        record Task(String status, int attempt, String token, boolean planned) {}
        Map<String, Task> tasks = new HashMap<>();
        long attempts = 0;
        try (ResultSet rs = s.executeQuery("SELECT id, status, attempt, result, input FROM executions WHERE kind = 'task'")) {
            while (rs.next()) {
                String token = null;
                boolean planned = false;
                try {
                    token = rs.getString(4) == null ? null : JSON.readTree(rs.getString(4)).path("token").asText(null);
                    planned = JSON.readTree(rs.getString(5)).path("fail").asBoolean(false);
                } catch (java.io.IOException e) {
                    problems.add("task " + rs.getString(1) + " has unreadable JSON: " + e.getMessage());
                }
                tasks.put(rs.getString(1), new Task(rs.getString(2), rs.getInt(3), token, planned));
                attempts += rs.getInt(3);
            }
        }
        if (tasks.size() != workflows * ChaosFlows.TASKS) {
            long difference = workflows * ChaosFlows.TASKS - tasks.size();
            lostDuplicated[difference > 0 ? 0 : 1] += Math.abs(difference);
            problems.add(tasks.size() + " tasks, " + workflows * ChaosFlows.TASKS + " expected");
        }
        Map<String, List<Effect>> effects = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT token, key, attempt, worker, outcome, started_at, at FROM chaos_effects")) {
            while (rs.next()) {
                effects.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new Effect(rs.getString(1), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()));
            }
        }
        long planned = 0;
        long cutOff = 0;
        for (Map.Entry<String, Task> entry : tasks.entrySet()) {
            String id = entry.getKey();
            Task task = entry.getValue();
            List<Effect> own = effects.getOrDefault(id, List.of());
            if (!"completed".equals(task.status())) {
                problems.add("task " + id + " is " + task.status());
                continue;
            }
            long kept = own.stream().filter(e -> e.token().equals(task.token())).count();
            if (kept != 1) {
                lostDuplicated[0]++;
                problems.add("task " + id + ": the attempt whose result was kept left " + kept + " effects");
            }
            boolean plannedSeen = false;
            for (Effect effect : own) {
                if (effect.token().equals(task.token())) {
                    continue;
                }
                if (effect.attempt() > task.attempt()) {
                    problems.add("task " + id + ": attempt " + effect.attempt() + " acted on " + effect.worker() + " at "
                            + effect.at() + ", but the task ended counting " + task.attempt() + " attempts (its kept result"
                            + " is an earlier attempt's)");
                    lostDuplicated[1]++;
                } else if (task.planned() && "failed".equals(effect.outcome()) && effect.attempt() == 1 && !plannedSeen) {
                    plannedSeen = true;
                    planned++;
                } else if (cutByFault(effect)) {
                    cutOff++;
                } else {
                    lostDuplicated[1]++;
                    problems.add("task " + id + ": attempt " + effect.attempt() + " on " + effect.worker() + " acted at "
                            + effect.at() + " (" + effect.outcome() + ") and no fault explains why it was not kept");
                }
            }
            // a planned failure may be missing: a fault can cut the first attempt before it records it,
            // and the next attempt (number 2) does not fail on purpose
        }
        return new long[] {tasks.size(), attempts, planned, cutOff};
    }

    /**
     * Whether a fault explains an effect whose attempt was not kept: its worker was killed after the attempt
     * began, or the database (all of it, or that worker's sessions) was cut around it.
     */
    private boolean cutByFault(Effect effect) {
        for (Fault fault : faults) {
            boolean aimedHere = fault.kind().cutsEveryone() || "all".equals(fault.target()) || effect.worker().equals(fault.target());
            if (!aimedHere) {
                continue;
            }
            if (fault.kind() == Fault.Kind.KILL) {
                if (!fault.at().isBefore(effect.startedAt())) {
                    return true;
                }
            } else if (!fault.at().isBefore(effect.startedAt().minus(LEAD_WINDOW)) && !fault.at().isAfter(effect.at().plus(CUT_WINDOW))) {
                return true;
            }
        }
        return false;
    }

    private record Effect(String token, int attempt, String worker, String outcome, Instant startedAt, Instant at) {}
}
