package dev.rondo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rondo.client.Limits;
import dev.rondo.client.RondoClient;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rondo limit …}: named concurrency and rate limits, declared once and referred to by name (docs/scheduling.md). */
@Command(name = "limit", mixinStandardHelpOptions = true,
        description = {"Named limits: a concurrency limit or a rate limit declared once, which Task.run options",
                "({concurrency: \"ledger\"}, {rateLimit: \"stripe\"}) and 'rondo start' refer to by name. A change",
                "applies to work already waiting."},
        subcommands = {LimitCommand.Set.class, LimitCommand.ListLimits.class, LimitCommand.Delete.class})
final class LimitCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.INVALID;
    }

    /** {@code rondo limit set NAME (--per-second N | --concurrency N)}. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Create or change a named limit (one set by hand; a limits.json's are changed by deploying the file).")
    static final class Set extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The limit's name (and the key of the work that names it alone).")
        String name;

        @Option(names = "--per-second", paramLabel = "N", description = "A rate limit: at most N admissions in any one-second window.")
        Integer perSecond;

        @Option(names = "--concurrency", paramLabel = "N", description = "A concurrency limit: at most N at once.")
        Integer concurrency;

        @Option(names = "--json", description = "Print the limit as JSON.")
        boolean json;

        @Override
        void check() {
            if ((perSecond == null) == (concurrency == null)) {
                throw new UsageException("give --per-second N or --concurrency N (one of them)");
            }
            int value = perSecond != null ? perSecond : concurrency;
            if (value < 1) {
                throw new UsageException((perSecond != null ? "--per-second" : "--concurrency") + " must be 1 or more, not " + value);
            }
        }

        @Override
        int run(RondoClient client) {
            Limits.Limit limit = perSecond != null ? client.limits().setPerSecond(name, perSecond)
                    : client.limits().setConcurrency(name, concurrency);
            if (json) {
                JsonText.print(out(), node(limit));
            } else {
                out().println("Limit " + name + ": " + limit.what());
            }
            return 0;
        }
    }

    /** {@code rondo limit list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the named limits, with the work waiting on each.")
    static final class ListLimits extends ClientCommand {
        @Option(names = "--json", description = "Print a JSON array of limits.")
        boolean json;

        @Override
        int run(RondoClient client) {
            List<Limits.Limit> all = client.limits().list();
            if (json) {
                ArrayNode array = JsonText.mapper().createArrayNode();
                all.forEach(l -> array.add(node(l)));
                JsonText.print(out(), array);
            } else {
                Table table = new Table("NAME", "KIND", "LIMIT", "WAITING", "DECLARED BY");
                all.forEach(l -> table.row(l.name(), l.rate() ? "rate" : "concurrency", l.what(), String.valueOf(l.waiting()),
                        l.declared() ? "limits.json of " + String.join(", ", l.declaredFor()) : "hand (rondo limit set)"));
                table.print(out());
            }
            return 0;
        }
    }

    /** {@code rondo limit delete NAME}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a named limit set by hand. Work waiting on it keeps its number; new references to it fail.")
    static final class Delete extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The limit's name.")
        String name;

        @Option(names = "--json", description = "Print {\"deleted\": true|false}.")
        boolean json;

        @Override
        int run(RondoClient client) {
            boolean deleted = client.limits().delete(name);
            if (json) {
                JsonText.print(out(), JsonText.object().put("deleted", deleted));
            } else if (deleted) {
                out().println("Deleted limit " + name);
            } else {
                err().println("rondo: No limit is named '" + name + "'; 'rondo limit list' shows them.");
            }
            return deleted ? 0 : Main.FAILED;
        }
    }

    private static ObjectNode node(Limits.Limit l) {
        ObjectNode n = JsonText.object().put("name", l.name()).put("kind", l.rate() ? "rate" : "concurrency")
                .put(l.rate() ? "perSecond" : "concurrency", l.value()).put("waiting", l.waiting())
                .put("declared", l.declared()).put("updatedAt", l.updatedAt().toString());
        ArrayNode owners = n.putArray("declaredFor");
        l.declaredFor().forEach(owners::add);
        return n;
    }
}
