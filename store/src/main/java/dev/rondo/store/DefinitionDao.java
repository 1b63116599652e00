package dev.rondo.store;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes deployed workflow versions (SQL in {@code DefinitionDao/*.sql} beside this class). */
public interface DefinitionDao {

    /** Stores a version unless that exact (name, hash) is already stored; a stored version never changes. */
    @SqlUpdate("insert_definition")
    void insertDefinition(@Bind("name") String name, @Bind("hash") String hash, @Bind("source") String source,
                          @Bind("ast") String ast);

    /** Makes {@code hash} the version new executions of {@code name} start with; 1 when that changed something. */
    @SqlUpdate("set_head")
    int setHead(@Bind("name") String name, @Bind("hash") String hash);
}
