package dev.rondo.core.internal.upgrade;

import dev.rondo.core.ast.Program;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.internal.codec.CheckpointCodec;
import dev.rondo.core.internal.interp.CheckpointState;
import dev.rondo.core.internal.interp.Pos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps a checkpoint of one version of a program onto another (docs/operations.md): for the workflow
 * body and every waiting async call, the await it stands at is looked up in the new version by the path of
 * statements around it (their kinds, branches, phases and names, never their line numbers) and by what it
 * awaits; the locals it holds must be declared there too, and the new position is written with the same
 * promises, loop iterations and values. Anything that does not map refuses the whole checkpoint with one
 * reason; nothing is guessed.
 */
public final class Mapper {

    /** A checkpoint moved (with its new text) or refused (with where, in the new version, and why). */
    public record Outcome(String checkpoint, Span from, Span to, Span where, String reason) {
        public boolean moved() {
            return checkpoint != null;
        }
    }

    /** Why a frame does not map, and the place in the new version the message points at. */
    private static final class Refusal extends Exception {
        final Span where;

        Refusal(Span where, String message) {
            super(message, null, false, false);
            this.where = where;
        }
    }

    private final Bodies from;
    private final Bodies to;

    public Mapper(Program from, Program to) {
        this.from = new Bodies(from);
        this.to = new Bodies(to);
    }

    public Outcome map(String checkpointJson) {
        Span oldAt = null;
        try {
            CheckpointState state = CheckpointCodec.read(checkpointJson);
            Frame body = frame(from.workflow, to.workflow, state.path());
            oldAt = body.from;
            List<CheckpointState.Call> calls = new ArrayList<>();
            for (CheckpointState.Call call : state.calls()) {
                Bodies.Body old = call.function() >= 0 && call.function() < from.byIndex.length ? from.byIndex[call.function()] : null;
                if (old == null) {
                    throw new Refusal(new Span(1, 1, 1, 1), "the checkpoint's call of function " + call.function()
                            + " does not fit the old version");
                }
                Bodies.Body now = to.byKey.get(old.key);
                if (now == null) {
                    throw new Refusal(body.to, "the execution waits inside " + old.title + " of the old version, which the"
                            + " new version does not have (renamed, removed, or its awaits changed)");
                }
                Frame mapped = frame(old, now, call.path());
                calls.add(new CheckpointState.Call(call.promise(), indexOf(now), mapped.path));
            }
            CheckpointState moved = new CheckpointState(body.path, state.promises(), state.keys(), state.inputs(),
                    state.context(), state.cancelRequested(), state.cancelDelivered(), state.tally(), List.copyOf(calls));
            return new Outcome(CheckpointCodec.write(moved), body.from, body.to, null, null);
        } catch (Refusal r) {
            return new Outcome(null, oldAt, null, r.where, r.getMessage());
        } catch (RuntimeException e) {
            // A checkpoint that does not fit the program it claims to be of (a bad path, a wrong index): refused, so
            // one odd execution never stops an upgrade of thousands.
            return new Outcome(null, oldAt, null, new Span(1, 1, 1, 1),
                    "the checkpoint does not fit the old version of the program (" + e.getMessage() + ")");
        }
    }

    private int indexOf(Bodies.Body body) {
        for (int i = 0; i < to.byIndex.length; i++) {
            if (to.byIndex[i] == body) {
                return i;
            }
        }
        throw new IllegalStateException(body.title + " has no index in the new version");
    }

    /** One body's position mapped: the new path, and the old and new await. */
    private record Frame(List<Pos> path, Span from, Span to) {}

    private Frame frame(Bodies.Body old, Bodies.Body now, List<Pos> path) throws Refusal {
        List<Level> levels = new ArrayList<>();
        List<Pos> positions = new ArrayList<>();
        descend(old.statements, path, levels, positions);
        Level await = levels.getLast();
        Span at = await.stmt().span();
        String where = "the await at " + at + (old.function == null ? "" : " in " + old.title) + " in the old version";

        List<String> signature = signature(levels);
        List<List<Level>> candidates = now.awaits.stream().filter(p -> signature(p).equals(signature)).toList();
        List<Level> target = choose(old, now, levels, signature, candidates, where);
        Stmt.AwaitStmt newAwait = (Stmt.AwaitStmt) target.getLast().stmt();

        Map<Integer, Map<String, Object>> locals = locals(old, now, levels, positions, target, where, newAwait.span());
        Stmt.AwaitStmt oldAwait = (Stmt.AwaitStmt) await.stmt();
        String ot = oldAwait.target();
        String nt = newAwait.target();
        boolean sameTarget = ot == null ? nt == null : nt != null && Shapes.name(ot).equals(Shapes.name(nt));
        if (!sameTarget) {
            throw new Refusal(newAwait.span(), where + " stored its value " + (ot == null ? "nowhere" : "in '" + Shapes.name(ot) + "'")
                    + "; its counterpart at " + newAwait.span() + " stores it " + (nt == null ? "nowhere" : "in '" + Shapes.name(nt) + "'"));
        }
        if (now.arrow()) {
            String uncaptured = Captures.uncaptured(now, positions.getFirst(), to);
            if (uncaptured != null) {
                throw new Refusal(now.function.span(), "the new version's " + now.title + " reads '" + uncaptured
                        + "' from the code around it, which the old one did not capture (" + where + ")");
            }
        }
        return new Frame(positions(levels, positions, target, locals), at, newAwait.span());
    }

