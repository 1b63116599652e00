package dev.rondo.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import dev.rondo.testing.RondoDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;

@RondoDatabase
class RondoHealthIndicatorTest {

    @RondoDatabase
    static DataSource database;

    /** The application's DataSource, which the test can cut off from the database. */
    static final class SwitchableDataSource extends DelegatingDataSource {
        volatile boolean down;

        SwitchableDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused (the test cut the database off)");
            }
            return super.getConnection();
        }
    }

    private final SwitchableDataSource dataSource = new SwitchableDataSource(database);

    private ApplicationContextRunner application() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RondoAutoConfiguration.class, RondoHealthAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("rondo.worker.concurrency=2");
    }

    @Test
    void upWhileTheDatabaseAnswersAndTheWorkerRuns() {
        application().run(context -> {
            Health health = context.getBean("rondoHealthIndicator", HealthIndicator.class).health();
            assertEquals(Status.UP, health.getStatus(), health.toString());
            assertEquals("reachable", health.getDetails().get("database"));
            assertEquals(true, health.getDetails().get("workerRunning"));
            assertEquals(context.getBean(RondoWorkerLifecycle.class).worker().id(), health.getDetails().get("worker"));
        });
    }

    @Test
    void downWhenTheDatabaseIsUnreachable() {
        application().run(context -> {
            dataSource.down = true;
            try {
                Health health = context.getBean("rondoHealthIndicator", HealthIndicator.class).health();
                assertEquals(Status.DOWN, health.getStatus());
                assertThat((String) health.getDetails().get("database")).startsWith("unreachable: Connection refused");
            } finally {
                dataSource.down = false;
            }
        });
    }

    @Test
    void downOnceTheWorkerHasStopped() {
        application().run(context -> {
            context.getBean(RondoWorkerLifecycle.class).stop();
            Health health = context.getBean("rondoHealthIndicator", HealthIndicator.class).health();
            assertEquals(Status.DOWN, health.getStatus());
            assertEquals(false, health.getDetails().get("workerRunning"));
        });
    }

    @Test
    void aClientOnlyApplicationIsHealthyWithItsDatabase() {
        application().withPropertyValues("rondo.worker.enabled=false").run(context -> {
            Health health = context.getBean("rondoHealthIndicator", HealthIndicator.class).health();
            assertEquals(Status.UP, health.getStatus());
            assertThat(health.getDetails()).doesNotContainKey("worker");
        });
    }

    @Test
    void isTheRondoComponentOfTheApplicationsHealth() {
        application().withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                HealthContributorRegistryAutoConfiguration.class)).run(context ->
                assertThat(context.getBean(HealthContributorRegistry.class).getContributor("rondo"))
                        .isSameAs(context.getBean(RondoHealthIndicator.class)));
    }

    @Test
    void noIndicatorWithoutSpringBootsHealthSupport() {
        application().withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean("rondoHealthIndicator").hasBean("rondoClient"));
    }

    @Test
    void noIndicatorWhenTurnedOff() {
        application().withPropertyValues("management.health.rondo.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean("rondoHealthIndicator"));
    }
}
