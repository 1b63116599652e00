/** The Flow grammar's generated lexer and parser; only the compiler in core reads them. */
module dev.rondo.grammar {
    requires transitive org.antlr.antlr4.runtime;

    exports dev.rondo.grammar to dev.rondo.core;
}
