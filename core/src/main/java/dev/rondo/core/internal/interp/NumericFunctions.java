package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Expr.BinaryOp;
import java.util.BitSet;

/**
 * The bytecode tier of a program's numeric functions: the plain top-level functions whose body only does
 * arithmetic on numbers (its parameters and {@code let}s), {@code if}/{@code ?:} and returns a number on every
 * path, and whose only calls are direct calls by name of such functions. They are compiled together by
 * {@link FunctionCompiler}, each to a static method on {@code double}s, so that a recursive call is a JVM call
 * the JIT can inline. A call of one with number arguments runs compiled ({@link #call}) once the tree-walker
 * has spent {@value NumericTier#AFTER} operations in them; any other call runs on the tree-walker.
 *
 * <p>Which functions are numeric is decided once, when the program is linked; the tier is off under
 * {@value NumericTier#SWITCH}{@code =false}, as for loops.
 */
final class NumericFunctions {

    /** What {@link #call} answers when the tree-walker must run the call. */
    static final Object NOT_RUN = new Object();

    /** Beyond this many nodes a function is left to the tree-walker. */
    private static final int MAX_NODES = 600;

    final FunctionCode[] functions;
    /** The functions compiled, by index. */
    final BitSet numeric;
    private final long after;
    /** Operations run in them by the tree-walker (racy: it only decides when to compile). */
    private long work;
    private volatile boolean given;
    private volatile CompiledFunctions compiled;

    private NumericFunctions(FunctionCode[] functions, BitSet numeric, long after) {
        this.functions = functions;
        this.numeric = numeric;
        this.after = after;
    }

