package dev.rondo.bench.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * The suite's two workflows, and what each must produce: its result is a function of its input and of
 * the signals sent to it, and its log lines are known in advance, so the check needs no record of the run.
 */
final class ChaosFlows {

    /** Generous attempts: each kill -9 or lost lease costs the running attempt one. */
    private static final String RETRY = "{maxAttempts: 50, backoff: {initial: 0.2, factor: 2, max: 2}}";

    static final String PARENT = """
            print(`begin ${Inputs.n}`)
            let a = await Task.run("effect", {n: Inputs.n, step: 1, fail: Inputs.n % 4 == 0}, RETRY)
            print(`first ${a.v}`)
            await Timer.delay(Inputs.delay)
            let child = await Workflow.run("chaos_child", {n: Inputs.n})
            let total = 0
            for (let i = 0; i < Inputs.signals; i++) {
              let s = await Signal.next("poke")
              total += s.v
              print(`signal ${s.k}`)
            }
            let both = await Promise.all([Task.run("effect", {n: Inputs.n, step: 2}, RETRY),
                                          Task.run("effect", {n: Inputs.n, step: 3}, RETRY)])
            print(`end ${Inputs.n}`)
            return {n: Inputs.n, a: a.v, child: child, signals: total, b: both[0].v + both[1].v}
            """.replace("RETRY", RETRY);

    static final String CHILD = """
            print(`child ${Inputs.n}`)
            await Timer.delay(0.3)
            let r = await Task.run("effect", {n: Inputs.n, step: 4}, RETRY)
            return r.v * 2
            """.replace("RETRY", RETRY);

    /** Tasks per parent workflow, its child's included. */
    static final int TASKS = 4;

    private ChaosFlows() {}

    static String id(long n) {
        return "chaos-" + n;
    }

    static int signals(long n) {
        return (int) (n % 3);
    }

    static String input(long n) {
        return "{\"n\":" + n + ",\"signals\":" + signals(n) + ",\"delay\":" + (0.2 + (n % 5) * 0.2) + "}";
    }

    /** Signal {@code i} of workflow {@code n}: a key that names it, a value that the result sums. */
    static String signalKey(long n, int i) {
        return n + "." + i;
    }

    static long signalValue(long n, int i) {
        return n * 100 + i;
    }

    static String signalPayload(long n, int i) {
        return "{\"k\":\"" + signalKey(n, i) + "\",\"v\":" + signalValue(n, i) + "}";
    }

    static String expectedResult(long n) {
        long signals = 0;
        for (int i = 0; i < signals(n); i++) {
            signals += signalValue(n, i);
        }
        return "{\"n\":" + n + ",\"a\":" + (n * 10 + 1) + ",\"child\":" + (n * 10 + 4) * 2 + ",\"signals\":" + signals
                + ",\"b\":" + ((n * 10 + 2) + (n * 10 + 3)) + "}";
    }

    /** The parent's log lines in order (signals are taken in the order they were sent, which is i's). */
    static List<String> expectedLines(long n) {
        List<String> lines = new ArrayList<>(List.of("begin " + n, "first " + (n * 10 + 1)));
        for (int i = 0; i < signals(n); i++) {
            lines.add("signal " + signalKey(n, i));
        }
        lines.add("end " + n);
        return lines;
    }

    static List<String> expectedChildLines(long n) {
        return List.of("child " + n);
    }
}
