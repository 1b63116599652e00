/**
 * The PostgreSQL store: every statement, its row records and the NOTIFY channels. Not API: read by the
 * client and the worker only.
 */
module dev.rondo.store {
    requires transitive dev.rondo.core;
    requires transitive java.sql;
    requires transitive org.jdbi.v3.core;
    requires org.jdbi.v3.sqlobject;
    requires org.jdbi.v3.postgres;
    requires com.cronutils; // schedules: cron expressions and their next fire times (ScheduleSpec)

    exports dev.rondo.store to dev.rondo.client, dev.rondo.worker;
    opens dev.rondo.store to org.jdbi.v3.core, org.jdbi.v3.sqlobject; // DAO proxies, row mapping to records, .sql files
}
