package dev.rondo.client;

import java.time.Instant;

/** A queue an operator paused ({@link RondoClient#pauseQueue}): who, when, and how many items wait in it. */
public record PausedQueue(String queue, String pausedBy, Instant pausedAt, long waiting) {}
