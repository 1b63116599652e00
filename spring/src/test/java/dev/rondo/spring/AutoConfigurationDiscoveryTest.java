package dev.rondo.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.testing.RondoDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/** A Spring Boot application that only adds the starter and sets spring.datasource.url gets Rondo, as the guide says. */
@RondoDatabase
class AutoConfigurationDiscoveryTest {

    @RondoDatabase
    static String url;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WelcomeHandlers.class)
    static class Shop {}

    @Test
    void theAutoConfigurationIsFoundThroughItsImportsFile() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Shop.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + url, "spring.main.banner-mode=off",
                        "logging.level.root=warn", "rondo.flows.locations=classpath:flows", "rondo.worker.concurrency=4")
                .run()) {
            assertNotNull(context.getBean(RondoWorkerLifecycle.class));
            WorkflowHandle welcome = context.getBean(RondoClient.class).start("orders/welcome", "{\"id\": \"1\"}",
                    StartOptions.DEFAULT.withId("welcome-boot-1"));
            welcome.signal("confirm", "true");
            assertEquals(ExecutionStatus.COMPLETED, welcome.result(Duration.ofSeconds(60)).status());
        }
    }
}
