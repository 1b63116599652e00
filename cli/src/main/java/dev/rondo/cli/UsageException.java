package dev.rondo.cli;

/** A bad argument found after parsing (bad JSON, an unreadable @file, …): printed as is, exit 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
