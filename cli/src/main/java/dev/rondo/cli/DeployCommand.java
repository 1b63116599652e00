package dev.rondo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rondo.client.Deployment;
import dev.rondo.client.RondoClient;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rondo deploy PATH...}: compiles and deploys, all or nothing, and says what changed. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Compile and deploy .flow files and folders (a folder's workflows are named by their path below it).",
                "All or nothing: any error is printed as file:line:col and nothing is deployed (exit 2).",
                "Prints each workflow's name, source hash, and whether new executions now start with a new version."})
final class DeployCommand extends ClientCommand {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = ".flow files or folders of them.")
    List<Path> paths;

    @Option(names = "--json", description = "Print a JSON array of {name, hash, changed}.")
    boolean json;

    @Override
    int run(RondoClient client) {
        List<Deployment> deployed = client.deploy(paths.toArray(Path[]::new));
        if (json) {
            ArrayNode array = JsonText.mapper().createArrayNode();
            deployed.forEach(d -> array.add(JsonText.object().put("name", d.name()).put("hash", d.hash()).put("changed", d.changed())));
            JsonText.print(out(), array);
        } else {
            Table table = new Table("NAME", "HASH", "CHANGED");
            deployed.forEach(d -> table.row(d.name(), d.hash().substring(0, 12), d.changed() ? "yes" : "no (already current)"));
            table.print(out());
        }
        return 0;
    }
}
