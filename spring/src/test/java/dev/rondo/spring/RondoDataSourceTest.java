package dev.rondo.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.testing.RondoDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** With a DataSource marked @RondoDataSource, Rondo uses it and leaves the application's primary one alone. */
@RondoDatabase
class RondoDataSourceTest {

    @RondoDatabase
    static DataSource rondoSchema;

    /** The application's own database, which Rondo must never touch. */
    static final class ApplicationDatabase extends DelegatingDataSource {
        ApplicationDatabase() {
            super(rondoSchema);
        }

        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("Rondo used the application's DataSource");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDatabases {
        @Bean
        @Primary
        DataSource applicationDataSource() {
            return new ApplicationDatabase();
        }

        @Bean
        @RondoDataSource
        DataSource rondoDataSource() {
            return rondoSchema;
        }
    }

    @Test
    void clientWorkerAndHealthUseTheRondoDataSource() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RondoAutoConfiguration.class, RondoHealthAutoConfiguration.class))
                .withUserConfiguration(TwoDatabases.class, WelcomeHandlers.class)
                .withPropertyValues("rondo.flows.locations=classpath:flows", "rondo.worker.concurrency=4")
                .run(context -> {
                    WorkflowHandle welcome = context.getBean(RondoClient.class).start("orders/welcome", "{\"id\": \"3\"}",
                            StartOptions.DEFAULT.withId("welcome-own-3"));
                    welcome.signal("confirm", "true");
                    assertEquals(ExecutionStatus.COMPLETED, welcome.result(Duration.ofSeconds(60)).status());
                    Health health = context.getBean(RondoHealthIndicator.class).health();
                    assertEquals(Status.UP, health.getStatus(), health.toString());
                });
    }
}
