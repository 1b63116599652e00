package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.List;

/**
 * The temporaries of await lowering, {@code %1}, {@code %2}, …: never valid identifiers, so they cannot clash
 * with a program's names, and unique within one program, so leaving one visible a little longer than needed
 * is harmless. Also builds the few statement shapes lowering makes.
 */
final class Temps {

    private int count;

    String fresh() {
        return "%" + ++count;
    }

    /** Stores {@code value} in a new temporary right away and gives the expression that reads it. */
    Expr.Identifier spill(Expr value, List<Stmt> out) {
        String name = fresh();
        out.add(declare(value.span(), name, value));
        return new Expr.Identifier(value.span(), name);
    }

    static boolean isTemp(Expr expr) {
        return expr instanceof Expr.Identifier id && id.name().startsWith("%");
    }

    /** A value that is the same wherever in the statement it is read: locals change only between statements. */
    static boolean stable(Expr expr) {
        return expr instanceof Expr.Literal || expr instanceof Expr.Identifier;
    }

    static Stmt.Let declare(Span span, String name, Expr init) {
        return new Stmt.Let(span, false, new Pattern.Name(span, name), init);
    }

    static Stmt.Assign assign(Span span, String name, Expr value) {
        return new Stmt.Assign(span, new Expr.Identifier(span, name), Stmt.AssignOp.ASSIGN, value);
    }

    static Expr not(Expr value) {
        return new Expr.Unary(value.span(), Expr.UnaryOp.NOT, value);
    }

    static Expr isNull(Expr value) {
        return new Expr.Binary(value.span(), Expr.BinaryOp.STRICT_EQUAL, value, new Expr.Literal(value.span(), null));
    }

    static Expr isNotNull(Expr value) {
        return new Expr.Binary(value.span(), Expr.BinaryOp.STRICT_NOT_EQUAL, value,
                new Expr.Literal(value.span(), null));
    }
}
