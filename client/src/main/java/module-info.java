/** Rondo's Java client: deploy, start, signal, cancel, describe, list, wait for results. */
module dev.rondo.client {
    requires transitive dev.rondo.core;
    requires transitive java.sql;
    requires dev.rondo.migrations;
    requires transitive io.opentelemetry.api; // withOpenTelemetry(…) takes its OpenTelemetry
    requires io.opentelemetry.context;
    requires transitive micrometer.core; // withMeterRegistry(…) takes its MeterRegistry
    requires dev.rondo.store;
    requires com.zaxxer.hikari;
    requires org.jdbi.v3.core;
    requires org.postgresql.jdbc;

    exports dev.rondo.client;
}
