package dev.rondo.core.ast;

import java.util.List;

/**
 * A compiled workflow: the lowered statements of its body, ready to interpret. This is what is cached
 * (as JSON, see {@code dev.rondo.core.AstCodec}) and what workers load by hash; they never see the
 * {@code .flow} file. {@code file} is the source file name used in error messages.
 */
public record Program(String file, List<Stmt> body) {}
