package dev.rondo.client;

import java.util.List;

/**
 * How far a {@link RondoClient#bulk} run got: of the {@code matched} executions examined, {@code changed} were
 * changed, {@code unchanged} needed nothing (already paused, say) and {@code refused} did not take the action
 * (ended meanwhile, or a status it does not apply to); {@code batches} batches ran. {@code cursor} is the
 * last execution examined: pass it as {@link BulkOptions#withResumeAfter} to go on after an interruption
 * ({@code interrupted}). {@code sample} holds the first ids matched (all of them with a dry run, up to
 * {@link BulkOptions#SAMPLE_SIZE}) and {@code refusals} the first refusals' messages.
 */
public record BulkResult(BulkAction action, boolean dryRun, long matched, long changed, long unchanged, long refused,
                         int batches, String cursor, boolean interrupted, List<String> sample, List<String> refusals) {

    public BulkResult {
        sample = List.copyOf(sample);
        refusals = List.copyOf(refusals);
    }
}
