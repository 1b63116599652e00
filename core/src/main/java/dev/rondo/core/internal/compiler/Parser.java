package dev.rondo.core.internal.compiler;

import dev.rondo.core.Diagnostic;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.internal.DeepStack;
import java.util.List;
import java.util.function.Supplier;
import org.antlr.v4.runtime.Token;

/**
 * Source text to the (not yet lowered) AST, with readable syntax errors.
 *
 * <p>The stages: refuse a file over {@link SourceLimits#MAX_BYTES}; lex, reporting bad characters, strings,
 * comments and numbers ({@link Lexing}); refuse nesting deeper than the recursive parser can take
 * ({@link NestingGuard}); apply JavaScript's restricted productions ({@link RestrictedProductions}); parse
 * ({@link SyntaxParsing}); build the AST ({@link AstBuilder}), on a thread with a large stack when the
 * program nests deeply ({@link DeepStack}). Every error of every stage is reported, and no input makes
 * this method throw or run for long.
 */
public final class Parser {

    /** Up to this nesting, the caller's stack is enough (even a 256 KiB one): deeper programs parse on a {@link DeepStack}. */
    static final int INLINE_DEPTH = 40;

    /** The statements, or no statements and every error found. */
    public record Result(List<Stmt> body, List<Diagnostic> diagnostics) {}

    private Parser() {}

    public static Result parse(String file, String source) {
        String tooLarge = SourceLimits.sizeError(SourceLimits.utf8Size(source));
        if (tooLarge != null) {
            return new Result(List.of(), List.of(new Diagnostic(file, 1, 1, tooLarge)));
        }
        String text = normalizeLineBreaks(source);
        SourcePositions positions = new SourcePositions(text);
        Reporter reporter = new Reporter(file, positions);
        Lexing.Tokens tokens = Lexing.lex(text, reporter);
        int nesting = NestingGuard.check(tokens.list(), reporter);
        if (nesting < 0) {
            return new Result(List.of(), reporter.sorted());
        }
        List<Token> prepared = RestrictedProductions.apply(tokens.list(), positions);
        Supplier<List<Stmt>> stages = () -> parseAndBuild(prepared, reporter, positions, tokens.unterminatedAtEnd());
        List<Stmt> body = nesting <= INLINE_DEPTH ? stages.get() : DeepStack.run("flow-compiler", stages);
        return reporter.hasErrors() ? new Result(List.of(), reporter.sorted()) : new Result(List.copyOf(body), List.of());
    }

    private static List<Stmt> parseAndBuild(List<Token> tokens, Reporter reporter, SourcePositions positions,
            boolean endAlreadyReported) {
        try {
            SyntaxParsing.Tree tree = SyntaxParsing.parse(tokens, reporter, positions, endAlreadyReported);
            return new AstBuilder(reporter, positions, tree.broken()).program(tree.program());
        } catch (StackOverflowError e) {
            // Not expected (see DeepStack), but if it happens: the overflow may have cut an update of the
            // prediction cache that all parsers share, so that cache is dropped.
            SyntaxParsing.forgetCachedPredictions();
            reporter.at(1, 1, "The program nests too deeply to compile.");
            return List.of();
        }
    }

    /**
     * CR LF and lone CR become LF, so that ANTLR counts lines as editors do and template literals hold the
     * same text on every platform (as in JavaScript, whose templates normalize line breaks the same way).
     */
    private static String normalizeLineBreaks(String source) {
        if (source.indexOf('\r') < 0) {
            return source;
        }
        return source.replace("\r\n", "\n").replace('\r', '\n');
    }
}
