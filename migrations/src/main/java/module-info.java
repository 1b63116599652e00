/** Rondo's schema: Flyway migrations and the one-query check that skips Flyway when the schema is current. */
module dev.rondo.migrations {
    requires transitive java.sql;
    requires flyway.core; // no module name of its own: the name Java derives from flyway-core-*.jar

    exports dev.rondo.migrations;
    opens db.migration; // the SQL files Flyway scans for
}
