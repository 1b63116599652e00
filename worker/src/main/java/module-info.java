/** The worker: claims queue items, runs workflow slices and task handlers, heartbeats, rescues leases. */
module dev.rondo.worker {
    requires transitive dev.rondo.core;
    requires transitive java.sql;
    requires dev.rondo.migrations;
    requires transitive io.opentelemetry.api; // withOpenTelemetry(…) takes its OpenTelemetry
    requires io.opentelemetry.context;
    requires transitive micrometer.core; // withMeterRegistry(…) takes its MeterRegistry
    requires dev.rondo.store;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports dev.rondo.worker;
}
