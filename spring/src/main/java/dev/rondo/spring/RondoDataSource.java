package dev.rondo.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@code DataSource} bean Rondo uses when it should not use the application's own: a database or
 * schema of its own (its tables and Flyway history then stay apart from the application's), or a pool
 * sized for the worker. Without one, Rondo uses the application's (primary) {@code DataSource}.
 *
 * <pre>{@code
 * @Bean
 * @RondoDataSource
 * DataSource rondoDataSource() {
 *     return DataSourceBuilder.create().url("jdbc:postgresql://db/app?currentSchema=rondo").build();
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface RondoDataSource {}
