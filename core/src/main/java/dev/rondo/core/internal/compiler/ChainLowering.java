package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lowers a chain of property reads, index reads and method calls ({@code o.a[await k()].push(await x)}),
 * link by link from its root. Two things make chains special:
 * <ul>
 * <li>A method call changes the variable or property it is called on ({@code o.list.push(x)}), and an
 * assignment changes its target, so such a receiver or target must stay a path into the variable, never a
 * copy in a temporary. When a later await forces it to be evaluated early, its index expressions are
 * spilled and the path is read once, discarding the value, so a read that fails still fails first.</li>
 * <li>Inside an {@link Expr.OptionalChain}, an optional link whose rest awaits becomes an {@code if}
 * around the rest, so nothing after a {@code null} runs; the chain's value goes through a temporary.</li>
 * </ul>
 */
final class ChainLowering {

    private sealed interface Link {}

    private record Property(Expr.Member node) implements Link {}

    private record Element(Expr.Index node) implements Link {}

    private record Method(Expr.Call node, Expr.Member callee) implements Link {}

    private final ExprLowering exprs;
    private final Temps temps;
    private final AwaitSearch awaits;

    ChainLowering(ExprLowering exprs, Temps temps, AwaitSearch awaits) {
        this.exprs = exprs;
        this.temps = temps;
        this.awaits = awaits;
    }

    /** A chain read for its value; {@code wrapper} is the optional chain it is the content of, or {@code null}. */
    Expr value(Expr chain, List<Stmt> out, Expr.OptionalChain wrapper) {
        return walk(chain, out, wrapper, false);
    }

    /** An assignment target with its awaits lowered; it stays a path to the variable it changes. */
    Expr target(Expr target, List<Stmt> out) {
        return awaits.in(target) ? walk(target, out, null, true) : target;
    }

    /**
     * Makes an assignment target readable and writable after later statements: index expressions that are
     * not already stable go into temporaries, in order.
     */
    Expr stabilize(Expr place, List<Stmt> out) {
        return switch (place) {
            case Expr.Member m -> new Expr.Member(m.span(), stabilize(m.object(), out), m.name(), m.optional());
            case Expr.Index i -> {
                Expr object = stabilize(i.object(), out);
                Expr index = Temps.stable(i.index()) ? i.index() : temps.spill(i.index(), out);
                yield new Expr.Index(i.span(), object, index, i.optional());
            }
            default -> place;
        };
    }

    /** Reads {@code place} for the errors it may raise, unless reading it cannot fail. */
    static void probe(Expr place, List<Stmt> out) {
        if (place != null && !Temps.stable(place)) {
            out.add(new Stmt.ExprStmt(place.span(), place));
        }
    }

    private Expr walk(Expr chain, List<Stmt> out, Expr.OptionalChain wrapper, boolean assigned) {
        List<Link> links = new ArrayList<>();
        Expr root = chain;
        while (true) {
            if (root instanceof Expr.Member m) {
                links.add(new Property(m));
                root = m.object();
            } else if (root instanceof Expr.Index i) {
                links.add(new Element(i));
                root = i.object();
            } else if (root instanceof Expr.Call c && c.callee() instanceof Expr.Member m) {
                links.add(new Method(c, m));
                root = m.object();
            } else {
                break;
            }
        }
        Collections.reverse(links);
        boolean[] awaitsFrom = new boolean[links.size() + 1];
        for (int j = links.size() - 1; j >= 0; j--) {
            awaitsFrom[j] = awaitsFrom[j + 1] || linkAwaits(links.get(j));
        }

        Expr current = root instanceof Expr.Call call ? exprs.functionCall(call, out) : exprs.lower(root, out);
        List<Stmt> here = out;
        String result = null;
        boolean optionalLeft = root instanceof Expr.Call call && call.optional();
        for (int j = 0; j < links.size(); j++) {
            Link link = links.get(j);
            boolean optional = optional(link);
            // The null test of an optional link reads the object, raising its errors first: no probe needed.
            boolean probe = true;
            if (optional && wrapper != null && awaitsFrom[j]) {
                if (result == null) {
                    result = temps.fresh();
                    out.add(Temps.declare(wrapper.span(), result, null));
                }
                current = settle(current, here, link instanceof Method || pathToChange(links, j, assigned), false);
                List<Stmt> rest = new ArrayList<>();
                here.add(new Stmt.If(current.span(), Temps.isNotNull(current), new Stmt.Block(current.span(), rest),
                        null));
                here = rest;
                optional = false;
                probe = false;
            }
            switch (link) {
                case Property p -> current = new Expr.Member(p.node().span(), current, p.node().name(), optional);
                case Element e -> {
                    Expr index = e.node().index();
                    if (awaits.in(index)) {
                        current = settle(current, here, pathToChange(links, j, assigned), probe);
                        index = exprs.lower(index, here);
                    }
                    current = new Expr.Index(e.node().span(), current, index, optional);
                }
                case Method m -> {
                    List<Expr> args = m.node().args();
                    if (awaits.inAny(args)) {
                        current = settle(current, here, true, probe);
                        args = exprs.operands(args, here);
                    }
                    Expr.Member callee = new Expr.Member(m.callee().span(), current, m.callee().name(), optional);
                    current = new Expr.Call(m.node().span(), callee, args, m.node().optional());
                    optional |= m.node().optional();
                }
            }
            optionalLeft |= optional;
        }
        Expr value = optionalLeft && wrapper != null ? new Expr.OptionalChain(wrapper.span(), current) : current;
        if (result == null) {
            return value;
        }
        here.add(Temps.assign(wrapper.span(), result, value));
        return new Expr.Identifier(wrapper.span(), result);
    }

    /**
     * Evaluates the chain so far before later statements run. A path that a method call or an assignment
     * changes stays a path ({@code keepPath}); anything else goes into a temporary.
     */
    private Expr settle(Expr current, List<Stmt> out, boolean keepPath, boolean probe) {
        if (Temps.stable(current)) {
            return current;
        }
        if (keepPath && isPath(current)) {
            Expr stable = stabilize(current, out);
            if (probe) {
                probe(stable, out);
            }
            return stable;
        }
        return temps.spill(current, out);
    }

    /** Whether the chain up to link {@code j} continues, through properties and indices only, to a change. */
    private static boolean pathToChange(List<Link> links, int j, boolean assigned) {
        for (int l = j + 1; l < links.size(); l++) {
            if (links.get(l) instanceof Method) {
                return true;
            }
        }
        return assigned;
    }

    /** A variable followed by property and index reads only: something a method or an assignment can change. */
    private static boolean isPath(Expr expr) {
        return switch (expr) {
            case Expr.Identifier id -> true;
            case Expr.Member m -> !m.optional() && isPath(m.object());
            case Expr.Index i -> !i.optional() && isPath(i.object());
            default -> false;
        };
    }

    private static boolean optional(Link link) {
        return switch (link) {
            case Property p -> p.node().optional();
            case Element e -> e.node().optional();
            case Method m -> m.callee().optional();
        };
    }

    private boolean linkAwaits(Link link) {
        return switch (link) {
            case Property p -> false;
            case Element e -> awaits.in(e.node().index());
            case Method m -> awaits.inAny(m.node().args());
        };
    }
}
