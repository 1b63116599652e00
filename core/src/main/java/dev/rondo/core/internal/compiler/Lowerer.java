package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites every {@code await} inside an expression into {@link Stmt.AwaitStmt}s, keeping evaluation order,
 * so that only statements ever suspend. A statement without an await is kept as the same instance. Each
 * statement with one becomes the statements that compute its awaited parts into temporaries
 * ({@link Temps}), in order, followed by the statement itself reading them; loops whose test or update
 * awaits become {@code for} loops that recompute them inside the loop. A {@code switch} whose
 * {@code case} labels await picks its case with a chain of tests first (see {@link #switchWithAwaitingCases}).
 */
public final class Lowerer {

    private final Temps temps = new Temps();
    private final AwaitSearch awaits = new AwaitSearch();
    private final ExprLowering exprs = new ExprLowering(temps, awaits);
    private final Destructuring destructuring = new Destructuring(exprs, temps, awaits);
    /** Per scope, the visible names and whether a {@code let}/{@code const} declared them (else a loop or catch). */
    private final ArrayDeque<Map<String, Boolean>> scopes = new ArrayDeque<>();

    private Lowerer() {}

    public static List<Stmt> lower(List<Stmt> body) {
        Lowerer lowerer = new Lowerer();
        lowerer.scopes.push(new HashMap<>());
        return lowerer.statements(body);
    }

    // ---- blocks and scopes

    /** The statements of one scope (already entered), lowered; the same list when none awaits. */
    private List<Stmt> statements(List<Stmt> body) {
        if (!awaits.inAny(body)) {
            return body;
        }
        List<Stmt> out = new ArrayList<>(body.size());
        for (Stmt statement : body) {
            int from = out.size();
            statement(statement, out);
            declareLets(out.subList(from, out.size()));
        }
        return out;
    }

    private Stmt.Block block(Stmt.Block block) {
        if (!awaits.in(block)) {
            return block;
        }
        scopes.push(new HashMap<>());
        List<Stmt> body = statements(block.body());
        scopes.pop();
        return new Stmt.Block(block.span(), body);
    }

    /** The body of an {@code if}, a loop or a label: when lowering gives several statements, a block of them. */
    private Stmt body(Stmt body) {
        if (!awaits.in(body)) {
            return body;
        }
        if (body instanceof Stmt.Block block) {
            return block(block);
        }
        scopes.push(new HashMap<>());
        List<Stmt> out = new ArrayList<>();
        statement(body, out);
        scopes.pop();
        return out.size() == 1 ? out.getFirst() : new Stmt.Block(body.span(), out);
    }

    private void declare(Pattern pattern, boolean byLet) {
        Map<String, Boolean> scope = scopes.peek();
        Scopes.names(pattern, name -> scope.put(name.name(), byLet));
    }

    private void declareLets(List<Stmt> statements) {
        for (Stmt statement : statements) {
            if (statement instanceof Stmt.Let let) {
                declare(let.target(), true);
            }
        }
    }

    /** Whether {@code name} is a variable declared by a {@code let}, which an {@link Stmt.AwaitStmt} may store into. */
    private boolean declaredByLet(String name) {
        for (Map<String, Boolean> scope : scopes) {
            Boolean byLet = scope.get(name);
            if (byLet != null) {
                return byLet;
            }
        }
        return false;
    }

    // ---- statements

    /** Appends the lowered form of {@code statement} to {@code out}. */
    private void statement(Stmt statement, List<Stmt> out) {
        if (!awaits.in(statement)) {
            out.add(statement);
            return;
        }
        switch (statement) {
            case Stmt.ExprStmt s -> expressionStatement(s, out);
            case Stmt.Let s -> declaration(s, out);
            case Stmt.Assign s -> assignment(s, out);
            case Stmt.Block s -> out.add(block(s));
            case Stmt.If s -> {
                Expr test = exprs.lower(s.test(), out);
                Stmt otherwise = s.otherwise() == null ? null : body(s.otherwise());
                out.add(new Stmt.If(s.span(), test, body(s.then()), otherwise));
            }
            case Stmt.While s -> out.add(whileLoop(s));
            case Stmt.DoWhile s -> out.add(doWhileLoop(s));
            case Stmt.For s -> {
                List<Stmt> prelude = new ArrayList<>();
                Stmt.For loop = forLoop(s, prelude);
                out.add(wrap(s, prelude, loop));
            }
            case Stmt.ForEach s -> out.add(forEach(s, out));
            case Stmt.Labeled s -> labeled(s, out);
            case Stmt.Return s -> {
                Expr value = exprs.lower(s.value(), out);
                out.add(new Stmt.Return(s.span(), value));
            }
            case Stmt.Throw s -> {
                Expr value = exprs.lower(s.value(), out);
                out.add(new Stmt.Throw(s.span(), value));
            }
            case Stmt.Try s -> out.add(tryStatement(s));
            case Stmt.Switch s -> out.add(switchStatement(s, out));
            case Stmt.Break s -> out.add(s);
            case Stmt.Continue s -> out.add(s);
            case Stmt.FunctionDecl s -> out.add(s);
            case Stmt.AwaitStmt s -> out.add(s);
        }
    }

    private void expressionStatement(Stmt.ExprStmt statement, List<Stmt> out) {
        if (statement.expr() instanceof Expr.Await await) {
            out.add(new Stmt.AwaitStmt(await.span(), null, exprs.lower(await.operand(), out)));
            return;
        }
        Expr value = exprs.lower(statement.expr(), out);
        if (!Temps.stable(value)) {
            out.add(new Stmt.ExprStmt(statement.span(), value));
        }
    }

    private void declaration(Stmt.Let let, List<Stmt> out) {
        Pattern target = let.target();
        if (target instanceof Pattern.Name name && let.init() instanceof Expr.Await await) {
            Expr operand = exprs.lower(await.operand(), out);
            if (mentions(operand, name.name())) {
                // `let x = await f(x)` reads an outer x, which the new declaration would hide.
                operand = temps.spill(operand, out);
            }
            out.add(new Stmt.Let(let.span(), false, name, null));
            out.add(new Stmt.AwaitStmt(await.span(), name.name(), operand));
            return;
        }
        Expr init = exprs.lower(let.init(), out);
        if (!awaits.in(target)) {
            out.add(new Stmt.Let(let.span(), let.constant(), target, init));
            return;
        }
        Expr.Identifier source = Temps.isTemp(init) ? (Expr.Identifier) init : temps.spill(init, out);
        destructuring.bind(target, source, let.constant(), out);
    }

    private void assignment(Stmt.Assign assign, List<Stmt> out) {
        Expr value = assign.value();
        if (assign.op() == Stmt.AssignOp.ASSIGN && awaitsInto(assign.target(), value, out)) {
            return;
        }
        ChainLowering chains = exprs.chains();
        Expr target = chains.target(assign.target(), out);
        if (!awaits.in(value)) {
            out.add(new Stmt.Assign(assign.span(), target, assign.op(), value));
            return;
        }
        target = chains.stabilize(target, out);
        Expr needsValue = switch (assign.op()) {
            case COALESCE -> Temps.isNull(target);
            case OR -> Temps.not(target);
            case AND -> target;
            default -> null;
        };
        if (needsValue != null) {
            // x ??= await e keeps its short-circuit: the await runs only when the value is needed. The test
            // has read the target, so nothing needs reading again before the await.
            List<Stmt> store = new ArrayList<>();
            if (!awaitsInto(target, value, store)) {
                Expr lowered = exprs.lower(value, store);
                store.add(new Stmt.Assign(assign.span(), target, Stmt.AssignOp.ASSIGN, lowered));
            }
            out.add(new Stmt.If(assign.span(), needsValue, new Stmt.Block(assign.span(), store), null));
            return;
        }
        // The target (for a compound operator) or the object holding it is evaluated before the value.
        ChainLowering.probe(assign.op() == Stmt.AssignOp.ASSIGN ? container(target) : target, out);
        Expr lowered = exprs.lower(value, out);
        out.add(new Stmt.Assign(assign.span(), target, assign.op(), lowered));
    }

    /** {@code x = await e} into a {@code let} variable: the await stores straight into it. */
    private boolean awaitsInto(Expr target, Expr value, List<Stmt> out) {
        if (target instanceof Expr.Identifier variable && value instanceof Expr.Await await
                && declaredByLet(variable.name())) {
            out.add(new Stmt.AwaitStmt(await.span(), variable.name(), exprs.lower(await.operand(), out)));
            return true;
        }
        return false;
    }

    private static Expr container(Expr place) {
        return switch (place) {
            case Expr.Member m -> m.object();
            case Expr.Index i -> i.object();
            default -> null;
        };
    }

    // ---- loops

    /** {@code while (c) body} with an awaiting test: {@code for (;;) { …; if (!c') break; body }}. */
    private Stmt whileLoop(Stmt.While loop) {
        if (!awaits.in(loop.test())) {
            return new Stmt.While(loop.span(), loop.test(), body(loop.body()));
        }
        List<Stmt> inside = new ArrayList<>();
        exitUnless(loop.test(), inside);
        inside.add(body(loop.body()));
        return new Stmt.For(loop.span(), null, null, null, new Stmt.Block(loop.body().span(), inside));
    }

    /**
     * {@code do body while (c)} with an awaiting test: {@code for (let %go = true; %go; { …; %go = !!c' }) body},
     * so that {@code continue} goes through the test, as it does in a {@code do}.
     */
    private Stmt doWhileLoop(Stmt.DoWhile loop) {
        Stmt body = body(loop.body());
        if (!awaits.in(loop.test())) {
            return new Stmt.DoWhile(loop.span(), body, loop.test());
        }
        Expr test = loop.test();
        String go = temps.fresh();
        List<Stmt> update = new ArrayList<>();
        Expr again = exprs.lower(test, update);
        update.add(Temps.assign(test.span(), go, Temps.not(Temps.not(again))));
        return new Stmt.For(loop.span(), Temps.declare(loop.span(), go, new Expr.Literal(loop.span(), true)),
                new Expr.Identifier(loop.span(), go), new Stmt.Block(test.span(), update), body);
    }

    /**
     * Lowers a {@code for}; statements that must run before it (the awaits of its init) go to {@code prelude},
     * which the caller puts with the loop in a block of their own.
     */
    private Stmt.For forLoop(Stmt.For loop, List<Stmt> prelude) {
        scopes.push(new HashMap<>());
        Stmt init = loop.init();
        if (awaits.in(init)) {
            if (init instanceof Stmt.Let let && !awaits.in(let.target())) {
                init = new Stmt.Let(let.span(), let.constant(), let.target(), exprs.lower(let.init(), prelude));
            } else {
                statement(init, prelude);
                init = null;
            }
        }
        if (init instanceof Stmt.Let let) {
            declare(let.target(), true);
        }
        declareLets(prelude);
        Expr test = loop.test();
        List<Stmt> inside = new ArrayList<>();
        if (awaits.in(test)) {
            exitUnless(test, inside);
            test = null;
        }
        Stmt update = loop.update();
        if (awaits.in(update)) {
            List<Stmt> steps = new ArrayList<>();
            statement(update, steps);
            update = new Stmt.Block(update.span(), steps);
        }
        Stmt body = body(loop.body());
        if (!inside.isEmpty()) {
            inside.add(body);
            body = new Stmt.Block(loop.body().span(), inside);
        }
        scopes.pop();
        return new Stmt.For(loop.span(), init, test, update, body);
    }

    /** Appends the test's awaits and {@code if (!test') break;}: the break is in the loop's own body block. */
    private void exitUnless(Expr test, List<Stmt> inside) {
        Expr value = exprs.lower(test, inside);
        inside.add(new Stmt.If(test.span(), Temps.not(value), new Stmt.Break(test.span(), null), null));
    }

    private static Stmt wrap(Stmt original, List<Stmt> prelude, Stmt loop) {
        if (prelude.isEmpty()) {
            return loop;
        }
        List<Stmt> body = new ArrayList<>(prelude);
        body.add(loop);
        return new Stmt.Block(original.span(), body);
    }

    private Stmt forEach(Stmt.ForEach loop, List<Stmt> out) {
        Expr iterable = exprs.lower(loop.iterable(), out);
        scopes.push(new HashMap<>());
        Pattern target = loop.target();
        Stmt body;
        if (awaits.in(target)) {
            String item = temps.fresh();
            List<Stmt> inside = new ArrayList<>();
            destructuring.bind(target, new Expr.Identifier(target.span(), item), loop.constant(), inside);
            declareLets(inside);
            inside.add(body(loop.body()));
            body = new Stmt.Block(loop.body().span(), inside);
            target = new Pattern.Name(target.span(), item);
        } else {
            declare(target, false);
            body = body(loop.body());
        }
        scopes.pop();
        return new Stmt.ForEach(loop.span(), loop.keys(), loop.constant(), target, iterable, body);
    }

    /** The label stays on the loop: whatever must run first goes before the labelled statement. */
    private void labeled(Stmt.Labeled labeled, List<Stmt> out) {
        List<Stmt.Labeled> labels = new ArrayList<>();
        Stmt inner = labeled;
        while (inner instanceof Stmt.Labeled l) {
            labels.add(l);
            inner = l.body();
        }
        if (inner instanceof Stmt.For loop) {
            List<Stmt> prelude = new ArrayList<>();
            Stmt lowered = relabel(labels, forLoop(loop, prelude));
            out.add(wrap(labeled, prelude, lowered));
            return;
        }
        List<Stmt> lowered = new ArrayList<>();
        statement(inner, lowered);
        Stmt main = lowered.removeLast();
        out.addAll(lowered);
        out.add(relabel(labels, main));
    }

    private static Stmt relabel(List<Stmt.Labeled> labels, Stmt body) {
        Stmt result = body;
        for (Stmt.Labeled label : labels.reversed()) {
            result = new Stmt.Labeled(label.span(), label.label(), result);
        }
        return result;
    }

    // ---- try and switch

    private Stmt tryStatement(Stmt.Try t) {
        Stmt.Block body = block(t.body());
        Stmt.Block handler = t.handler();
        Pattern param = t.param();
        if (handler != null) {
            scopes.push(new HashMap<>());
            if (awaits.in(param)) {
                String caught = temps.fresh();
                List<Stmt> inside = new ArrayList<>();
                destructuring.bind(param, new Expr.Identifier(param.span(), caught), false, inside);
                declareLets(inside);
                inside.add(block(handler));
                handler = new Stmt.Block(handler.span(), inside);
                param = new Pattern.Name(param.span(), caught);
            } else {
                if (param != null) {
                    declare(param, false);
                }
                handler = block(handler);
            }
            scopes.pop();
        }
        Stmt.Block finalizer = t.finalizer() == null ? null : block(t.finalizer());
        return new Stmt.Try(t.span(), body, param, handler, finalizer);
    }

    private Stmt switchStatement(Stmt.Switch s, List<Stmt> out) {
        Expr discriminant = exprs.lower(s.discriminant(), out);
        if (s.cases().stream().anyMatch(c -> c.test() != null && awaits.in(c.test()))) {
            return switchWithAwaitingCases(s, discriminant, out);
        }
        // All cases share one scope, as in JavaScript.
        scopes.push(new HashMap<>());
        List<Stmt.Case> cases = new ArrayList<>(s.cases().size());
        for (Stmt.Case c : s.cases()) {
            List<Stmt> body = statements(c.body());
            cases.add(body == c.body() ? c : new Stmt.Case(c.span(), c.test(), body));
        }
        scopes.pop();
        return new Stmt.Switch(s.span(), discriminant, cases);
    }

    /**
     * {@code switch (d) { case await a(): … case b: … default: … }} becomes: the discriminant in a
     * temporary, the index of the chosen case computed by testing the labels in order (each label only while
     * no earlier one matched, so awaits after the match never run), then a {@code switch} on that index with
     * the same bodies in the same order, so fall-through is unchanged.
     */
    private Stmt switchWithAwaitingCases(Stmt.Switch s, Expr discriminant, List<Stmt> out) {
        Expr value = Temps.stable(discriminant) ? discriminant : temps.spill(discriminant, out);
        String chosen = temps.fresh();
        out.add(Temps.declare(s.span(), chosen, new Expr.Literal(s.span(), -1.0)));
        Expr none = new Expr.Binary(s.span(), Expr.BinaryOp.STRICT_EQUAL, new Expr.Identifier(s.span(), chosen),
                new Expr.Literal(s.span(), -1.0));
        int defaultIndex = -1;
        for (int i = 0; i < s.cases().size(); i++) {
            Stmt.Case c = s.cases().get(i);
            if (c.test() == null) {
                defaultIndex = i;
                continue;
            }
            List<Stmt> test = new ArrayList<>();
            Expr label = exprs.lower(c.test(), test);
            Expr matches = new Expr.Binary(c.test().span(), Expr.BinaryOp.STRICT_EQUAL, value, label);
            test.add(new Stmt.If(c.span(), matches,
                    Temps.assign(c.span(), chosen, new Expr.Literal(c.span(), (double) i)), null));
            out.add(new Stmt.If(c.span(), none, new Stmt.Block(c.span(), test), null));
        }
        if (defaultIndex >= 0) {
            out.add(new Stmt.If(s.span(), none,
                    Temps.assign(s.span(), chosen, new Expr.Literal(s.span(), (double) defaultIndex)), null));
        }
        List<Stmt.Case> byIndex = new ArrayList<>(s.cases().size());
        for (int i = 0; i < s.cases().size(); i++) {
            Stmt.Case c = s.cases().get(i);
            byIndex.add(new Stmt.Case(c.span(), new Expr.Literal(c.span(), (double) i), c.body()));
        }
        return switchStatement(new Stmt.Switch(s.span(), new Expr.Identifier(s.span(), chosen), byIndex), out);
    }

    // ---- helpers

    /** Whether {@code expr} reads the variable {@code name}. */
    private static boolean mentions(Expr expr, String name) {
        return switch (expr) {
            case Expr.Identifier e -> e.name().equals(name);
            case Expr.Literal e -> false;
            case Expr.Template e -> e.exprs().stream().anyMatch(x -> mentions(x, name));
            case Expr.ArrayLit e -> e.elements().stream().anyMatch(x -> mentions(x, name));
            case Expr.ObjectLit e -> e.props().stream().anyMatch(p -> switch (p) {
                case Expr.KeyProp k -> mentions(k.value(), name);
                case Expr.ComputedProp c -> mentions(c.key(), name) || mentions(c.value(), name);
                case Expr.SpreadProp sp -> mentions(sp.value(), name);
            });
            case Expr.Spread e -> mentions(e.value(), name);
            case Expr.Unary e -> mentions(e.operand(), name);
            case Expr.Binary e -> mentions(e.left(), name) || mentions(e.right(), name);
            case Expr.Logical e -> mentions(e.left(), name) || mentions(e.right(), name);
            case Expr.Conditional e -> mentions(e.test(), name) || mentions(e.then(), name)
                    || mentions(e.otherwise(), name);
            case Expr.Member e -> mentions(e.object(), name);
            case Expr.Index e -> mentions(e.object(), name) || mentions(e.index(), name);
            case Expr.Call e -> mentions(e.callee(), name) || e.args().stream().anyMatch(x -> mentions(x, name));
            case Expr.OptionalChain e -> mentions(e.chain(), name);
            case Expr.Await e -> mentions(e.operand(), name);
            case Expr.Function e -> true; // it may capture the variable
        };
    }
}
