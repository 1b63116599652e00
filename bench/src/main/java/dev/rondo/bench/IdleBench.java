package dev.rondo.bench;

import java.time.Duration;

/**
 * {@code bench/run idle [R [SECONDS]]}: what one worker with nothing to do sends to PostgreSQL
 * ({@link IdleCost}), R rounds (default 3) of SECONDS each (default 60), within 20 connections (no
 * {@link ConnectionBudget} check), with the default timings beside the
 * same worker polling every 2 s (the poll interval before the idle work, so the peer shows what the safety
 * net alone would cost at the old rate). The goal is at most 0.2 statements per second.
 */
public final class IdleBench {

    /** Small, so that the whole benchmark fits 20 connections: the worker's pool, the client's 4, the counter's 1. */
    private static final int CONCURRENCY = 8;
    private static final int POOL = dev.rondo.worker.Worker.connectionsNeeded(CONCURRENCY);
    private static final Duration OLD_POLL = Duration.ofSeconds(2);

    private IdleBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        Medians m = new Medians();
        String counted = "";
        for (int round = 1; round <= rounds; round++) {
            // alternately first, so that neither always runs on a database the other has just stirred
            boolean defaultFirst = round % 2 == 1;
            for (int i = 0; i < 2; i++) {
                boolean defaults = (i == 0) == defaultFirst;
                IdleCost.Result r = IdleCost.run(db, CONCURRENCY, seconds, POOL,
                        defaults ? b -> b : b -> b.pollInterval(OLD_POLL));
                String name = defaults ? "default" : "poll 2 s";
                m.add(name, r.perSecond());
                m.add(name + " statements", r.clientStatements());
                counted = r.counted();
                System.out.printf("  round %d: %s %.3f/s counted by the server, %.3f statements/s by the client%n",
                        round, defaults ? "default timings" : "poll 2 s", r.perSecond(), r.clientStatements());
            }
        }
        System.out.printf("idle worker (×%d, %d s windows, median of %d): %s per second: %.3f with the default timings,"
                        + " %.3f polling every 2 s; statements executed per second (client count): %.3f, %.3f"
                        + " (goal: at most 0.2 statements/s)%n",
                CONCURRENCY, seconds, rounds, counted, m.of("default"), m.of("poll 2 s"),
                m.of("default statements"), m.of("poll 2 s statements"));
    }
}