    // ---- reading the old position

    private static void descend(List<Stmt> root, List<Pos> path, List<Level> levels, List<Pos> positions) {
        int[] next = {0};
        java.util.function.Supplier<Pos> take = () -> {
            if (next[0] >= path.size()) {
                throw new IllegalArgumentException("the path ends before an await");
            }
            return path.get(next[0]++);
        };
        Pos pos = take.get();
        levels.add(new Level(Level.Kind.BLOCK, null, root, pos.pc()));
        positions.add(pos);
        Stmt s = root.get(pos.pc());
        while (true) {
            switch (s) {
                case Stmt.Block b -> {
                    pos = take.get();
                    levels.add(new Level(Level.Kind.BLOCK, b, b.body(), pos.pc()));
                    positions.add(pos);
                    s = b.body().get(pos.pc());
                }
                case Stmt.If f -> {
                    pos = take.get();
                    levels.add(new Level(Level.Kind.IF, f, null, pos.pc()));
                    positions.add(pos);
                    s = pos.pc() == 0 ? f.then() : Objects.requireNonNull(f.otherwise(), "no else");
                }
                case Stmt.While w -> {
                    levels.add(new Level(Level.Kind.WHILE, w, null, 0));
                    positions.add(null);
                    s = w.body();
                }
                case Stmt.DoWhile d -> {
                    levels.add(new Level(Level.Kind.DO_WHILE, d, null, 0));
                    positions.add(null);
                    s = d.body();
                }
                case Stmt.Labeled l -> {
                    levels.add(new Level(Level.Kind.LABELED, l, null, 0));
                    positions.add(null);
                    s = l.body();
                }
                case Stmt.For f -> {
                    pos = take.get();
                    levels.add(new Level(Level.Kind.FOR, f, null, pos.pc()));
                    positions.add(pos);
                    s = pos.pc() == 0 ? f.body() : Objects.requireNonNull(f.update(), "no update");
                }
                case Stmt.ForEach f -> {
                    pos = take.get();
                    levels.add(new Level(Level.Kind.FOR_EACH, f, null, pos.pc()));
                    positions.add(pos);
                    s = f.body();
                }
                case Stmt.Try t -> {
                    pos = take.get();
                    levels.add(new Level(Level.Kind.TRY, t, null, pos.pc()));
                    positions.add(pos);
                    s = switch (pos.pc()) {
                        case 0 -> t.body();
                        case 1 -> Objects.requireNonNull(t.handler(), "no catch");
                        default -> Objects.requireNonNull(t.finalizer(), "no finally");
                    };
                }
                case Stmt.Switch w -> {
                    pos = take.get();
                    List<Stmt> flat = Level.flatten(w);
                    levels.add(new Level(Level.Kind.SWITCH, w, flat, pos.pc()));
                    positions.add(pos);
                    s = flat.get(pos.pc());
                }
                case Stmt.AwaitStmt a -> {
                    pos = take.get();
                    levels.add(new Level(Level.Kind.AWAIT, a, null, 0));
                    positions.add(pos);
                    return;
                }
                default -> throw new IllegalArgumentException("the path stops at a statement that cannot wait (line "
                        + s.span().line() + ")");
            }
        }
    }

