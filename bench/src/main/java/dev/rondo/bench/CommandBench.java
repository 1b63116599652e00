package dev.rondo.bench;

/**
 * {@code bench/run command [R]}: the {@code rondo worker} command's workers beside library {@code Worker}s of
 * the same concurrency, on fan-out through tasks and through child workflows, R runs (default 3) alternating,
 * medians. The part of {@code bench/run engine} that finds what the command costs, alone, for experiments
 * ({@code RONDO_BENCH_COMMAND} names another launcher).
 */
public final class CommandBench {

    private CommandBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.createIfMissing();
        int c = db.checkConnections().commandConcurrency();
        String tasks = "{\"tasks\": " + EngineBench.FAN_OUT_TASKS + "}";
        String children = "{\"children\": " + EngineBench.CHILDREN + ", \"tasks\": " + EngineBench.FAN_OUT_TASKS + "}";
        int total = EngineBench.FAN_OUT_WORKFLOWS * EngineBench.FAN_OUT_TASKS;
        // RONDO_BENCH_COMMAND_BEFORE: a second launcher measured in the same runs (the launcher before a change)
        String before = System.getenv("RONDO_BENCH_COMMAND_BEFORE");
        Medians m = new Medians();
        try {
            for (int run = 1; run <= runs; run++) {
                if (before != null && !before.isBlank()) {
                    m.add("before fanout", ListeningLoad.run(db, true, before, 2, c, "fanout", tasks, EngineBench.FAN_OUT_WORKFLOWS,
                            EngineBench.FAN_OUT_TASKS));
                    m.add("before children", ListeningLoad.run(db, true, before, 2, c, "children", children, 1, total));
                    System.out.printf("  run %d, 2 × %d, tasks/s, %s: %s (tasks), %s (children)%n", run, c, before,
                            Stats.format(m.last("before fanout")), Stats.format(m.last("before children")));
                }
                m.add("command fanout", ListeningLoad.run(db, true, 2, c, "fanout", tasks, EngineBench.FAN_OUT_WORKFLOWS, EngineBench.FAN_OUT_TASKS));
                m.add("library fanout", ListeningLoad.run(db, false, 2, c, "fanout", tasks, EngineBench.FAN_OUT_WORKFLOWS, EngineBench.FAN_OUT_TASKS));
                m.add("command children", ListeningLoad.run(db, true, 2, c, "children", children, 1, total));
                m.add("library children", ListeningLoad.run(db, false, 2, c, "children", children, 1, total));
                System.out.printf("  run %d, 2 × %d, tasks/s: rondo worker %s, library %s (tasks); rondo worker %s, library %s (children)%n", run, c,
                        Stats.format(m.last("command fanout")), Stats.format(m.last("library fanout")),
                        Stats.format(m.last("command children")), Stats.format(m.last("library children")));
            }
        } finally {
            db.closeWorkerPools();
        }
        System.out.printf("median of %d: rondo worker / library = %.2f (tasks), %.2f (children)%n", runs,
                m.of("command fanout") / m.of("library fanout"), m.of("command children") / m.of("library children"));
        if (before != null && !before.isBlank()) {
            System.out.printf("median of %d: %s / library = %.2f (tasks), %.2f (children); rondo worker / it = %.2f, %.2f%n", runs, before,
                    m.of("before fanout") / m.of("library fanout"), m.of("before children") / m.of("library children"),
                    m.of("command fanout") / m.of("before fanout"), m.of("command children") / m.of("before children"));
        }
    }
}
