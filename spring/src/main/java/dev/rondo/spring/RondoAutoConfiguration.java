package dev.rondo.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.RondoClient;
import dev.rondo.spring.internal.FlowLocations;
import dev.rondo.spring.internal.TaskHandlerBeans;
import dev.rondo.worker.Worker;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Rondo in a Spring Boot application: a {@link RondoClient} on the application's {@code DataSource}, or on
 * the one marked {@link RondoDataSource} (the schema brought up to date and the {@code rondo.flows.locations}
 * deployed when it is made), and a {@link Worker} on the same {@code DataSource} running the task handlers
 * found among the beans, started
 * and stopped with the context ({@link RondoWorkerLifecycle}). Each backs off when the application defines
 * its own bean of that type; {@code rondo.worker.enabled=false} leaves the worker out.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(RondoProperties.class)
public class RondoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public RondoClient rondoClient(@RondoDataSource ObjectProvider<DataSource> own, ObjectProvider<DataSource> application,
                                   RondoProperties properties, ResourceLoader resources,
                                   ObjectProvider<MeterRegistry> meters, ObjectProvider<OpenTelemetry> openTelemetry) {
        RondoClient client = RondoClient.create(dataSource(own, application));
        FlowLocations.deploy(client, properties.flows().locations(), resources);
        // the application's registry and OpenTelemetry, when it has one of each (docs/observability.md)
        MeterRegistry registry = meters.getIfUnique();
        if (registry != null) {
            client = client.withMeterRegistry(registry);
        }
        OpenTelemetry otel = openTelemetry.getIfUnique();
        if (otel != null) {
            client = client.withOpenTelemetry(otel);
        }
        return client;
    }

    /** The {@link RondoDataSource} when the application marks one, else its (primary) DataSource. */
    static DataSource dataSource(ObjectProvider<DataSource> own, ObjectProvider<DataSource> application) {
        return own.getIfAvailable(application::getObject);
    }

    /** The worker and its lifecycle, unless {@code rondo.worker.enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "rondo.worker", name = "enabled", havingValue = "true", matchIfMissing = true)
    public static class WorkerConfiguration {

        private static final Logger log = LoggerFactory.getLogger(RondoAutoConfiguration.class);

        /**
         * Built here, started by {@link RondoWorkerLifecycle}. Takes the client so that the schema is migrated
         * and the flows are deployed before the worker claims anything.
         */
        @Bean
        @ConditionalOnMissingBean
        public Worker rondoWorker(@RondoDataSource ObjectProvider<DataSource> own, ObjectProvider<DataSource> application,
                                  RondoProperties properties, RondoClient client,
                                  ConfigurableListableBeanFactory beans, ObjectProvider<ObjectMapper> mappers,
                                  ObjectProvider<RondoWorkerCustomizer> customizers, ObjectProvider<MeterRegistry> meters,
                                  ObjectProvider<OpenTelemetry> openTelemetry) {
            DataSource dataSource = dataSource(own, application);
            RondoProperties.Worker settings = properties.worker();
            Worker.Builder builder = Worker.builder(dataSource);
            settings.queues().forEach(builder::queues);
            if (settings.concurrency() != null) {
                builder.concurrency(settings.concurrency());
            }
            if (settings.lease() != null) {
                builder.lease(settings.lease());
            }
            if (settings.id() != null) {
                builder.id(settings.id());
            }
            warnIfThePoolIsSmall(dataSource, settings.concurrency() != null ? settings.concurrency() : Worker.DEFAULT_CONCURRENCY);
            mappers.ifUnique(builder::objectMapper); // the application's Jackson 2 settings for handler inputs and results
            meters.ifUnique(builder::meterRegistry); // metrics and spans when the application has them (Actuator, OTel starter)
            openTelemetry.ifUnique(builder::openTelemetry);
            Iterable<String> tasks = TaskHandlerBeans.register(beans, builder);
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
            log.info("Rondo worker: queues {}, tasks found among the beans {}",
                    settings.queues().isEmpty() ? "[default]" : settings.queues(), tasks);
            return builder.build();
        }

        /**
         * Boot's pool has 10 connections unless told otherwise, fewer than a worker of the default concurrency
         * takes: its slots would wait for connections, so say so at start rather than let work stall.
         */
        private static void warnIfThePoolIsSmall(DataSource dataSource, int concurrency) {
            try {
                if (dataSource.isWrapperFor(HikariDataSource.class)) {
                    int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
                    int needed = Worker.connectionsNeeded(concurrency);
                    if (size < needed) {
                        log.warn("Rondo worker: the DataSource pool has {} connections, and a worker of concurrency {} takes"
                                + " up to {}; set spring.datasource.hikari.maximum-pool-size to at least {} plus what the rest"
                                + " of the application uses, or lower rondo.worker.concurrency.", size, concurrency, needed, needed);
                    }
                }
            } catch (SQLException e) {
                // not a pool we can look into: nothing to say
            }
        }

        @Bean
        @ConditionalOnMissingBean
        public RondoWorkerLifecycle rondoWorkerLifecycle(Worker worker, RondoProperties properties) {
            return new RondoWorkerLifecycle(worker, properties.worker().shutdownTimeout());
        }
    }
}
