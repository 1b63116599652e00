package dev.rondo.bench;

/**
 * How many connections the benchmark holds at once, sized from the server's configuration rather than
 * assumed: PostgreSQL's default {@code max_connections} is 100, and two workers × 128 with a connection
 * per slot (as {@code Worker.connectionsNeeded} advises) would need 266. At its busiest the benchmark holds
 * two worker pools, the client's pool, one connection for counting and one helper (pgbench's clients, the
 * notify floor's three connections or Flyway's two): {@link #FIXED} plus two worker pools. The
 * {@code rondo worker} processes run while the worker pools are closed, each with a pool of its own
 * (concurrency + 6, as the command sizes it).
 */
record ConnectionBudget(int connections, int allowed, int maxConnections, int reserved, int used) {

    /** What the benchmark may use unless {@code RONDO_BENCH_CONNECTIONS} says otherwise: leaves 40 to others. */
    static final int DEFAULT_CONNECTIONS = 60;
    /** The client's pool (4), a counting connection (1), pgbench's clients (4), one spare. */
    static final int FIXED = 4 + 1 + PgbenchCeiling.CLIENTS + 1;
    /** A worker's pool is never larger: the largest concurrency's slots plus the worker's own 5. */
    static final int LARGEST_POOL = EngineBench.LARGE_CONCURRENCY + 5;
    /** A worker needs its 5 (LISTEN, claims, lease renewal, timeouts, task ends) and a few for slices. */
    static final int SMALLEST_POOL = 5 + 8;
    /** The `rondo worker` command opens concurrency + 6 connections (the worker's, and one to watch workflow ends). */
    static final int COMMAND_EXTRA = 6;

    static ConnectionBudget of(int allowed, int maxConnections, int reserved, int used) {
        int free = maxConnections - reserved - used;
        int connections = Math.min(allowed, free);
        ConnectionBudget budget = new ConnectionBudget(connections, allowed, maxConnections, reserved, used);
        if (connections < needed()) {
            throw new IllegalStateException("The engine benchmark needs " + needed() + " connections at once (two workers' pools of at least "
                    + SMALLEST_POOL + ", " + FIXED + " for the client, counting and pgbench) but may use " + connections + ": "
                    + budget.sources() + ". Free connections (stop other clients or raise max_connections) or raise RONDO_BENCH_CONNECTIONS.");
        }
        return budget;
    }

    static int needed() {
        return FIXED + 2 * SMALLEST_POOL;
    }

    /** Each in-process worker's pool. */
    int workerPool() {
        return Math.min(LARGEST_POOL, (connections - FIXED) / 2);
    }

    /**
     * The concurrency of the {@code rondo worker} processes and of the library workers compared with them:
     * two processes' pools and the client's fit, at most {@code EngineBench.CONCURRENCY}.
     */
    int commandConcurrency() {
        return Math.min(EngineBench.CONCURRENCY, (connections - 5) / 2 - COMMAND_EXTRA);
    }

    private String sources() {
        return "RONDO_BENCH_CONNECTIONS " + allowed + ", the server's max_connections " + maxConnections + " less "
                + reserved + " reserved and " + used + " in use";
    }

    String describe() {
        return "connections: " + connections + " at most (" + sources() + "): 2 worker pools of " + workerPool() + ", "
                + FIXED + " others; rondo worker processes ×" + commandConcurrency() + " (" + (commandConcurrency() + COMMAND_EXTRA)
                + " each)";
    }
}
