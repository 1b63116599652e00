package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Program;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.ast.Stmt.AssignOp;
import dev.rondo.core.internal.builtins.BuiltinCatalog;
import dev.rondo.core.internal.builtins.Builtins;
import dev.rondo.core.internal.builtins.Methods;
import dev.rondo.core.internal.interp.PromiseEntry.Kind;
import dev.rondo.core.value.FlowThrow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a checked, lowered AST into executable nodes: names become slots, built-ins are bound once, and
 * common shapes (assigning a local, {@code x += n}, {@code a.push(x)}) get their own fast node. The
 * executable tree holds no state, so one linked program serves any number of executions.
 */
final class Linker {

    /** The declarations of one open scope while linking. */
    private static final class ScopeBuilder {
        final Map<String, Integer> slots = new HashMap<>();
        final List<String> names = new ArrayList<>();
        final List<Integer> order = new ArrayList<>();

        Scope build() {
            if (names.isEmpty()) {
                return Scope.EMPTY;
            }
            return new Scope(names.toArray(String[]::new), order.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /**
     * The body being linked: the workflow's, a top-level function's or an arrow's. Each has its own frame
     * of slots; an arrow copies the variables it uses from the body around it ({@code outer}) into slots of
     * its own when it is created (its captures).
     */
    private static final class Context {
        final Deque<ScopeBuilder> scopes = new ArrayDeque<>();
        final Context outer;
        int slotCount;
        final List<Integer> captureSources = new ArrayList<>();
        final List<Integer> captureSlots = new ArrayList<>();
        final List<AccessNodes.InputMember> inputReads = new ArrayList<>();
        /**
         * The slots that {@code +=}, {@code ++} and the like update: a number stored there goes into a
         * {@link NumberCell} at once. Filled while linking, read when running (after linking has ended).
         */
        final BitSet counters = new BitSet();

        Context(Context outer) {
            this.outer = outer;
        }
    }

    private Context ctx = new Context(null);
    /** Top-level functions by name, with their indices; then the linked code of every function by index. */
    private final Map<String, Integer> topFunctions = new HashMap<>();
    private final List<FunctionCode> functions = new ArrayList<>();
    /** The top-level variables of the workflow body, which top-level functions read (the constants). */
    private Map<String, Integer> topLevel = Map.of();

    private Linker() {}

    static LinkedProgram link(Program program) {
        Linker linker = new Linker();
        List<Stmt.FunctionDecl> declared = new ArrayList<>();
        for (Stmt stmt : program.body()) {
            if (stmt instanceof Stmt.FunctionDecl d) {
                linker.topFunctions.put(d.function().name(), declared.size());
                declared.add(d);
                linker.functions.add(null);
            }
        }
        Stmt.Block top = new Stmt.Block(new Span(1, 1, 1, 1), program.body());
        linker.ctx.scopes.push(new ScopeBuilder());
        XStmt[] statements = linker.statements(top.body());
        ScopeBuilder topScope = linker.ctx.scopes.pop();
        XStmt body = new StmtNodes.Block(top.span(), statements, topScope.build());
        int slotCount = linker.ctx.slotCount;
        AccessNodes.InputMember[] inputReads = linker.ctx.inputReads.toArray(AccessNodes.InputMember[]::new);
        linker.topLevel = topScope.slots;
        for (int i = 0; i < declared.size(); i++) {
            linker.ctx = new Context(null);
            linker.functions.set(i, linker.function(declared.get(i).function(), i));
        }
        LinkedProgram linked = new LinkedProgram(program, body, slotCount, inputReads,
                linker.functions.toArray(FunctionCode[]::new));
        linked.numericFunctions = NumericFunctions.of(linked.functions, declared.size());
        return linked;
    }

    // ---- scopes

    private int declare(String name) {
        ScopeBuilder scope = ctx.scopes.peek();
        int slot = ctx.slotCount++;
        scope.slots.put(name, slot);
        scope.names.add(name);
        scope.order.add(slot);
        return slot;
    }

    private int lookup(String name) {
        return lookupIn(ctx, name);
    }

    /** The slot of {@code name} in {@code c}; in an arrow, a variable of the code around it becomes a capture. */
    private static int lookupIn(Context c, String name) {
        for (ScopeBuilder scope : c.scopes) {
            Integer slot = scope.slots.get(name);
            if (slot != null) {
                return slot;
            }
        }
        if (c.outer == null) {
            return -1;
        }
        int source = lookupIn(c.outer, name);
        if (source < 0) {
            return -1;
        }
        ScopeBuilder function = c.scopes.peekLast();
        int slot = c.slotCount++;
        function.slots.put(name, slot);
        // Saved under a name no variable can have: a later 'let' of the same name in the arrow is another variable.
        function.names.add("^" + name);
        function.order.add(slot);
        c.captureSources.add(source);
        c.captureSlots.add(slot);
        return slot;
    }

    // ---- functions

    /** Links a function's body in the current (fresh) context; its awaits are lowered here, as its own. */
    private FunctionCode function(Expr.Function f, int index) {
        List<Stmt> body = dev.rondo.core.internal.compiler.Lowerer.lower(f.body().body());
        ctx.scopes.push(new ScopeBuilder());
        int n = f.params().size();
        PatternNodes.XPattern[] params = new PatternNodes.XPattern[n];
        XExpr[] defaults = new XExpr[n];
        boolean rest = false;
        for (int i = 0; i < n; i++) {
            Expr.Param p = f.params().get(i);
            defaults[i] = p.defaultValue() == null ? null : expr(p.defaultValue());
            params[i] = pattern(p.target());
            rest |= p.rest();
        }
        XStmt[] statements = statements(body);
        ScopeBuilder scope = ctx.scopes.pop();
        StmtNodes.Block block = new StmtNodes.Block(f.body().span(), statements, scope.build());
        String name = f.name() == null ? "anonymous" : f.name();
        return new FunctionCode(index, name, f.async(), f.span(), params, defaults, rest,
                ctx.captureSlots.stream().mapToInt(Integer::intValue).toArray(), block, ctx.slotCount,
                ctx.inputReads.toArray(AccessNodes.InputMember[]::new));
    }

    private XExpr arrow(Expr.Function f) {
        int index = functions.size();
        functions.add(null);
        Context outer = ctx;
        ctx = new Context(outer);
        FunctionCode code = function(f, index);
        int[] sources = ctx.captureSources.stream().mapToInt(Integer::intValue).toArray();
        ctx = outer;
        functions.set(index, code);
        return new FunctionNodes.MakeArrow(f.span(), index, sources);
    }

    private boolean isGlobal(Expr expr, String name) {
        return expr instanceof Expr.Identifier id && id.name().equals(name) && lookup(name) < 0;
    }

    // ---- statements

    private StmtNodes.Block block(Stmt.Block block) {
        ctx.scopes.push(new ScopeBuilder());
        XStmt[] body = statements(block.body());
        Scope scope = ctx.scopes.pop().build();
        return new StmtNodes.Block(block.span(), body, scope);
    }

    private XStmt[] statements(List<Stmt> statements) {
        XStmt[] linked = new XStmt[statements.size()];
        for (int i = 0; i < linked.length; i++) {
            linked[i] = stmt(statements.get(i));
        }
        return linked;
    }

    private XStmt stmt(Stmt stmt) {
        return switch (stmt) {
            case Stmt.ExprStmt s -> {
                XExpr e = expr(s.expr());
                yield new StmtNodes.ExprStmt(s.span(), e instanceof CallNodes.Push push ? push.discardingResult() : e);
            }
            case Stmt.Let s -> {
                XExpr init = s.init() == null ? null : expr(s.init());
                PatternNodes.XPattern target = pattern(s.target());
                yield new StmtNodes.Let(s.span(), target, init, ctx.counters);
            }
            case Stmt.Assign s -> assign(s);
            case Stmt.Block s -> block(s);
            case Stmt.If s -> new StmtNodes.If(s.span(), expr(s.test()), stmt(s.then()),
                    s.otherwise() == null ? null : stmt(s.otherwise()));
            case Stmt.While s -> loop(s, new String[0]);
            case Stmt.DoWhile s -> loop(s, new String[0]);
            case Stmt.For s -> loop(s, new String[0]);
            case Stmt.ForEach s -> loop(s, new String[0]);
            case Stmt.Labeled s -> labeled(s);
            case Stmt.Break s -> new StmtNodes.Break(s.span(), s.label());
            case Stmt.Continue s -> new StmtNodes.Continue(s.span(), s.label());
            case Stmt.Return s -> new StmtNodes.Return(s.span(), s.value() == null ? null : expr(s.value()));
            case Stmt.Throw s -> new StmtNodes.Throw(s.span(), expr(s.value()));
            case Stmt.Try s -> tryStmt(s);
            case Stmt.Switch s -> switchStmt(s);
            case Stmt.FunctionDecl s -> new StmtNodes.Block(s.span(), new XStmt[0], Scope.EMPTY);
            case Stmt.AwaitStmt s -> new AwaitNode(s.span(), s.target() == null ? -1 : slotOf(s.target(), s.span()),
                    expr(s.operand()));
        };
    }

    private int slotOf(String name, Span span) {
        int slot = lookup(name);
        if (slot < 0) {
            throw new IllegalStateException(span + ": '" + name + "' is not declared; the checker should have said so");
        }
        return slot;
    }

    private XStmt labeled(Stmt.Labeled labeled) {
        List<String> labels = new ArrayList<>();
        Stmt inner = labeled;
        while (inner instanceof Stmt.Labeled l) {
            labels.add(l.label());
            inner = l.body();
        }
        XStmt body = switch (inner) {
            case Stmt.While s -> loop(s, labels.toArray(String[]::new));
            case Stmt.DoWhile s -> loop(s, labels.toArray(String[]::new));
            case Stmt.For s -> loop(s, labels.toArray(String[]::new));
            case Stmt.ForEach s -> loop(s, labels.toArray(String[]::new));
            default -> stmt(inner);
        };
        // Labeled nodes still answer `break label` (loops answer it too; the outer wrapper then sees NORMAL).
        for (int i = labels.size() - 1; i >= 0; i--) {
            body = new StmtNodes.Labeled(labeled.span(), labels.get(i), body);
        }
        return body;
    }

    private XStmt loop(Stmt loop, String[] labels) {
        LoopNodes.Loop linked = loopNode(loop, labels);
        linked.tier = NumericTier.of(linked, ctx.counters);
        return linked;
    }

    private LoopNodes.Loop loopNode(Stmt loop, String[] labels) {
        return switch (loop) {
            case Stmt.While s -> new LoopNodes.While(s.span(), labels, expr(s.test()), stmt(s.body()));
            case Stmt.DoWhile s -> new LoopNodes.DoWhile(s.span(), labels, stmt(s.body()), expr(s.test()));
            case Stmt.For s -> {
                ctx.scopes.push(new ScopeBuilder());
                XStmt init = s.init() == null ? null : stmt(s.init());
                XExpr test = s.test() == null ? null : expr(s.test());
                XStmt update = s.update() == null ? null : stmt(s.update());
                XStmt body = stmt(s.body());
                Scope scope = ctx.scopes.pop().build();
                yield new LoopNodes.For(s.span(), labels, init, test, update, body, scope);
            }
            case Stmt.ForEach s -> {
                XExpr iterable = expr(s.iterable());
                ctx.scopes.push(new ScopeBuilder());
                PatternNodes.XPattern target = pattern(s.target());
                XStmt body = stmt(s.body());
                Scope scope = ctx.scopes.pop().build();
                yield new LoopNodes.ForEach(s.span(), labels, s.keys(), target, iterable, body, scope);
            }
            default -> throw new IllegalArgumentException("not a loop: " + loop);
        };
    }

    private XStmt tryStmt(Stmt.Try t) {
        XStmt body = block(t.body());
        PatternNodes.XPattern param = null;
        XStmt handler = null;
        Scope handlerScope = Scope.EMPTY;
        if (t.handler() != null) {
            ctx.scopes.push(new ScopeBuilder());
            param = t.param() == null ? null : pattern(t.param());
            handler = block(t.handler());
            handlerScope = ctx.scopes.pop().build();
        }
        XStmt finalizer = t.finalizer() == null ? null : block(t.finalizer());
        return new TryNode(t.span(), body, param, handler, finalizer, handlerScope);
    }

    private XStmt switchStmt(Stmt.Switch s) {
        XExpr discriminant = expr(s.discriminant());
        ctx.scopes.push(new ScopeBuilder());
        XExpr[] tests = new XExpr[s.cases().size()];
        int[] entries = new int[tests.length];
        List<XStmt> body = new ArrayList<>();
        for (int i = 0; i < tests.length; i++) {
            Stmt.Case c = s.cases().get(i);
            tests[i] = c.test() == null ? null : expr(c.test());
            entries[i] = body.size();
            for (Stmt stmt : c.body()) {
                body.add(stmt(stmt));
            }
        }
        Scope scope = ctx.scopes.pop().build();
        return new SwitchNode(s.span(), discriminant, tests, entries, body.toArray(XStmt[]::new), scope);
    }

    private XStmt assign(Stmt.Assign s) {
        if (s.target() instanceof Expr.Identifier id) {
            int slot = slotOf(id.name(), id.span());
            XExpr value = expr(s.value());
            return switch (s.op()) {
                case ASSIGN -> new StmtNodes.AssignLocal(s.span(), slot, value, ctx.counters);
                case ADD, SUBTRACT, MULTIPLY, DIVIDE, REMAINDER, POWER -> {
                    ctx.counters.set(slot);
                    StmtNodes.CompoundLocal general = new StmtNodes.CompoundLocal(s.span(), slot, StmtNodes.arithmetic(s.op()), value);
                    if ((s.op() == AssignOp.ADD || s.op() == AssignOp.SUBTRACT) && s.value() instanceof Expr.Literal lit
                            && lit.value() instanceof Double amount) {
                        // x - k is x + (-k) exactly in IEEE arithmetic, so x-- is an addition too
                        yield new StmtNodes.AddConstantToLocal(s.span(), slot, s.op() == AssignOp.ADD ? amount : -amount, general);
                    }
                    yield general;
                }
                default -> new StmtNodes.AssignPlace(s.span(), place(s.target()), s.op(), value);
            };
        }
        Place place = place(s.target());
        XExpr value = expr(s.value());
        if (s.op() == AssignOp.ASSIGN && s.target() instanceof Expr.Member m && m.object() instanceof Expr.Identifier) {
            return new StmtNodes.AssignProperty(s.span(), place, key(m.name()), value);
        }
        return new StmtNodes.AssignPlace(s.span(), place, s.op(), value);
    }

    /** A place from an assignment target or a mutating method's receiver; null when it is not rooted at a local. */
    private Place placeOrNull(Expr target) {
        List<String> names = new ArrayList<>();
        List<XExpr> keys = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        Expr at = target;
        while (true) {
            if (at instanceof Expr.Member m && !m.optional()) {
                names.add(0, key(m.name()));
                keys.add(0, null);
                spans.add(0, m.span());
                at = m.object();
            } else if (at instanceof Expr.Index ix && !ix.optional()) {
                names.add(0, null);
                keys.add(0, expr(ix.index()));
                spans.add(0, ix.span());
                at = ix.object();
            } else {
                break;
            }
        }
        if (!(at instanceof Expr.Identifier id) || lookup(id.name()) < 0) {
            return null;
        }
        return new Place(lookup(id.name()), names.toArray(String[]::new), keys.toArray(XExpr[]::new),
                spans.toArray(Span[]::new));
    }

    /**
     * A property name written in the program, as the one instance of its text: an object made by a literal
     * and the reads and writes of its keys then share the key, and the map lookup answers on the first
     * (identity) comparison instead of comparing the characters.
     */
    private static String key(String name) {
        return name == null ? null : name.intern();
    }

    private Place place(Expr target) {
        Place place = placeOrNull(target);
        if (place == null) {
            throw new IllegalStateException(target.span() + ": not an assignable place; the checker should have said so");
        }
        return place;
    }

    // ---- patterns

    private PatternNodes.XPattern pattern(Pattern pattern) {
        return switch (pattern) {
            case Pattern.Name n -> new PatternNodes.Name(n.span(), declare(n.name()));
            case Pattern.ObjectPattern o -> {
                PatternNodes.Part[] parts = new PatternNodes.Part[o.props().size()];
                for (int i = 0; i < parts.length; i++) {
                    Pattern.PropTarget p = o.props().get(i);
                    XExpr fallback = p.defaultValue() == null ? null : expr(p.defaultValue());
                    parts[i] = new PatternNodes.Part(key(p.key()), pattern(p.target()), fallback);
                }
                yield new PatternNodes.ObjectPattern(o.span(), parts);
            }
            case Pattern.ArrayPattern a -> {
                PatternNodes.Part[] parts = new PatternNodes.Part[a.elements().size()];
                for (int i = 0; i < parts.length; i++) {
                    Pattern.Element e = a.elements().get(i);
                    if (e != null && e.target() != null) {
                        XExpr fallback = e.defaultValue() == null ? null : expr(e.defaultValue());
                        parts[i] = new PatternNodes.Part(null, pattern(e.target()), fallback);
                    }
                }
                yield new PatternNodes.ArrayPattern(a.span(), parts);
            }
        };
    }

    // ---- expressions

    private XExpr[] exprs(List<Expr> exprs) {
        XExpr[] linked = new XExpr[exprs.size()];
        for (int i = 0; i < linked.length; i++) {
            Expr e = exprs.get(i);
            linked[i] = expr(e instanceof Expr.Spread s ? s.value() : e);
        }
        return linked;
    }

    private static boolean[] spreads(List<Expr> exprs) {
        boolean any = false;
        boolean[] spread = new boolean[exprs.size()];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = exprs.get(i) instanceof Expr.Spread;
            any |= spread[i];
        }
        return any ? spread : null;
    }

    private XExpr expr(Expr expr) {
        return switch (expr) {
            case Expr.Literal e -> new ValueNodes.Const(e.span(), e.value());
            case Expr.Template e -> new ValueNodes.Template(e.span(), e.strings().toArray(String[]::new), exprs(e.exprs()));
            case Expr.Identifier e -> identifier(e);
            case Expr.ArrayLit e -> {
                boolean[] spread = spreads(e.elements());
                yield new ValueNodes.ArrayLiteral(e.span(), exprs(e.elements()),
                        spread == null ? new boolean[e.elements().size()] : spread);
            }
            case Expr.ObjectLit e -> objectLiteral(e);
            case Expr.Spread e -> throw new IllegalStateException(e.span() + ": a spread outside a list");
            case Expr.Unary e -> switch (e.op()) {
                case NOT -> new OperatorNodes.Not(e.span(), expr(e.operand()));
                case NEGATE -> new OperatorNodes.Negate(e.span(), expr(e.operand()));
                case PLUS -> new OperatorNodes.UnaryPlus(e.span(), expr(e.operand()));
                case TYPEOF -> new OperatorNodes.TypeOf(e.span(), expr(e.operand()));
            };
            case Expr.Binary e -> OperatorNodes.binary(e.span(), e.op(), expr(e.left()), expr(e.right()));
            case Expr.Logical e -> switch (e.op()) {
                case AND -> new OperatorNodes.And(e.span(), expr(e.left()), expr(e.right()));
                case OR -> new OperatorNodes.Or(e.span(), expr(e.left()), expr(e.right()));
                case COALESCE -> new OperatorNodes.Coalesce(e.span(), expr(e.left()), expr(e.right()));
            };
            case Expr.Conditional e -> new OperatorNodes.Conditional(e.span(), expr(e.test()), expr(e.then()), expr(e.otherwise()));
            case Expr.Member e -> member(e);
            case Expr.Index e -> new AccessNodes.Index(e.span(), expr(e.object()), expr(e.index()), e.optional());
            case Expr.Call e -> call(e);
            case Expr.OptionalChain e -> new AccessNodes.OptionalChain(e.span(), expr(e.chain()));
            case Expr.Await e -> throw new IllegalStateException(e.span() + ": an await the compiler did not lower");
            case Expr.Function e -> arrow(e);
        };
    }

    private XExpr identifier(Expr.Identifier id) {
        int slot = lookup(id.name());
        if (slot >= 0) {
            return new ValueNodes.Local(id.span(), slot);
        }
        Integer function = topFunctions.get(id.name());
        if (function != null) {
            return new FunctionNodes.FunctionRef(id.span(), function, id.name());
        }
        Integer top = topLevel.get(id.name());
        if (top != null) {
            return new FunctionNodes.TopLocal(id.span(), top);
        }
        return switch (id.name()) {
            case "Inputs" -> new ValueNodes.ExecutionValue(id.span(), m -> m.inputs);
            case "Context" -> new ValueNodes.ExecutionValue(id.span(), m -> m.context);
            default -> throw new IllegalStateException(id.span() + ": '" + id.name() + "' is not a value; the checker should have said so");
        };
    }

    private XExpr member(Expr.Member e) {
        if (e.object() instanceof Expr.Identifier ns && BuiltinCatalog.NAMESPACES.contains(ns.name()) && lookup(ns.name()) < 0) {
            String qualified = ns.name() + "." + e.name();
            if (BuiltinCatalog.CONSTANTS.contains(qualified)) {
                return new ValueNodes.Const(e.span(), Builtins.constant(qualified));
            }
        }
        if (e.object() instanceof Expr.Identifier id && id.name().equals("Inputs") && !e.optional() && lookup("Inputs") < 0
                && !topFunctions.containsKey("Inputs") && !topLevel.containsKey("Inputs")) {
            // a slot of the frame that no scope names (so no checkpoint saves it) holds the value
            AccessNodes.InputMember read = new AccessNodes.InputMember(e.span(), e.name(), ctx.slotCount++);
            ctx.inputReads.add(read);
            return read;
        }
        return new AccessNodes.Member(e.span(), expr(e.object()), key(e.name()), e.optional());
    }

    private XExpr objectLiteral(Expr.ObjectLit e) {
        ValueNodes.Member[] members = new ValueNodes.Member[e.props().size()];
        for (int i = 0; i < members.length; i++) {
            members[i] = switch (e.props().get(i)) {
                case Expr.KeyProp p -> new ValueNodes.Member(key(p.key()), null, expr(p.value()), false);
                case Expr.ComputedProp p -> new ValueNodes.Member(null, expr(p.key()), expr(p.value()), false);
                case Expr.SpreadProp p -> new ValueNodes.Member(null, null, expr(p.value()), true);
            };
        }
        return new ValueNodes.ObjectLiteral(e.span(), members);
    }

    private XExpr call(Expr.Call call) {
        Span span = call.span();
        XExpr[] args = exprs(call.args());
        boolean[] spread = spreads(call.args());
        Expr callee = call.callee();
        if (callee instanceof Expr.Identifier id && lookup(id.name()) < 0 && !topFunctions.containsKey(id.name())
                && !topLevel.containsKey(id.name())) {
            return id.name().equals("print") ? new CallNodes.Print(span, args, spread) : builtin(span, id.name(), args, spread);
        }
        if (callee instanceof Expr.Member m && m.object() instanceof Expr.Identifier ns
                && BuiltinCatalog.NAMESPACES.contains(ns.name()) && lookup(ns.name()) < 0) {
            return namespaceCall(span, ns.name() + "." + m.name(), args, spread);
        }
        if (callee instanceof Expr.Member m && m.name().equals("setAttributes")
                && m.object() instanceof Expr.Identifier ctx && ctx.name().equals("Context") && lookup("Context") < 0) {
            return new CallNodes.SetAttributes(span, args, spread);
        }
        if (callee instanceof Expr.Member m) {
            if (Methods.isMutating(m.name())) {
                Place place = placeOrNull(m.object());
                if (place != null) {
                    CallNodes.MutatingMethod general = new CallNodes.MutatingMethod(span, place, m.name(), args, spread);
                    if (m.name().equals("push") && place.depth() == 0 && args.length == 1 && spread == null) {
                        return new CallNodes.Push(span, place.slot, args[0], general, true);
                    }
                    return general;
                }
            }
            return new CallNodes.Method(span, expr(m.object()), m.name(), m.optional(), args, spread);
        }
        String name = callee instanceof Expr.Identifier id ? id.name() : null;
        return new FunctionNodes.CallValue(span, expr(callee), name, call.optional(), args, spread);
    }

    private XExpr namespaceCall(Span span, String name, XExpr[] args, boolean[] spread) {
        return switch (name) {
            case "console.log" -> new CallNodes.Print(span, args, spread);
            case "Date.now" -> new CallNodes.DateNow(span);
            case "Date.iso" -> new CallNodes.DateIso(span);
            case "Math.random" -> new CallNodes.MathRandom(span);
            case "Task.run" -> new DurableNodes.TaskRun(span, args, spread);
            case "Workflow.run" -> new DurableNodes.WorkflowRun(span, args, spread);
            case "Timer.delay" -> new DurableNodes.TimerDelay(span, args, spread);
            case "Timer.until" -> new DurableNodes.TimerUntil(span, args, spread);
            case "Signal.next" -> new DurableNodes.SignalNext(span, args, spread);
            case "Promise.all" -> new DurableNodes.Combinator(span, Kind.ALL, name, args, spread);
            case "Promise.allSettled" -> new DurableNodes.Combinator(span, Kind.ALL_SETTLED, name, args, spread);
            case "Promise.any" -> new DurableNodes.Combinator(span, Kind.ANY, name, args, spread);
            case "Promise.race" -> new DurableNodes.Combinator(span, Kind.RACE, name, args, spread);
            case "Promise.any_kv" -> new DurableNodes.Combinator(span, Kind.ANY_KV, name, args, spread);
            case "Promise.race_kv" -> new DurableNodes.Combinator(span, Kind.RACE_KV, name, args, spread);
            default -> builtin(span, name, args, spread);
        };
    }

    private static XExpr builtin(Span span, String name, XExpr[] args, boolean[] spread) {
        if (BuiltinCatalog.function(name).isEmpty()) {
            throw new IllegalStateException(span + ": unknown function '" + name + "'; the checker should have said so");
        }
        return new CallNodes.Builtin(span, Builtins.lookup(name), args, spread);
    }
}
