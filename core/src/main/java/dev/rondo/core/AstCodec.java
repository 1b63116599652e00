package dev.rondo.core;

import dev.rondo.core.ast.Program;
import dev.rondo.core.internal.codec.AstReader;
import dev.rondo.core.internal.codec.AstWriter;

/**
 * A compiled {@link Program} to and from JSON text. This is the form in which programs are cached in the
 * database and loaded by workers, which never see the {@code .flow} file and may run a newer Rondo than the
 * one that compiled it, so the format is versioned and every node kind has a short, stable tag.
 *
 * <pre>{@code
 * String json = AstCodec.toJson(program);
 * Program loaded = AstCodec.fromJson(json);   // loaded.equals(program)
 * }</pre>
 *
 * <h2>Format 1</h2>
 *
 * The document is {@code {"format":1,"file":"order.flow","body":[statement, ...]}}. {@code format} comes
 * first, so a reader rejects a version it does not know before reading anything else.
 *
 * <p>Every node is an object whose first member is its tag {@code "t"} and whose second is its span
 * {@code "s"}, an array {@code [line, column, endLine, endColumn]}. The other members are named after the
 * record components and come in the order of the table below. A member marked {@code ?} is left out when the
 * component is {@code null} (or {@code false} for a boolean); every other member is always present. The
 * reader accepts exactly this shape: members out of order, missing, unknown or of the wrong JSON type are
 * errors. Store the text as {@code text} or {@code json}, not {@code jsonb}, which reorders members.
 *
 * <table>
 * <caption>Tags and members</caption>
 * <tr><th>Record</th><th>Tag</th><th>Members after {@code t}, {@code s}</th></tr>
 * <tr><td>Expr.Literal</td><td>Lit</td><td>value, or nonFinite (see below)</td></tr>
 * <tr><td>Expr.Template</td><td>Tpl</td><td>strings [string], exprs [expr]</td></tr>
 * <tr><td>Expr.Identifier</td><td>Id</td><td>name</td></tr>
 * <tr><td>Expr.ArrayLit</td><td>Arr</td><td>elements [expr]</td></tr>
 * <tr><td>Expr.ObjectLit</td><td>Obj</td><td>props [prop]</td></tr>
 * <tr><td>Expr.Spread</td><td>Spread</td><td>value</td></tr>
 * <tr><td>Expr.Unary</td><td>Un</td><td>op, operand</td></tr>
 * <tr><td>Expr.Binary</td><td>Bin</td><td>op, left, right</td></tr>
 * <tr><td>Expr.Logical</td><td>Log</td><td>op, left, right</td></tr>
 * <tr><td>Expr.Conditional</td><td>Cond</td><td>test, then, otherwise</td></tr>
 * <tr><td>Expr.Member</td><td>Mem</td><td>object, name, optional?</td></tr>
 * <tr><td>Expr.Index</td><td>Idx</td><td>object, index, optional?</td></tr>
 * <tr><td>Expr.Call</td><td>Call</td><td>callee, args [expr], optional?</td></tr>
 * <tr><td>Expr.OptionalChain</td><td>Chain</td><td>chain</td></tr>
 * <tr><td>Expr.Await</td><td>Await</td><td>operand</td></tr>
 * <tr><td>Expr.KeyProp</td><td>KeyP</td><td>key (string), value</td></tr>
 * <tr><td>Expr.ComputedProp</td><td>CompP</td><td>key (expr), value</td></tr>
 * <tr><td>Expr.SpreadProp</td><td>SpreadP</td><td>value</td></tr>
 * <tr><td>Pattern.Name</td><td>PName</td><td>name</td></tr>
 * <tr><td>Pattern.ObjectPattern</td><td>PObj</td><td>props [property target]</td></tr>
 * <tr><td>Pattern.ArrayPattern</td><td>PArr</td><td>elements [element, or null for a hole]</td></tr>
 * <tr><td>Pattern.PropTarget</td><td>(no tag)</td><td>key, target, defaultValue?</td></tr>
 * <tr><td>Pattern.Element</td><td>(no tag)</td><td>target, defaultValue?</td></tr>
 * <tr><td>Stmt.ExprStmt</td><td>ExprS</td><td>expr</td></tr>
 * <tr><td>Stmt.Let</td><td>Let</td><td>constant?, target, init?</td></tr>
 * <tr><td>Stmt.Assign</td><td>Assign</td><td>target, op, value</td></tr>
 * <tr><td>Stmt.Block</td><td>Block</td><td>body [stmt]</td></tr>
 * <tr><td>Stmt.If</td><td>If</td><td>test, then, otherwise?</td></tr>
 * <tr><td>Stmt.While</td><td>While</td><td>test, body</td></tr>
 * <tr><td>Stmt.DoWhile</td><td>DoWhile</td><td>body, test</td></tr>
 * <tr><td>Stmt.For</td><td>For</td><td>init?, test?, update?, body</td></tr>
 * <tr><td>Stmt.ForEach</td><td>ForEach</td><td>keys?, constant?, target, iterable, body</td></tr>
 * <tr><td>Stmt.Labeled</td><td>Labeled</td><td>label, body</td></tr>
 * <tr><td>Stmt.Break</td><td>Break</td><td>label?</td></tr>
 * <tr><td>Stmt.Continue</td><td>Continue</td><td>label?</td></tr>
 * <tr><td>Stmt.Return</td><td>Return</td><td>value?</td></tr>
 * <tr><td>Stmt.Throw</td><td>Throw</td><td>value</td></tr>
 * <tr><td>Stmt.Try</td><td>Try</td><td>body (a Block), param?, handler? (a Block), finalizer? (a Block)</td></tr>
 * <tr><td>Stmt.Switch</td><td>Switch</td><td>discriminant, cases [case]</td></tr>
 * <tr><td>Stmt.Case</td><td>(no tag)</td><td>test?, body [stmt]</td></tr>
 * <tr><td>Stmt.AwaitStmt</td><td>AwaitS</td><td>target?, operand</td></tr>
 * </table>
 *
 * <p>Untagged objects stand where only their kind can stand, and start with {@code s}. Operators are
 * written as their symbol ({@code "+"}, {@code "typeof"}, {@code "??="}). A literal's {@code value} is JSON
 * {@code null}, {@code true}/{@code false}, a number or a string. A number is written as
 * {@link Double#toString(double)} writes it ({@code 42.0}, {@code 1.0E300}, {@code -0.0}), which reads back
 * to the same bits, and is always read back as a {@link Double}. JSON has no NaN or infinity, so such a
 * number is written as {@code "nonFinite":"NaN"}, {@code "Infinity"} or {@code "-Infinity"} in place of
 * {@code value}.
 *
 * <p>Strings may hold any UTF-16 text, including lone surrogates, which UTF-8 (and so PostgreSQL) cannot
 * hold. Therefore every surrogate code unit, paired or not, is written as a JSON escape (an emoji as
 * <code>"&#92;uD83D&#92;uDE00"</code>), control characters as JSON requires, and every other character as
 * itself: the text is always valid Unicode, and reads back to the same UTF-16 code units.
 *
 * <p>Trees up to 10,000 JSON levels deep are handled (the compiler stops near 500 AST levels, which take at
 * most 4 JSON levels each); deeper input is refused with an {@link IllegalArgumentException}. A tree more than
 * 128 levels deep is walked on a short-lived thread with a large stack, since a default stack holds only
 * about 600 levels of some shapes. Both methods are thread-safe.
 */
public final class AstCodec {

    /** The format version written to and required in {@code "format"}. */
    public static final int FORMAT_VERSION = 1;

    private AstCodec() {}

    /**
     * The JSON text of {@code program}; the same program always gives the same text.
     *
     * @throws IllegalArgumentException if the program is not a valid tree: a required part is {@code null},
     *     or a literal holds something other than {@code null}, a Boolean, a Double or a String
     */
    public static String toJson(Program program) {
        return AstWriter.write(program);
    }

    /**
     * The program written by {@link #toJson}.
     *
     * @throws IllegalArgumentException if {@code json} is not a format {@value #FORMAT_VERSION} program; the
     *     message says what was wrong and where, as a path such as {@code $.body[2].test.left}
     */
    public static Program fromJson(String json) {
        return AstReader.read(json);
    }
}
