package dev.rondo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.client.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every example flow compiles and is named after its path under {@code flows/}. */
class FlowsTest {

    @Test
    void everyExampleFlowCompilesUnderItsFolderName() {
        try (ExampleEngine engine = new ExampleEngine("flows")) {
            List<String> names = engine.rondo.deploy(Examples.flows()).stream().map(Deployment::name).sorted().toList();
            assertEquals(List.of("approval/request", "batch/thumbnails", "billing/invoices", "orders/process",
                    "reports/monthly", "reports/nightly", "reports/region"), names);
        }
    }
}
