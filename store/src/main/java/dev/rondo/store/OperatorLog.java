package dev.rondo.store;

import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records operator actions (pause, retry, rewind, cancel, …) in the execution's history, in the caller's
 * transaction (SQL in {@code OperatorLog/record.sql}). The history row's kind is {@code operator.<action>};
 * its detail is a JSON object that names who asked ({@code "by"}) and what the action did.
 */
public final class OperatorLog {

    private static final Sql RECORD = Sql.load("OperatorLog/record.sql");

    private final Connection connection;

    public OperatorLog(Connection connection) {
        this.connection = connection;
    }

    /**
     * Adds {@code operator.<action>} to the history of {@code executionId}, with the detail
     * {@code {"by": operator, …facts}} ({@code facts} in their order, e.g. {@code "to": "step 3"}).
     */
    public void record(String executionId, String action, String operator, Map<String, String> facts)
            throws SQLException {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("by", operator);
        detail.putAll(facts);
        try (Sql.Bound s = RECORD.prepare(connection).text("id", executionId).text("action", action)
                .text("detail", Json.write(new FlowObject(detail)))) {
            s.update();
        }
    }
}
