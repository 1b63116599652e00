package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.value.FlowObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Variables read from a checkpoint: the locals of every open scope, outermost first, exactly. */
class VariablesTest {

    private static String checkpointAt(String source) {
        Compilation compilation = FlowCompiler.compile("vars.flow", source);
        assertTrue(compilation.ok(), () -> compilation.diagnostics().toString());
        Execution execution = Execution.start(Executable.of(compilation.program()), new FlowObject(),
                Execution.context("e1", "vars", "default", null, "2026-01-01T00:00:00Z"), Limits.DEFAULTS);
        assertTrue(execution.run(List.of(), 0).suspended());
        return execution.checkpointJson();
    }

    private static String render(Variables variables) {
        StringBuilder out = new StringBuilder();
        for (Variables.Scope scope : variables.scopes()) {
            for (Variables.Variable v : scope.variables()) {
                out.append(scope.depth()).append(' ').append(v.name()).append('=').append(v.json()).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void theLocalsOfEveryOpenScopeOutermostFirst() {
        String source = """
                let order = {id: "o-1", total: 12.5, lines: [1, 2]}
                let later
                for (let i = 0; i < 3; i++) {
                  let label = `step ${i}`
                  if (i == 1) {
                    let p = Timer.delay(5)
                    await p
                  }
                }
                """;
        Variables variables = Variables.fromCheckpoint(checkpointAt(source));
        assertEquals("""
                0 order={"id":"o-1","total":12.5,"lines":[1,2]}
                0 later=null
                1 i=1
                2 label="step 1"
                3 p={"$promise":0}
                """, render(variables));
    }

    @Test
    void textOutsideAsciiIsEscapedAndKeyOrderKept() {
        Variables variables = Variables.fromCheckpoint(checkpointAt("let s = {b: \"é\", a: -0}\nawait Timer.delay(1)\n"));
        assertEquals("0 s={\"b\":\"\\u00E9\",\"a\":-0.0}\n", render(variables));
    }

    @Test
    void noCheckpointIsNothingAndABadOneIsRefused() {
        assertTrue(Variables.fromCheckpoint(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Variables.fromCheckpoint("{\"format\":99,\"path\":[]}"));
    }
}
