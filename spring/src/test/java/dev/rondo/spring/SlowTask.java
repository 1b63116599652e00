package dev.rondo.spring;

import dev.rondo.worker.TaskContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The handler of flows/slow.flow's task: says when it has started, then waits until the test lets it finish. */
class SlowTask {

    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger interrupted = new AtomicInteger();

    @RondoTask("slow")
    String run(TaskContext context) throws InterruptedException {
        calls.incrementAndGet();
        started.countDown();
        try {
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the task");
            }
        } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            throw e;
        }
        return "done on attempt " + context.attempt();
    }
}