    /** The tier of {@code functions} (the first {@code topCount} are top-level), or null when off or none fits. */
    static NumericFunctions of(FunctionCode[] functions, int topCount) {
        if (!Boolean.parseBoolean(System.getProperty(NumericTier.SWITCH, "true"))) {
            return null;
        }
        BitSet candidates = new BitSet();
        for (int i = 0; i < topCount; i++) {
            if (fits(functions[i])) {
                candidates.set(i);
            }
        }
        // a function calling one that is not numeric is not numeric either: down to a fixed point
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
                Scan scan = new Scan(functions, candidates, functions[i]);
                if (!scan.ok()) {
                    candidates.clear(i);
                    changed = true;
                }
            }
        }
        return candidates.isEmpty() ? null
                : new NumericFunctions(functions, candidates, Long.getLong(NumericTier.AFTER, 10_000));
    }

    /** The shape a numeric function needs, before its body is looked at. */
    private static boolean fits(FunctionCode code) {
        if (code.async || code.rest || code.captureSlots.length > 0 || code.inputReads.length > 0) {
            return false;
        }
        for (int i = 0; i < code.params.length; i++) {
            if (!(code.params[i] instanceof PatternNodes.Name) || (code.defaults[i] != null && defaultValue(code, i) == null)) {
                return false;
            }
        }
        return true;
    }

    /** The number a parameter's default is, or null when it has none or it is not a number literal. */
    static Double defaultValue(FunctionCode code, int param) {
        return code.defaults[param] instanceof ValueNodes.Const c && c.value instanceof Double d && Double.isFinite(d)
                ? d : null;
    }

    boolean has(int index) {
        return numeric.get(index);
    }

    /** Counts operations the tree-walker spent in a numeric function. */
    void spent(long operations) {
        work += operations;
    }

    /** Whether the functions run compiled from now on (for tests). */
    boolean isCompiled() {
        return compiled != null;
    }

    /**
     * Runs numeric function {@code code} compiled on {@code args} (the depth already entered, as
     * {@link Calls#invoke} does), or answers {@link #NOT_RUN} having done nothing: not compiled yet, or an
     * argument that is not a number (a missing one without a default: undefined).
     */
    Object call(Machine m, FunctionCode code, Object[] args) {
        CompiledFunctions code0 = compiled;
        if (code0 == null) {
            if (work < after || given) {
                return NOT_RUN;
            }
            code0 = compile();
            if (code0 == null) {
                return NOT_RUN;
            }
        }
        int n = code.params.length;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            Object arg = i < args.length ? args[i] : null;
            if (arg != null && arg.getClass() == Double.class) {
                values[i] = (Double) arg;
            } else if (arg == null && code.defaults[i] != null) {
                values[i] = defaultValue(code, i);
            } else {
                return NOT_RUN;
            }
        }
        return code0.call(code.index, m, values);
    }

    private synchronized CompiledFunctions compile() {
        if (compiled == null && !given) {
            CompiledFunctions code;
            try {
                code = FunctionCompiler.compile(this);
            } catch (LinkageError | RuntimeException e) {
                // a class the JVM refuses (a fault of the compiler): the tree-walker keeps the functions
                code = null;
            }
            given = code == null;
            compiled = code;
        }
        return compiled;
    }

    /** One walk over a function's body: whether it fits, given the functions that are numeric so far. */
    private static final class Scan {
        private final FunctionCode[] functions;
        private final BitSet numeric;
        /** The slots that hold a number here: the parameters, the {@code let}s met so far. */
        private final BitSet declared = new BitSet();
        private int nodes;
        private final boolean ok;

        Scan(FunctionCode[] functions, BitSet numeric, FunctionCode code) {
            this.functions = functions;
            this.numeric = numeric;
            for (PatternNodes.XPattern p : code.params) {
                declared.set(((PatternNodes.Name) p).slot);
            }
            ok = stmt(code.body) && returns(code.body) && nodes <= MAX_NODES;
        }

        boolean ok() {
            return ok;
        }

        /** Whether every way through {@code s} ends in a {@code return} (the function never gives undefined). */
        private static boolean returns(XStmt s) {
            return switch (s) {
                case StmtNodes.Return r -> true;
                case StmtNodes.Block b -> {
                    for (XStmt statement : b.body) {
                        if (returns(statement)) {
                            yield true;
                        }
                    }
                    yield false;
                }
                case StmtNodes.If i -> i.otherwise != null && returns(i.then) && returns(i.otherwise);
                default -> false;
            };
        }

        private boolean stmt(XStmt s) {
            nodes++;
            return switch (s) {
                case StmtNodes.Block b -> {
                    for (XStmt statement : b.body) {
                        if (!stmt(statement)) {
                            yield false;
                        }
                    }
                    yield true;
                }
                case StmtNodes.If i -> test(i.test) && stmt(i.then) && (i.otherwise == null || stmt(i.otherwise));
                case StmtNodes.Let l -> l.slot >= 0 && l.init != null && number(l.init) && declare(l.slot);
                case StmtNodes.AssignLocal a -> number(a.value) && declared.get(a.slot);
                case StmtNodes.CompoundLocal c -> c.op != BinaryOp.POWER && number(c.value) && declared.get(c.slot);
                case StmtNodes.AddConstantToLocal a -> stmt(a.general);
                case StmtNodes.ExprStmt e -> number(e.expr);
                case StmtNodes.Return r -> r.value != null && number(r.value);
                default -> false;
            };
        }

        private boolean declare(int slot) {
            declared.set(slot);
            return true;
        }

        private boolean number(XExpr e) {
            nodes++;
            return NumericRegion.number(e, this::number, this::test, leaf -> switch (leaf) {
                case ValueNodes.Local l -> declared.get(l.slot);
                case FunctionNodes.CallValue c -> call(c);
                default -> false;
            });
        }

        /** A direct call by name of a numeric function, with number arguments, each parameter given or defaulted. */
        private boolean call(FunctionNodes.CallValue c) {
            if (c.spread != null || !(c.callee instanceof FunctionNodes.FunctionRef ref)) {
                return false;
            }
            int index = ref.function.index();
            if (!numeric.get(index)) {
                return false;
            }
            FunctionCode callee = functions[index];
            for (int i = c.args.length; i < callee.params.length; i++) {
                if (callee.defaults[i] == null) {
                    return false; // undefined: not a number
                }
            }
            for (XExpr arg : c.args) {
                if (!number(arg)) {
                    return false;
                }
            }
            return true;
        }

        private boolean test(XExpr e) {
            return NumericRegion.test(e, this::number);
        }
    }
}
