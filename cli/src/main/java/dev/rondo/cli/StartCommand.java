package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.Identifiers;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rondo start NAME}: starts a deployed workflow and prints the execution id. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start a deployed workflow and print its execution id.",
                "Workers serving its queue run it ('rondo worker', or your own Worker)."})
final class StartCommand extends ClientCommand {

    @Parameters(paramLabel = "NAME", description = "The workflow's name (its path without .flow, as deployed).")
    String name;

    @Option(names = "--input", paramLabel = "JSON|@FILE", description = "The workflow's input (default {}).")
    String input;

    @Option(names = "--id", paramLabel = "ID", description = "The execution id; starting again with the same id starts nothing and prints it again.")
    String id;

    @Option(names = "--queue", paramLabel = "QUEUE", defaultValue = StartOptions.DEFAULT_QUEUE, description = "The queue whose workers run it (default: ${DEFAULT-VALUE}).")
    String queue;

    @Option(names = "--priority", paramLabel = "N", defaultValue = "0", description = "Higher runs first (default 0).")
    int priority;

    @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "0", description = "Wait this long before it may start (default 0).")
    double delaySeconds;

    @Option(names = "--attr", paramLabel = "KEY=VALUE", description = "A searchable attribute (repeatable), such as customer=c-42; `rondo list --where customer=c-42` finds it.")
    java.util.List<String> attributes = new java.util.ArrayList<>();

    @Option(names = "--concurrency-key", paramLabel = "KEY",
            description = "Run at most --concurrency-limit workflows of this key at once (docs/scheduling.md); over it, this one waits.")
    String concurrencyKey;

    @Option(names = "--concurrency-limit", paramLabel = "N|NAME", defaultValue = "1",
            description = "With --concurrency-key: a number, or the name of a declared concurrency limit (default ${DEFAULT-VALUE}).")
    String concurrencyLimit;

    @Option(names = "--concurrency", paramLabel = "NAME",
            description = "The declared concurrency limit NAME ('rondo limit set NAME --concurrency N'), NAME also the key.")
    String concurrency;

    @Option(names = "--rate-limit", paramLabel = "KEY=PER_SECOND|NAME|KEY=NAME",
            description = {"Admit at most PER_SECOND workflows of KEY in any one-second window (docs/scheduling.md); over it, this one waits.",
                    "NAME alone: the declared rate limit NAME ('rondo limit set NAME --per-second N'), its key NAME; KEY=NAME: KEY at the rate NAME declares."})
    String rateLimit;

    @Option(names = "--debounce", paramLabel = "KEY=SECONDS",
            description = "Debounce on KEY (docs/scheduling.md): starts of KEY within SECONDS of the window's first make one execution, run when the window closes with the last input; prints its id.")
    String debounce;

    @Option(names = "--debounce-keep-first", description = "With --debounce: the window's first input wins instead of the last.")
    boolean debounceKeepFirst;

    @Option(names = "--debounce-max-wait", paramLabel = "SECONDS",
            description = "With --debounce: the window trails; each start pushes the run back to SECONDS (of --debounce) after it, never past this many seconds after the window's first start.")
    Double debounceMaxWait;

    @Option(names = "--fairness", paramLabel = "KEY[:WEIGHT]",
            description = "Take turns with the queue's other fairness keys (docs/scheduling.md), WEIGHT turns a round (1 to 100, default 1), such as acme or acme:3.")
    String fairness;

    @Option(names = "--json", description = "Print {\"id\": …}.")
    boolean json;

    private String inputJson;
    private StartOptions options;

    @Override
    void check() {
        Identifiers.require(Identifiers.Kind.WORKFLOW_NAME, name);
        inputJson = input == null ? "{}" : JsonText.argument("--input", input);
        if (delaySeconds < 0) {
            throw new UsageException("--delay cannot be negative: " + delaySeconds);
        }
        options = StartOptions.DEFAULT.withQueue(queue).withId(id).withPriority(priority)
                .withDelay(Duration.ofMillis(Math.round(delaySeconds * 1000))).withAttributes(attributes());
        if (concurrencyKey != null && concurrency != null) {
            throw new UsageException("give --concurrency NAME or --concurrency-key KEY [--concurrency-limit N|NAME], not both");
        }
        if (concurrency != null) {
            options = options.withConcurrency(concurrency);
        } else if (concurrencyKey != null) {
            Integer n = integer(concurrencyLimit);
            options = n != null ? options.withConcurrency(concurrencyKey, n) : options.withConcurrency(concurrencyKey, concurrencyLimit);
        }
        if (rateLimit != null) {
            int eq = rateLimit.lastIndexOf('=');
            if (eq < 0) {
                options = options.withRateLimit(rateLimit); // a declared limit's name
            } else {
                String value = rateLimit.substring(eq + 1);
                Integer perSecond = integer(value);
                if (eq == 0 || value.isEmpty() || (perSecond != null && perSecond < 1)) {
                    throw new UsageException("--rate-limit takes KEY=PER_SECOND with PER_SECOND an integer of 1 or more, such as"
                            + " stripe=20, or a declared limit's NAME, or KEY=NAME; got '" + rateLimit + "'.");
                }
                String key = rateLimit.substring(0, eq);
                options = perSecond != null ? options.withRateLimit(key, perSecond) : options.withRateLimit(key, value);
            }
        }
        if (fairness != null) {
            options = withFairness(options, fairness);
        }
        if (debounce != null) {
            int eq = debounce.lastIndexOf('=');
            double seconds;
            try {
                seconds = eq <= 0 ? Double.NaN : Double.parseDouble(debounce.substring(eq + 1));
            } catch (NumberFormatException e) {
                seconds = Double.NaN;
            }
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new UsageException("--debounce takes KEY=SECONDS with SECONDS more than 0, such as sync-c-42=30; got '" + debounce + "'.");
            }
            Duration window = millis(seconds);
            String key = debounce.substring(0, eq);
            if (debounceMaxWait != null) {
                if (!(debounceMaxWait > 0) || debounceMaxWait.isInfinite()) {
                    throw new UsageException("--debounce-max-wait takes SECONDS more than 0; got '" + debounceMaxWait + "'.");
                }
                Duration max = millis(debounceMaxWait);
                options = debounceKeepFirst ? options.withDebounceKeepingFirst(key, window, max) : options.withDebounce(key, window, max);
            } else {
                options = debounceKeepFirst ? options.withDebounceKeepingFirst(key, window) : options.withDebounce(key, window);
            }
        } else if (debounceKeepFirst || debounceMaxWait != null) {
            throw new UsageException((debounceKeepFirst ? "--debounce-keep-first" : "--debounce-max-wait") + " needs --debounce KEY=SECONDS.");
        }
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(seconds, 1e12) * 1000)));
    }

    /** The text as an integer, or null when it is not one (then it is a limit's name). */
    private static Integer integer(String text) {
        if (!text.matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(text);
    }

    /** KEY or KEY:WEIGHT; a key may hold ':' itself, the part after the last one is the weight when it is an integer. */
    static StartOptions withFairness(StartOptions options, String fairness) {
        int colon = fairness.lastIndexOf(':');
        String key = fairness;
        int weight = 1;
        if (colon >= 0 && fairness.substring(colon + 1).matches("-?[0-9]{1,9}")) {
            key = fairness.substring(0, colon);
            weight = Integer.parseInt(fairness.substring(colon + 1));
        }
        if (key.isEmpty() || key.length() > StartOptions.MAX_FAIR_KEY || weight < 1 || weight > StartOptions.MAX_FAIR_WEIGHT) {
            throw new UsageException("--fairness takes KEY or KEY:WEIGHT, KEY 1 to " + StartOptions.MAX_FAIR_KEY
                    + " characters and WEIGHT an integer from 1 to " + StartOptions.MAX_FAIR_WEIGHT + ", such as acme:3; got '"
                    + fairness + "'.");
        }
        return options.withFairness(key, weight);
    }

    private java.util.Map<String, String> attributes() {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String pair : attributes) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--attr takes KEY=VALUE, such as customer=c-42; got '" + pair + "'.");
            }
            if (map.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw new UsageException("--attr " + pair.substring(0, eq) + " is given twice.");
            }
        }
        return map;
    }

    @Override
    int run(RondoClient client) {
        WorkflowHandle handle = client.start(name, inputJson, options);
        if (json) {
            JsonText.print(out(), JsonText.object().put("id", handle.id()));
        } else {
            out().println(handle.id());
        }
        return 0;
    }
}
