package dev.rondo.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.client.RondoClient;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.testing.RondoDatabase;
import dev.rondo.worker.TaskContext;
import dev.rondo.worker.TaskHandler;
import dev.rondo.worker.TypedTaskHandler;
import dev.rondo.worker.Worker;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@RondoDatabase
class RondoAutoConfigurationTest {

    @RondoDatabase
    static String url;

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final ObjectMapper json = new ObjectMapper();

    private static ApplicationContextRunner application() {
        return application(url);
    }

    /** An application with Boot's DataSource (HikariCP) on {@code url} and Rondo's auto-configuration. */
    static ApplicationContextRunner application(String url) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RondoAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.hikari.maximum-pool-size=10",
                        "rondo.worker.concurrency=4", "rondo.flows.locations=classpath:flows");
    }

    @Test
    void runsTheFlowsWithTheHandlersFoundAmongTheBeans() {
        application().withUserConfiguration(WelcomeHandlers.class).run(context -> {
            assertThat(context).hasSingleBean(RondoClient.class).hasSingleBean(Worker.class);
            RondoClient rondo = context.getBean(RondoClient.class);
            WorkflowHandle welcome = rondo.start("orders/welcome", "{\"id\": \"7\"}", StartOptions.DEFAULT.withId("welcome-7"));
            welcome.signal("confirm", "true");
            JsonNode result = json.readTree(welcome.result(WAIT).resultJson());
            assertEquals("HELLO PERSON 7!", result.get("greeting").asText());
            assertEquals(true, result.get("confirmed").asBoolean());
            assertThat(result.get("key").asText()).as("the @RondoTask method got the TaskContext").startsWith("welcome-7.t");
        });
    }

    /** The same tasks as WelcomeHandlers, from a TypedTaskHandler lambda bean and a RondoWorkerCustomizer. */
    @Configuration(proxyBeanMethods = false)
    static class LambdaAndCustomizerHandlers {
        @Bean
        @RondoTask("shout")
        TypedTaskHandler<WelcomeHandlers.Text, String> loud() {
            return (text, context) -> text.text().toUpperCase() + "!"; // a lambda: the type comes from this method
        }

        @Bean
        RondoWorkerCustomizer lookupAndGreet() {
            return worker -> worker
                    .task("lookup", WelcomeHandlers.Lookup.class,
                            (lookup, context) -> new WelcomeHandlers.Person("person " + lookup.id(), context.idempotencyKey()))
                    .task("greet", (input, context) -> "hello " + input.get("name").asText());
        }
    }

    @Test
    void runsTypedLambdaBeansAndWhatCustomizersRegister() {
        application().withUserConfiguration(LambdaAndCustomizerHandlers.class).run(context -> {
            WorkflowHandle welcome = context.getBean(RondoClient.class).start("orders/welcome", "{\"id\": \"5\"}",
                    StartOptions.DEFAULT.withId("welcome-5"));
            welcome.signal("confirm", "false");
            assertEquals("HELLO PERSON 5!", json.readTree(welcome.result(WAIT).resultJson()).get("greeting").asText());
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnWorker {
        @Bean
        Worker myWorker(DataSource dataSource) {
            return Worker.builder(dataSource).id("my-worker").concurrency(2).build();
        }
    }

    @Test
    void anApplicationsOwnWorkerReplacesTheStartersAndIsStartedWithTheContext() {
        application().withUserConfiguration(OwnWorker.class).run(context -> {
            assertThat(context).hasSingleBean(Worker.class);
            assertEquals("my-worker", context.getBean(Worker.class).id());
            RondoWorkerLifecycle lifecycle = context.getBean(RondoWorkerLifecycle.class);
            assertEquals("my-worker", lifecycle.worker().id());
            assertEquals(true, lifecycle.isRunning());
        });
    }

    @Test
    void servesTheQueuesOfItsProperties() {
        application().withUserConfiguration(WelcomeHandlers.class).withPropertyValues("rondo.worker.queues=orders")
                .run(context -> {
                    RondoClient rondo = context.getBean(RondoClient.class);
                    WorkflowHandle elsewhere = rondo.start("orders/welcome", "{\"id\": \"8\"}",
                            StartOptions.DEFAULT.withId("welcome-default-8"));
                    WorkflowHandle ordered = rondo.start("orders/welcome", "{\"id\": \"9\"}",
                            StartOptions.DEFAULT.withId("welcome-orders-9").withQueue("orders"));
                    ordered.signal("confirm", "false");
                    assertEquals(ExecutionStatus.COMPLETED, ordered.result(WAIT).status());
                    assertEquals(ExecutionStatus.QUEUED, elsewhere.status(), "no worker serves the default queue");
                    elsewhere.cancel();
                });
    }

    @Test
    void withTheWorkerDisabledTheApplicationHasAClientOnly() {
        application().withPropertyValues("rondo.worker.enabled=false").run(context -> {
            assertThat(context).hasSingleBean(RondoClient.class).doesNotHaveBean(Worker.class)
                    .doesNotHaveBean(RondoWorkerLifecycle.class);
            // the client still deployed the flows
            assertEquals("orders/welcome", context.getBean(RondoClient.class)
                    .start("orders/welcome", "{}", StartOptions.DEFAULT).describe().workflow());
        });
    }

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RondoAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RondoClient.class).doesNotHaveBean(Worker.class));
    }

    @Test
    void aMissingFlowsLocationFailsTheStart() {
        application().withPropertyValues("rondo.flows.locations=classpath:no-such-flows").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("rondo.flows.locations: classpath:no-such-flows does not exist"));
    }

    @Test
    void aLocationWithoutFlowsFailsTheStart() {
        application().withPropertyValues("rondo.flows.locations=classpath:no-flows").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("rondo.flows.locations: classpath:no-flows holds no .flow file."));
    }

    @Configuration(proxyBeanMethods = false)
    static class SecondGreeter {
        @Bean
        @RondoTask("greet")
        TaskHandler friendlyGreeting() {
            return (input, context) -> "hi";
        }
    }

    @Test
    void aTaskWithTwoHandlersFailsTheStartNamingBoth() {
        application().withUserConfiguration(WelcomeHandlers.class, SecondGreeter.class).run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining(
                        "Task 'greet' has two handlers: the TaskHandler bean 'greet' and the TaskHandler bean 'friendlyGreeting'"));
    }

    static class TooManyParameters {
        @RondoTask("add")
        int add(int a, int b, TaskContext context) {
            return a + b;
        }
    }

    @Test
    void aRondoTaskMethodWithParametersTheWorkerCannotFillFailsTheStart() {
        application().withBean(TooManyParameters.class).run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining(
                        "@RondoTask(\"add\") method TooManyParameters.add (bean")
                        .hasMessageContaining("give it at most those two parameters"));
    }

    @Test
    void theClientThrowsRondosExceptionsForAnUnknownWorkflow() {
        application().run(context -> assertThrows(RondoException.UnknownWorkflow.class,
                () -> context.getBean(RondoClient.class).start("nothing/here", "{}", StartOptions.DEFAULT)));
    }
}
