package dev.rondo.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.rondo.worker.TaskHandler;
import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.testing.RondoDatabase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** rondo.worker.concurrency and the application's ObjectMapper reach the worker. */
@RondoDatabase
class WorkerSettingsTest {

    @RondoDatabase
    static String url;

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** "hold" waits three seconds for "probe" to start beside it (time for a loaded machine), and says whether it did. */
    static class Pair {
        final CountDownLatch probeStarted = new CountDownLatch(1);

        @RondoTask("hold")
        boolean hold() throws InterruptedException {
            return probeStarted.await(3, TimeUnit.SECONDS);
        }

        @RondoTask("probe")
        boolean probe() {
            probeStarted.countDown();
            return true;
        }
    }

    private String runPair(String concurrency) {
        String[] result = new String[1];
        RondoAutoConfigurationTest.application(url).withBean(Pair.class)
                .withPropertyValues("rondo.worker.concurrency=" + concurrency).run(context ->
                        result[0] = context.getBean(RondoClient.class).start("pair", "{}", StartOptions.DEFAULT)
                                .result(WAIT).resultJson());
        return result[0];
    }

    @Test
    void withConcurrencyOneASecondTaskWaitsForTheSlot() {
        assertEquals("{\"probeRanDuringHold\":false}", runPair("1"));
    }

    @Test
    void withConcurrencyTwoTheTasksRunSideBySide() {
        assertEquals("{\"probeRanDuringHold\":true}", runPair("2"));
    }

    record Profile(String displayName) {}

    @Configuration(proxyBeanMethods = false)
    static class SnakeCase {
        @Bean
        ObjectMapper objectMapper() {
            return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        }

        @Bean
        @RondoTask("profile")
        TaskHandler profile() {
            return (input, context) -> new Profile("Ada");
        }
    }

    @Test
    void handlersWriteWithTheApplicationsObjectMapper() {
        RondoAutoConfigurationTest.application(url).withUserConfiguration(SnakeCase.class).run(context ->
                assertEquals("{\"display_name\":\"Ada\"}", context.getBean(RondoClient.class)
                        .start("profile", "{}", StartOptions.DEFAULT).result(WAIT).resultJson()));
    }

    @Test
    void theApplicationsMeterRegistryCountsTheWorkersWorkAndTheClientsStarts() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        RondoAutoConfigurationTest.application(url).withUserConfiguration(SnakeCase.class)
                .withBean(io.micrometer.core.instrument.MeterRegistry.class, () -> meters).run(context -> {
                    context.getBean(RondoClient.class).start("profile", "{}", StartOptions.DEFAULT).result(WAIT);
                    assertEquals(1, meters.get("rondo.client.starts").tags("workflow", "profile").timer().count());
                    assertEquals(1, meters.get("rondo.task.attempts").tags("task", "profile", "outcome", "completed")
                            .timer().count());
                });
    }
}
