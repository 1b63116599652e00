package dev.rondo.spring;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link RondoHealthIndicator} as the {@code rondo} health contributor, when the application has Spring
 * Boot's health support (Actuator); {@code management.health.rondo.enabled=false} turns it off.
 */
@AutoConfiguration(after = RondoAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(DataSource.class)
@ConditionalOnEnabledHealthIndicator("rondo")
public class RondoHealthAutoConfiguration {

    @Bean(name = "rondoHealthIndicator")
    @ConditionalOnMissingBean(name = "rondoHealthIndicator")
    public RondoHealthIndicator rondoHealthIndicator(@RondoDataSource ObjectProvider<DataSource> own,
                                                     ObjectProvider<DataSource> application,
                                                     ObjectProvider<RondoWorkerLifecycle> worker) {
        return new RondoHealthIndicator(RondoAutoConfiguration.dataSource(own, application), worker.getIfAvailable());
    }
}
