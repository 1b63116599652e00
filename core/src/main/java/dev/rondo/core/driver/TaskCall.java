package dev.rondo.core.driver;

import dev.rondo.core.TaskOptions;

/**
 * One attempt of a task that the in-process driver asks a {@link TaskAttempts} to answer.
 *
 * @param workflowId the execution id of the workflow that started the task
 * @param taskId     the task's own id, the same for every attempt ({@code <workflowId>.t<promise>}, {@link dev.rondo.core.ExecutionIds#task})
 * @param input      the input as a Flow value; {@code inputJson} is its JSON text
 * @param attempt    this attempt's number, from 1
 * @param atMillis   the virtual time the attempt starts, in epoch milliseconds
 */
public record TaskCall(String workflowId, String taskId, String name, Object input, String inputJson,
                       TaskOptions options, int attempt, long atMillis) {}
