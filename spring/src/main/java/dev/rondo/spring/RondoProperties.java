package dev.rondo.spring;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code rondo.*} properties.
 *
 * <pre>
 * rondo.flows.locations=classpath:flows        # deployed when the RondoClient bean is made (none by default)
 * rondo.worker.enabled=true                    # false: a client only, no worker in this application
 * rondo.worker.queues=default,orders           # the queues this application's worker serves (default: default)
 * rondo.worker.concurrency=16                  # slices and task attempts at once (default: the Worker's, 16)
 * rondo.worker.shutdown-timeout=30s            # how long shutdown waits for running work before interrupting it
 * </pre>
 *
 * @param flows  the {@code .flow} files to deploy at start
 * @param worker the worker this application runs
 */
@ConfigurationProperties("rondo")
public record RondoProperties(@DefaultValue Flows flows, @DefaultValue Worker worker) {

    /**
     * @param locations files and folders, as Spring resource locations ({@code classpath:flows},
     *                  {@code file:/srv/flows}); a folder's workflows are named by their path below it
     */
    public record Flows(@DefaultValue List<String> locations) {}

    /**
     * @param enabled         whether this application runs a worker
     * @param queues          the queues it claims from; empty means the Worker's default ({@code default})
     * @param concurrency     slices and task attempts at once; null means the Worker's default
     * @param lease           how long a claimed item stays this worker's without renewal; null means the Worker's default
     * @param id              the worker's id; null means host, process id and a random suffix
     * @param shutdownTimeout how long stopping the application waits for running work before interrupting
     *                        the task handlers that are still running
     */
    public record Worker(@DefaultValue("true") boolean enabled, @DefaultValue List<String> queues, Integer concurrency,
                         Duration lease, String id, @DefaultValue("30s") Duration shutdownTimeout) {}
}
