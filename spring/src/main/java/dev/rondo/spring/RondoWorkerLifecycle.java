package dev.rondo.spring;

import dev.rondo.worker.Worker;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the application's {@link Worker} with the context and stops it gracefully when the context
 * closes: the worker stops claiming, running slices and task attempts finish and are committed (for up to
 * {@code rondo.worker.shutdown-timeout}), then the handlers still running are interrupted and their
 * attempts handed back to the queue, for another worker or the next start.
 *
 * <p>Its phase puts the worker's start before a web server's and its stop after the web server has
 * finished its requests (which may start workflows). A worker once stopped is not started again.
 */
public final class RondoWorkerLifecycle implements SmartLifecycle {

    /** Before the web server starts (it starts at {@code DEFAULT_PHASE - 2048}), so after it stops. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(RondoWorkerLifecycle.class);

    private final Worker worker;
    private final Duration shutdownTimeout;
    private volatile boolean running;

    public RondoWorkerLifecycle(Worker worker, Duration shutdownTimeout) {
        this.worker = worker;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public void start() {
        worker.start();
        running = true;
    }

    @Override
    public void stop() {
        worker.shutdown();
        running = false;
        try {
            if (!worker.awaitTermination(shutdownTimeout)) {
                log.warn("Rondo worker {}: work still running after {}; interrupting its task handlers"
                        + " (their attempts go back to the queue).", worker.id(), shutdownTimeout);
                worker.shutdownNow();
                worker.awaitTermination(AFTER_INTERRUPT);
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The worker this lifecycle runs. */
    public Worker worker() {
        return worker;
    }
}
