package dev.rondo.client;

/**
 * Something the caller asked of Rondo cannot be done; the message says what and, where the caller can
 * act, how. Subclasses carry the ids involved.
 */
public class RondoException extends RuntimeException {

    public RondoException(String message) {
        super(message);
    }

    public RondoException(String message, Throwable cause) {
        super(message, cause);
    }

    /** No workflow of that name has been deployed. */
    public static final class UnknownWorkflow extends RondoException {
        private final String workflow;

        public UnknownWorkflow(String workflow) {
            super("No workflow named '" + workflow + "' is deployed; deploy its .flow file first (RondoClient.deploy or 'rondo deploy').");
            this.workflow = workflow;
        }

        public String workflow() {
            return workflow;
        }
    }

    /** An input, result or payload that is not JSON or is too large. */
    public static final class InvalidPayload extends RondoException {
        public InvalidPayload(String message) {
            super(message);
        }
    }
}