    private static List<String> signature(List<Level> path) {
        List<String> out = new ArrayList<>();
        for (Level l : path) {
            String s = l.signature();
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> headers(List<Level> path) {
        List<String> out = new ArrayList<>();
        for (Level l : path) {
            if (l.signature() != null) {
                out.add(l.header());
            }
        }
        return out;
    }

    // ---- finding the counterpart

    private List<Level> choose(Bodies.Body old, Bodies.Body now, List<Level> levels, List<String> signature,
                               List<List<Level>> candidates, String where) throws Refusal {
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        if (candidates.isEmpty()) {
            throw noCounterpart(old, now, levels, where);
        }
        List<String> headers = headers(levels);
        List<List<Level>> alike = candidates.stream().filter(p -> headers(p).equals(headers)).toList();
        if (alike.size() == 1) {
            return alike.getFirst();
        }
        List<List<Level>> pool = alike.isEmpty() ? candidates : alike;
        List<List<Level>> oldPool = old.awaits.stream()
                .filter(p -> signature(p).equals(signature) && (alike.isEmpty() || headers(p).equals(headers))).toList();
        int k = -1;
        for (int i = 0; i < oldPool.size(); i++) {
            if (oldPool.get(i).getLast().stmt() == levels.getLast().stmt()) {
                k = i;
            }
        }
        if (k >= 0 && pool.size() == oldPool.size()) {
            return pool.get(k); // the same awaits, in the same order: the k-th is the k-th
        }
        List<String> spans = pool.stream().map(p -> p.getLast().stmt().span().toString()).toList();
        throw new Refusal(pool.getFirst().getLast().stmt().span(), where + " matches " + pool.size()
                + " awaits in the new version (at " + String.join(", ", spans) + ") and it is not clear which one is its"
                + " counterpart");
    }

    private Refusal noCounterpart(Bodies.Body old, Bodies.Body now, List<Level> levels, String where) {
        String awaited = levels.getLast().signature();
        for (List<Level> other : now.awaits) {
            if (other.getLast().signature().equals(awaited)) {
                return new Refusal(other.getLast().stmt().span(), where + " has no counterpart: "
                        + awaited.substring("await ".length()) + " here stands " + describe(other) + ", the old one "
                        + describe(levels));
            }
        }
        return new Refusal(Anchors.wouldBe(levels, now), where + " has no counterpart (nothing in the new version awaits "
                + awaited.substring("await ".length()) + " " + describe(levels) + ")");
    }

    private static String describe(List<Level> path) {
        List<String> steps = signature(path);
        steps = steps.subList(0, steps.size() - 1);
        return steps.isEmpty() ? "outside any loop, branch or catch" : "inside " + String.join(" › ", steps);
    }

    // ---- locals

    /** The names a step's scope has declared before the position, in order ({@code root}: the body's own scope). */
    private static List<String> held(Bodies.Body body, Level l, boolean root) {
        List<String> names = new ArrayList<>();
        if (root) {
            names.addAll(body.params);
        }
        switch (l.kind()) {
            case BLOCK, SWITCH -> Trees.declared(l.list().subList(0, l.pc()), names::add);
            case FOR -> {
                if (((Stmt.For) l.stmt()).init() instanceof Stmt.Let let) {
                    Shapes.names(let.target(), names::add);
                }
            }
            case FOR_EACH -> Shapes.names(((Stmt.ForEach) l.stmt()).target(), names::add);
            case TRY -> {
                Stmt.Try t = (Stmt.Try) l.stmt();
                if (l.pc() == 1 && t.param() != null) {
                    Shapes.names(t.param(), names::add);
                }
            }
            default -> { }
        }
        return names;
    }

    /** Whether the step has a scope of its own in the checkpoint (its position carries locals). */
    private static boolean scoped(Level l) {
        return switch (l.kind()) {
            case BLOCK, SWITCH, FOR, FOR_EACH -> true;
            case TRY -> l.pc() == 1;
            default -> false;
        };
    }

    /** Whether a temporary of lowering still matters at the position: code from the position on reads it. */
    private static boolean live(Level l, String temp) {
        return switch (l.kind()) {
            case BLOCK, SWITCH -> Trees.mentions(l.list().subList(l.pc(), l.list().size()), temp);
            default -> true;
        };
    }

    /**
     * The locals of every scope of the new path, by step index: each named local of the old position goes to
     * the same name (the n-th of that name from the outside to the n-th), each live temporary to the live
     * temporary in the same order. A name held on one side only refuses.
     */
    private Map<Integer, Map<String, Object>> locals(Bodies.Body old, Bodies.Body now, List<Level> levels,
                                                      List<Pos> positions, List<Level> target, String where, Span at)
            throws Refusal {
        Map<String, List<Object>> named = new LinkedHashMap<>();
        List<Object> temps = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            if (!scoped(l)) {
                continue;
            }
            Map<String, Object> values = positions.get(i).locals();
            for (String name : held(old, l, i == 0)) {
                if (name.startsWith("%")) {
                    if (live(l, name)) {
                        temps.add(values.get(name));
                    }
                } else {
                    named.computeIfAbsent(name, k -> new ArrayList<>()).add(values.get(name));
                }
            }
        }
        Map<String, Integer> used = new HashMap<>();
        List<String> added = new ArrayList<>();
        int tempsUsed = 0;
        int tempsWanted = 0;
        Map<Integer, Map<String, Object>> out = new HashMap<>();
        for (int i = 0; i < target.size(); i++) {
            Level l = target.get(i);
            if (!scoped(l)) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (String name : held(now, l, i == 0)) {
                if (name.startsWith("%")) {
                    if (live(l, name)) {
                        tempsWanted++;
                        if (tempsUsed < temps.size()) {
                            values.put(name, temps.get(tempsUsed++));
                        }
                    }
                    continue;
                }
                List<Object> have = named.get(name);
                int n = used.getOrDefault(name, 0);
                if (have == null || n >= have.size()) {
                    Object constant = constantDeclaration(l, name);
                    if (constant == Shapes.NOT_CONSTANT) {
                        added.add(name);
                    } else {
                        values.put(name, constant);
                    }
                } else {
                    values.put(name, have.get(n));
                    used.put(name, n + 1);
                }
            }
            if (i == 0 && now.arrow()) {
                positions.getFirst().locals().forEach((k, v) -> {
                    if (k.startsWith("^")) {
                        values.put(k, v);
                    }
                });
            }
            out.put(i, values);
        }
        List<String> missing = new ArrayList<>();
        named.forEach((name, values) -> {
            for (int n = used.getOrDefault(name, 0); n < values.size(); n++) {
                missing.add(name);
            }
        });
        if (missing.size() == 1 && added.size() == 1) {
            throw new Refusal(at, where + " holds the local '" + missing.getFirst() + "', which is not declared before its"
                    + " counterpart at " + at + " (renamed to '" + added.getFirst() + "'?)");
        }
        if (!missing.isEmpty()) {
            throw new Refusal(at, where + " holds the local" + (missing.size() > 1 ? "s " : " ") + quoted(missing)
                    + ", which " + (missing.size() > 1 ? "are" : "is") + " not declared before its counterpart at " + at
                    + " (renamed or removed)");
        }
        if (!added.isEmpty()) {
            throw new Refusal(at, "the new version declares " + quoted(added) + " before the await at " + at
                    + ", which the execution (at " + levels.getLast().stmt().span() + " in the old version) has no value for"
                    + " (only a new declaration whose value is a literal is given its value)");
        }
        if (tempsWanted != temps.size()) {
            throw new Refusal(at, "the expression around " + where + " changed: the execution holds " + temps.size()
                    + " intermediate value" + (temps.size() == 1 ? "" : "s") + " of it, the new version's at " + at
                    + " needs " + tempsWanted);
        }
        return out;
    }

    /**
     * The value of a new {@code let}/{@code const name = <literals>} declared before the position (what it would
     * have held had the execution run the new code), or {@link Shapes#NOT_CONSTANT}.
     */
    private static Object constantDeclaration(Level l, String name) {
        if (l.list() == null) {
            return Shapes.NOT_CONSTANT;
        }
        for (Stmt s : l.list().subList(0, l.pc())) {
            if (s instanceof Stmt.Let let && let.target() instanceof dev.rondo.core.ast.Pattern.Name n && n.name().equals(name)) {
                return Shapes.constant(let.init());
            }
        }
        return Shapes.NOT_CONSTANT;
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    // ---- writing the new position

    private static List<Pos> positions(List<Level> levels, List<Pos> positions, List<Level> target,
                                       Map<Integer, Map<String, Object>> locals) {
        List<Pos> significant = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).signature() != null) {
                significant.add(positions.get(i));
            }
        }
        List<Pos> out = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < target.size(); i++) {
            Level l = target.get(i);
            Pos paired = null;
            if (l.signature() != null) {
                paired = significant.get(k++);
            }
            Map<String, Object> mine = locals.get(i);
            switch (l.kind()) {
                case BLOCK, SWITCH -> out.add(new Pos(l.pc(), null, mine));
                case IF -> out.add(new Pos(l.pc(), null, null));
                case FOR -> out.add(new Pos(l.pc(), null, mine));
                case FOR_EACH -> out.add(new Pos(paired.pc(), paired.extra(), mine));
                case TRY -> out.add(new Pos(l.pc(), l.pc() == 2 ? paired.extra() : null, l.pc() == 1 ? mine : null));
                case AWAIT -> out.add(new Pos(0, paired.extra(), null));
                case WHILE, DO_WHILE, LABELED -> { }
            }
        }
        return out;
    }
}
