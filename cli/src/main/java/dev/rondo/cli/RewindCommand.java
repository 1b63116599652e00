package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rondo rewind ID --to STEP}: an execution goes on from the checkpoint of an earlier await. */
@Command(name = "rewind", mixinStandardHelpOptions = true,
        description = {"Make waiting, paused or failed execution ID go on from step STEP of its checkpoint history"
                + " ('rondo steps ID' lists them). What it started since is not undone; its history says what.",
                "Exit 1 when the execution does not exist, cannot be rewound, or has no such step."})
final class RewindCommand extends ExecutionCommand {

    @Option(names = "--to", required = true, paramLabel = "STEP", description = "The step to go back to.")
    int step;

    @Option(names = "--json", description = "Print {\"id\": …, \"step\": …, \"rewound\": true|false} (false: it stood there already).")
    boolean json;

    @Override
    void checkArguments() {
        if (step < 1) {
            throw new UsageException("--to: steps are numbered from 1, not " + step + "; 'rondo steps " + id + "' lists them");
        }
    }

    @Override
    int run(RondoClient client, WorkflowHandle execution) {
        boolean rewound = execution.rewind(step);
        if (json) {
            JsonText.print(out(), JsonText.object().put("id", id).put("step", step).put("rewound", rewound));
        } else {
            out().println(rewound ? "rewound " + id + " to step " + step : id + " stands at step " + step + " already");
        }
        return 0;
    }
}
