package dev.rondo.core.value;

/**
 * A Flow promise: an opaque handle on an entry of the execution's promise table (a task, child workflow,
 * timer, signal wait or combinator). Ids are unique within one execution.
 */
public record PromiseRef(int id) {

    @Override
    public String toString() {
        return "[promise]";
    }
}
