package dev.rondo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The flows and the handler class of {@link OrderFlowTest}, on the real engine: a {@code RondoClient} and
 * a {@code Worker} on the schema {@link RondoDatabase} gives. The same inputs give the same result.
 */
@RondoDatabase
class EndToEndTest {

    @Test
    void theOrderRunsOnTheEngineAsInTheVirtualTest(DataSource dataSource) {
        ChargeHandler charges = new ChargeHandler();
        RondoClient rondo = RondoClient.create(dataSource);
        rondo.deploy(OrderFlowTest.FLOWS);
        try (Worker worker = Worker.builder(dataSource)
                .task("quote", (input, ctx) -> Map.of("price", 12.5))
                .task("label", (input, ctx) -> Map.of("tracking", "T-" + input.get("orderId").asText()))
                .task("charge", ChargeHandler.Charge.class, charges)
                .build()
                .start()) {
            WorkflowHandle order = rondo.start("orders/process", "{\"orderId\": \"o-7\", \"sku\": \"tea\"}",
                    StartOptions.DEFAULT.withId("order-o-7"));
            order.signal("approve", "{\"by\": \"ada\"}");

            WorkflowResult result = order.result(Duration.ofSeconds(60));

            assertEquals(ExecutionStatus.COMPLETED, result.status(), () -> String.valueOf(result.error()));
            assertEquals(new OrderFlowTest.Result("done", "ch-o-7", "T-o-7"), result.resultAs(OrderFlowTest.Result.class));
            assertEquals(List.of("quoted 12.5", "shipped T-o-7"), order.logs(0));
            assertEquals(List.of("order-o-7/charge"), charges.keys);
        }
    }
}
