package dev.rondo.bench.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The suite's worker JVMs ({@link ChaosWorker}), one per slot. A killed slot is started again as a new
 * instance ({@code chaos-w<slot>-<generation>}), as a supervisor would. Output goes to a log file per
 * instance in the run's folder; standard input stays open as the workers' lifeline.
 */
final class WorkerProcesses implements AutoCloseable {

    private final String url;
    private final int concurrency;
    private final Path logs;
    private final Process[] processes;
    private final String[] instances;
    private final int[] generations;
    private final List<Process> all = new ArrayList<>();

    WorkerProcesses(String url, int count, int concurrency, Path logs) {
        this.url = url;
        this.concurrency = concurrency;
        this.logs = logs;
        this.processes = new Process[count];
        this.instances = new String[count];
        this.generations = new int[count];
        Runtime.getRuntime().addShutdownHook(new Thread(this::killAll));
    }

    int count() {
        return processes.length;
    }

    synchronized void startAll() throws IOException {
        for (int slot = 0; slot < processes.length; slot++) {
            start(slot);
        }
    }

    synchronized String instance(int slot) {
        return instances[slot];
    }

    /** Starts slot {@code slot}'s next generation. */
    synchronized void start(int slot) throws IOException {
        generations[slot]++;
        String instance = "chaos-w" + slot + "-" + generations[slot];
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ChaosWorker.class.getName(), url, instance,
                String.valueOf(concurrency))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(instance + ".log").toFile()))
                .start();
        processes[slot] = process;
        instances[slot] = instance;
        all.add(process);
    }

    /** SIGKILL to slot {@code slot}'s process; returns the instance killed once it is gone. */
    synchronized String kill(int slot) throws InterruptedException {
        Process process = processes[slot];
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        processes[slot] = null;
        return instances[slot];
    }

    synchronized boolean alive(int slot) {
        return processes[slot] != null && processes[slot].isAlive();
    }

    /** Starts every slot whose process is missing or died. Returns how many had died by themselves. */
    synchronized int restartDead() throws IOException {
        int died = 0;
        for (int slot = 0; slot < processes.length; slot++) {
            if (processes[slot] != null && !processes[slot].isAlive()) {
                died++;
            }
            if (!alive(slot)) {
                start(slot);
            }
        }
        return died;
    }

    private synchronized void killAll() {
        for (Process process : all) {
            process.destroyForcibly();
        }
        for (Process process : all) {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        killAll();
    }
}
