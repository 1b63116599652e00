package dev.rondo.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The lines a long-running command prints (a worker's line per task attempt and per workflow end), written
 * by a thread of their own: a task handler only queues its line, and the thread writes whatever has queued
 * and flushes once, so thousands of attempts a second cost a write per batch, not a locked write and a
 * flush per line on the handlers' threads. Lines keep their order; {@link #close()} writes what is left.
 */
final class OutputLines implements AutoCloseable {

    private final PrintWriter out;
    private final LinkedBlockingQueue<String> queued = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    OutputLines(PrintWriter out) {
        this.out = out;
        this.writer = Thread.ofPlatform().daemon().name("rondo-output").start(this::writeLoop);
    }

    /** Queues a line; never blocks. */
    void print(String line) {
        queued.add(line);
    }

    private void writeLoop() {
        List<String> batch = new ArrayList<>();
        try {
            while (!closed || !queued.isEmpty()) {
                String first = queued.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queued.drainTo(batch);
                batch.forEach(out::println);
                out.flush();
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the lines queued so far and stops the thread (within a second). */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
