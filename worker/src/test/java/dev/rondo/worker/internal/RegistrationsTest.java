package dev.rondo.worker.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rondo.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationsTest {

    @Test
    void onlyWorkersStaticInitializerGrantsAccess() throws ClassNotFoundException {
        Class.forName(Worker.class.getName()); // initialised: it has granted
        assertThrows(IllegalStateException.class, () -> Registrations.grant(builder -> List.of()));
    }
}
