package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Spells out a destructuring pattern whose defaults await as one statement per entry, in order: read the
 * key or index, apply the default when the value is {@code null} (a missing key or index reads as
 * {@code null}), then declare the name. Entries with no await inside keep the compact form
 * {@code let target = source.key ?? default}.
 */
final class Destructuring {

    private final ExprLowering exprs;
    private final Temps temps;
    private final AwaitSearch awaits;

    Destructuring(ExprLowering exprs, Temps temps, AwaitSearch awaits) {
        this.exprs = exprs;
        this.temps = temps;
        this.awaits = awaits;
    }

    /** Declares the names of {@code pattern} from the value of {@code source}, a temporary. */
    void bind(Pattern pattern, Expr.Identifier source, boolean constant, List<Stmt> out) {
        switch (pattern) {
            case Pattern.Name name -> out.add(new Stmt.Let(name.span(), constant, name, source));
            case Pattern.ObjectPattern object -> {
                for (Pattern.PropTarget prop : object.props()) {
                    Expr read = new Expr.Member(prop.span(), source, prop.key(), false);
                    entry(prop.span(), prop.target(), prop.defaultValue(), read, constant, out);
                }
            }
            case Pattern.ArrayPattern array -> {
                List<Pattern.Element> elements = array.elements();
                for (int i = 0; i < elements.size(); i++) {
                    Pattern.Element element = elements.get(i);
                    if (element == null) {
                        continue;
                    }
                    Expr read = new Expr.Index(element.span(), source, new Expr.Literal(element.span(), (double) i),
                            false);
                    entry(element.span(), element.target(), element.defaultValue(), read, constant, out);
                }
            }
        }
    }

    private void entry(Span span, Pattern target, Expr fallback, Expr read, boolean constant, List<Stmt> out) {
        if (!awaits.in(fallback) && !awaits.in(target)) {
            Expr init = fallback == null ? read : new Expr.Logical(span, Expr.LogicalOp.COALESCE, read, fallback);
            out.add(new Stmt.Let(span, constant, target, init));
            return;
        }
        Expr value;
        if (awaits.in(fallback)) {
            Expr.Identifier slot = temps.spill(read, out);
            List<Stmt> missing = new ArrayList<>();
            missing.add(Temps.assign(span, slot.name(), exprs.lower(fallback, missing)));
            out.add(new Stmt.If(span, Temps.isNull(slot), new Stmt.Block(span, missing), null));
            value = slot;
        } else {
            value = fallback == null ? read : new Expr.Logical(span, Expr.LogicalOp.COALESCE, read, fallback);
        }
        if (target instanceof Pattern.Name name) {
            out.add(new Stmt.Let(span, constant, name, value));
        } else {
            Expr.Identifier nested = Temps.isTemp(value) ? (Expr.Identifier) value : temps.spill(value, out);
            bind(target, nested, constant, out);
        }
    }
}
