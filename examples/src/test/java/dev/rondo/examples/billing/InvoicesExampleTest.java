package dev.rondo.examples.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.WorkflowResult;
import dev.rondo.examples.ExampleEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code billing/invoices.flow}: a per-customer concurrency limit of 1, with customers side by side. */
class InvoicesExampleTest {

    private final PaymentProvider payments = new PaymentProvider();
    private final ExampleEngine engine = new ExampleEngine("invoices");

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void neverChargesOneCustomerTwiceAtOnceButChargesCustomersSideBySide() {
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            invoices.add("{\"id\": \"inv-%d\", \"customer\": \"c%d\", \"cents\": %d}".formatted(i, i % 4, 100 + i));
        }
        WorkflowResult result = engine.worker(payments::register)
                .run("billing/invoices", "{\"invoices\": [" + String.join(",", invoices) + "]}");
        assertTrue(result.completed(), String.valueOf(result));
        assertTrue(result.resultJson().contains("\"charge\":\"ch_inv-23\""), result.resultJson());
        assertEquals(1, payments.mostInFlightPerCustomer());
        assertTrue(payments.mostInFlight() > 1, "customers were charged side by side: " + payments.mostInFlight());
    }
}
