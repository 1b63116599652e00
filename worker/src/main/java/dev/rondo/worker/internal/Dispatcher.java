package dev.rondo.worker.internal;

import dev.rondo.core.Limits;
import dev.rondo.store.ExecutionKind;
import dev.rondo.store.QueueStatements;
import dev.rondo.store.Transactions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of a worker: claims queue items in batches sized to its free slots and runs each on a
 * platform thread of its own pool (a workflow slice, or the watch over a task attempt whose handler runs in
 * the {@link HandlerPool}). It claims when woken (a notification, a slot that
 * frees after a full batch, a rescue), at the next due item (timers fire on time, not on a poll), and on a
 * jittered poll as a fallback (every {@code pollInterval}, a minute by default: notifications and due times
 * find the work, the poll is only a safety net, so an idle worker sends next to nothing). Notifications that
 * arrive while a claim runs collapse into one more claim.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** Never sleep less than this when items are due but locked by other workers, so as not to spin. */
    private static final long MIN_SLEEP_MILLIS = 20;
    /** While every handler slot is stuck and a due item waits (maybe a task), claim workflows this often. */
    private static final long STUCK_POLL_MILLIS = 1_000;
    /**
     * Under full load (the last claim got all it asked for), a freed slot waits at most this long for
     * others before the next claim, so claims come in batches rather than one item per freed slot.
     */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(4);

    /** How the worker was configured. */
    public record Settings(List<String> queues, int concurrency, Duration pollInterval, Duration lease,
                           Duration rescueInterval, String owner, Limits limits,
                           int maxChildDepth, Duration heartbeatInterval, boolean fireSchedules,
                           java.util.Map<String, Integer> taskConcurrency,
                           dev.rondo.store.HistoryRetention checkpointHistory, boolean eagerTasks) {}

    private final Settings settings;
    private final DataSource dataSource;
    private final Semaphore slots;
    private final InFlight inFlight;
    private final SliceRunner slices;
    /** Runs the tasks a slice starts in this worker's free slots without a claim; {@link EagerTasks#OFF} when off. */
    private final EagerTasks eager;
    private final TaskRunner tasks;
    private final TaskFinisher finisher;
    private final Claimer claimer;
    private final LeaseKeeper leases;
    private final WakeListener listener;
    private final WorkerRegistry registry;
    /** Admits work that waits for a concurrency slot. */
    private final Admitter admitter;
    /** Null when this worker fires no schedules. */
    private final ScheduleFirer firer;
    /**
     * Slices run on platform threads, bounded by the slots: the interpreter may compute for long, and the
     * operating system shares the cores between it and the rest. The handlers run on {@link #handlerPool}, so
     * a handler that spins cannot take the engine's threads from it.
     */
    private final ExecutorService work = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("rondo-work-", 0).factory());
    /**
     * The watch over each task attempt (its timeouts, recording its end) runs on a virtual thread of its own,
     * bounded by the slots as well: it mostly waits for its handler, and a virtual thread waits and wakes up
     * without a system call while the carriers have work, where a platform thread's hand-offs cost a futex
     * call and a context switch each (on the task path, two thirds of the worker's CPU was system time).
     */
    private final ExecutorService taskWork = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rondo-task-", 0).factory());
    private final HandlerPool handlerPool;
    /** Whether the last round found every handler slot held by a handler whose attempt already failed. */
    private boolean handlersStuck;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final AtomicInteger running = new AtomicInteger();
    private final Set<Thread> taskThreads = ConcurrentHashMap.newKeySet();
    private boolean wakeRequested;
    private volatile boolean stopped;
    private volatile boolean lastClaimFull;
    /** Free slots worth a claim at once under full load: all of them. */
    private final int batch;

    private final Telemetry telemetry;

    public Dispatcher(DataSource dataSource, Handlers handlers, Settings settings) {
        this(dataSource, handlers, settings, Telemetry.NONE);
    }

    public Dispatcher(DataSource dataSource, Handlers handlers, Settings settings, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.settings = settings;
        this.inFlight = new InFlight(settings.lease());
        this.dataSource = dataSource;
        this.slots = new Semaphore(settings.concurrency());
        this.batch = settings.concurrency();
        // ends waiting for their commit, beside the running attempts: enough for big batches, bounded memory
        LocalWake localWake = new LocalWake(Set.copyOf(settings.queues()), this::wake);
        this.finisher = new TaskFinisher(dataSource, localWake, settings.owner(), 2 * settings.concurrency());
        this.claimer = new Claimer(dataSource, settings.owner(), settings.lease().toMillis() / 1000.0);
        this.admitter = new Admitter(dataSource, settings.pollInterval(), settings.owner());
        this.handlerPool = new HandlerPool(settings.concurrency(), this::wake);
        this.eager = !settings.eagerTasks() ? EagerTasks.OFF : new EagerTasks(Set.copyOf(settings.queues()),
                handlers.names(), settings.owner(), settings.lease().toMillis() / 1000.0, new EagerTasks.Slots() {
                    @Override
                    public Reservation reserve(int wanted) {
                        return Reservation.take(slots, handlerPool, wanted, true);
                    }

                    @Override
                    public void run(QueueStatements.Claimed item, String queue, long leasedFrom, Reservation reserved) {
                        telemetry.startedEagerly(queue);
                        submit(item, leasedFrom, reserved);
                    }

                    @Override
                    public void freed() {
                        wake();
                    }
                });
        this.slices = new SliceRunner(dataSource, localWake, settings.owner(), settings.limits(), settings.maxChildDepth(),
                telemetry, admitter, settings.taskConcurrency(), settings.checkpointHistory(), eager);
        this.tasks = new TaskRunner(dataSource, settings.owner(), handlers, finisher, settings.limits(), telemetry);
        this.leases = new LeaseKeeper(dataSource, settings.owner(), inFlight, settings.lease(), settings.rescueInterval(), this::wake);
        this.firer = settings.fireSchedules() ? new ScheduleFirer(dataSource, settings.pollInterval(), settings.owner(), this::wake) : null;
        this.listener = new WakeListener(dataSource, Set.copyOf(settings.queues()), this::wake,
                firer == null ? null : firer::wake, key -> admitter.admit(List.of(key)), settings.owner(),
                settings.pollInterval());
        this.registry = new WorkerRegistry(dataSource, new WorkerRegistry.Identity(settings.owner(), Host.name(), Host.pid(),
                settings.queues(), settings.concurrency()), running::get, settings.heartbeatInterval());
        this.thread = Thread.ofPlatform().name("rondo-dispatch-" + settings.owner()).unstarted(this::loop);
    }

    public void start() {
        telemetry.start(dataSource, settings.queues(), running::get, settings.concurrency(), settings.owner());
        registry.start();
        finisher.start();
        leases.start();
        listener.start();
        if (firer != null) {
            firer.start();
        }
        admitter.start();
        thread.start();
    }

    /** Claim again as soon as possible. */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops claiming; work in progress goes on. */
    public void stopClaiming() {
        stopped = true;
        eager.stop();
        listener.stop();
        if (firer != null) {
            firer.stop();
        }
        wake();
    }

    /** Interrupts running task attempts (they are handed back, not counted); slices are let finish. */
    public void interruptTasks() {
        taskThreads.forEach(Thread::interrupt);
    }

    /** Waits for the work in progress, then stops the helpers; true when everything ended in time. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        // a slice that reserved slots before the stop hands its tasks to the work threads at its commit
        if (!eager.awaitNoReservations(deadline)) {
            return false;
        }
        work.shutdown();
        taskWork.shutdown();
        if (!work.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                || !taskWork.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return false;
        }
        handlerPool.shutdown(); // handlers still running (stuck ones) go on as daemons; no new ones start
        finisher.stop();
        finisher.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        leases.stop();
        registry.stop();
        telemetry.stop();
        listener.join();
        if (firer != null) {
            firer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        admitter.stop();
        admitter.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        return !thread.isAlive();
    }

    /** Items being worked on right now. */
    public int running() {
        return running.get();
    }

    /** Whether the LISTEN connection is up. */
    public boolean listening() {
        return listener.listening();
    }

    private void loop() {
        long backoff = 100;
        int firstQueue = 0;
        long gatherUntil = 0;
        while (!stopped) {
            try {
                int free = slots.availablePermits();
                if (free == 0) {
                    lastClaimFull = true; // a finishing item wakes the loop
                    gatherUntil = 0;
                    sleepUntilWoken(settings.pollInterval().toMillis());
                    continue;
                }
                if (lastClaimFull && free < batch) {
                    // more work is likely waiting: let a few more slots free (they wake the loop at a batch)
                    long now = System.nanoTime();
                    if (gatherUntil == 0) {
                        gatherUntil = now + GATHER_NANOS;
                    }
                    if (now - gatherUntil < 0) {
                        sleepUntilWoken(Math.max(1, TimeUnit.NANOSECONDS.toMillis(gatherUntil - now)));
                        continue;
                    }
                }
                gatherUntil = 0;
                boolean full = false;
                boolean workflowsOnly = false;
                List<String> queues = settings.queues();
                for (int i = 0; i < queues.size() && free > 0 && !stopped; i++) {
                    String queue = queues.get((firstQueue + i) % queues.size());
                    // no more task attempts than free handler slots (fewer only while handlers are stuck)
                    int handlerSlots = handlerPool.free();
                    workflowsOnly = handlerSlots == 0;
                    noteStuckHandlers(workflowsOnly);
                    int asked = workflowsOnly ? free : Math.min(free, handlerSlots);
                    // taken before the claim: a slice's eager tasks may take free slots meanwhile
                    try (Reservation reserved = Reservation.take(slots, handlerPool, asked, !workflowsOnly)) {
                        if (reserved.size() == 0) {
                            full = true; // taken by eager tasks, which wake the loop when they end
                            break;
                        }
                        asked = reserved.size();
                        long sent = System.nanoTime(); // the leases run from no sooner than this
                        List<QueueStatements.Claimed> claimed = workflowsOnly
                                ? claimer.claimWorkflows(queue, asked) : claimer.claim(queue, asked);
                        telemetry.claimed(queue, claimed.size());
                        claimed.forEach(item -> submit(item, sent, reserved));
                        free -= claimed.size();
                        full |= claimed.size() == asked;
                    }
                }
                firstQueue++; // the next round starts with the next queue, so no queue starves the others
                lastClaimFull = full;
                backoff = 100;
                if (full) {
                    continue;
                }
                Long due = claimer.nextDue(queues);
                long poll = Jitter.around(settings.pollInterval().toMillis());
                if (workflowsOnly && due != null && due <= 0) {
                    // the due item may be a task this worker cannot run now (a handler that returns wakes it),
                    // hiding a workflow's later timer: look again soon rather than spin or wait for the poll
                    sleepUntilWoken(Math.min(poll, STUCK_POLL_MILLIS));
                    continue;
                }
                sleepUntilWoken(due == null ? poll : Math.min(poll, Math.max(MIN_SLEEP_MILLIS, due)));
            } catch (RuntimeException e) {
                LOG.warn("Claiming failed (trying again in {} ms): {}", backoff, e.toString());
                sleepUntilWoken(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
        claimer.close();
    }

    /** Says once when every handler slot is held by a handler that ignored its timeout, and once when one frees. */
    private void noteStuckHandlers(boolean stuck) {
        if (stuck && !handlersStuck) {
            List<String> abandoned = handlerPool.abandoned();
            if (abandoned.size() >= handlerPool.size()) {
                LOG.warn("All {} handler slots of worker {} are held by task handlers that were failed for their timeout"
                        + " but keep running (they ignore interruption): {}. This worker claims no task attempts until"
                        + " one returns; it still runs workflow slices, and other workers run the tasks.",
                        handlerPool.size(), settings.owner(), String.join(", ", abandoned));
            }
        } else if (!stuck && handlersStuck) {
            LOG.info("A handler slot of worker {} is free again; it claims task attempts again", settings.owner());
        }
        handlersStuck = stuck;
    }

    /** Runs a leased item (claimed, or leased eagerly by a slice) in one of {@code reserved}'s slots. */
    private void submit(QueueStatements.Claimed item, long leasedFrom, Reservation reserved) {
        boolean task = isTask(item);
        HandlerPool.Slot handlerSlot = reserved.use(task);
        running.incrementAndGet();
        InFlight.Item held = inFlight.hold(item.itemId(), item.cancelRequested(), leasedFrom);
        (task ? taskWork : work).execute(() -> {
            CompletableFuture<Boolean> pending = null;
            try {
                pending = runItem(item, held, handlerSlot);
            } catch (RuntimeException e) {
                LOG.error("Work on {} failed; its lease will run out and it will be tried again", item.executionId(), e);
            } finally {
                if (handlerSlot != null) {
                    handlerSlot.close(); // when no handler ran in it
                }
                // a task whose end is queued frees its slot now, so claims are not only as big as the last
                // finisher batch; the item stays held (its lease renewed) until the end is committed
                if (pending == null) {
                    done(item);
                } else {
                    pending.whenComplete((ended, failed) -> {
                        if (Boolean.FALSE.equals(ended)) { // the renewal does not report items being ended
                            LOG.warn("Dropped the end of a task attempt of {}: another worker rescued it after this"
                                    + " worker's lease ran out, and runs it again", item.executionId());
                        }
                        String key = concurrencyKey(item);
                        if (key != null) {
                            admitter.admit(List.of(key)); // its slot may be free (a retry keeps it)
                        }
                        done(item);
                    });
                }
                slots.release();
                if (lastClaimFull) {
                    int free = slots.availablePermits();
                    if (free == 1 || free >= batch) { // the first freed slot starts the gathering; a batch ends it
                        wake();
                    }
                }
            }
        });
    }

    /** The concurrency key of a task item, without parsing the options of the many tasks that have none. */
    private static String concurrencyKey(QueueStatements.Claimed item) {
        return item.options() != null && item.options().contains("\"concurrencyKey\":\"")
                ? TaskOptionsJson.read(item.options()).concurrencyKey() : null;
    }

    private void done(QueueStatements.Claimed item) {
        inFlight.release(item.itemId());
        running.decrementAndGet();
    }

    /** Whether the item is a task attempt to run (not a slice, nor an item whose execution is gone or over). */
    private static boolean isTask(QueueStatements.Claimed item) {
        return item.kind() != null && !item.finished() && item.kind() != ExecutionKind.WORKFLOW;
    }

    /** Runs the item; returns the end of a task attempt that is queued but not committed yet, if any. */
    private CompletableFuture<Boolean> runItem(QueueStatements.Claimed item, InFlight.Item held, HandlerPool.Slot handlerSlot) {
        if (item.kind() == null || item.finished()) {
            // the execution is gone or over (a late wake-up): drop the item
            Transactions.autocommit(dataSource, connection -> {
                QueueStatements.deleteItem(connection, item.itemId());
                return null;
            });
        } else if (item.kind() == ExecutionKind.WORKFLOW) {
            if (!slices.run(item.itemId(), item.executionId(), held)) {
                LOG.info("Dropped a slice of {}: another worker rescued it after this worker's lease ran out", item.executionId());
            }
        } else {
            taskThreads.add(Thread.currentThread());
            try {
                return tasks.run(item, held, handlerSlot);
            } finally {
                taskThreads.remove(Thread.currentThread());
            }
        }
        return null;
    }

    private void sleepUntilWoken(long millis) {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!wakeRequested && !stopped && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } finally {
            lock.unlock();
        }
    }
}
