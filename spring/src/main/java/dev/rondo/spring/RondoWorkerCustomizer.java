package dev.rondo.spring;

import dev.rondo.worker.Worker;

/**
 * A bean that changes the auto-configured worker before it is built: registers handlers the
 * {@code Worker.Builder} way, sets the lease, the mapper, the limits. Runs after the {@code rondo.worker.*}
 * properties and the handlers found among the beans are applied.
 *
 * <pre>{@code
 * @Bean
 * RondoWorkerCustomizer shopTasks(Shop shop) {
 *     return shop::register;     // the same method a FlowTest passes to handlers(…)
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RondoWorkerCustomizer {

    void customize(Worker.Builder builder);
}
