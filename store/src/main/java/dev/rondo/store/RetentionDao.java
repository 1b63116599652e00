package dev.rondo.store;

import java.time.Instant;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Deletes finished execution trees for retention (SQL in {@code RetentionDao/*.sql}). */
public interface RetentionDao {

    /** What one batch did: roots looked at, roots deleted, and the last root looked at (the next cursor). */
    record Batch(long examined, long deleted, Instant lastFinishedAt, String lastId) {}

    @SqlQuery("cutoff")
    Instant cutoff(@Bind("olderThanSeconds") double olderThanSeconds);

    @SqlQuery("prune_batch")
    @RegisterConstructorMapper(Batch.class)
    Batch pruneBatch(@Bind("cutoff") Instant cutoff, @Bind("workflow") String workflow,
                     @Bind("afterTime") Instant afterTime, @Bind("afterId") String afterId, @Bind("limit") int limit);

    @SqlQuery("count_prunable")
    long countPrunable(@Bind("cutoff") Instant cutoff, @Bind("workflow") String workflow);
}
