package dev.rondo.client;

/**
 * One workflow as deployed: its name, the SHA-256 of its source, and whether this deploy changed the
 * version new executions start with (false when that exact source was already current).
 */
public record Deployment(String name, String hash, boolean changed) {}
