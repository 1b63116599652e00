/**
 * The Flow language (compiler, interpreter, values, checkpoints) and the vocabulary every other module
 * shares: {@link dev.rondo.core.RondoException}, {@link dev.rondo.core.ExecutionStatus}, the durable rules
 * of ids, keys and retries. No database.
 */
module dev.rondo.core {
    requires dev.rondo.grammar;
    requires org.objectweb.asm;
    requires transitive com.fasterxml.jackson.databind;

    exports dev.rondo.core;
    exports dev.rondo.core.ast;
    exports dev.rondo.core.value;
    /* The local driver that runs a program without a database: the test kit's and `rondo run --mock`'s. */
    exports dev.rondo.core.driver;
}
