package dev.rondo.bench.chaos;

import java.time.Duration;
import java.time.Instant;

/**
 * One fault the suite caused: what, aimed at which worker instance (or "all"), when it began, when the
 * server or the process was back, and how long after that the work visibly moved again (null when not
 * measured: a kill leaves the other workers running).
 */
record Fault(Kind kind, String target, Instant at, Instant back, Duration recovery) {

    enum Kind {
        KILL("kill -9 of a worker process"),
        TERMINATE("pg_terminate_backend"),
        RESTART_FAST("PostgreSQL restart, fast"),
        RESTART_IMMEDIATE("PostgreSQL restart, immediate");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        boolean cutsEveryone() {
            return this == RESTART_FAST || this == RESTART_IMMEDIATE;
        }
    }

    Fault withRecovery(Duration measured) {
        return new Fault(kind, target, at, back, measured);
    }
}
