package dev.rondo.core.internal.interp;

import java.util.BitSet;

/**
 * The bytecode tier of one loop that is a {@link NumericRegion}: runs the loop through its
 * {@link CompiledRegion} once the tree-walker has spent {@link #AFTER} operations in it (counted over every
 * execution of the linked program; the tree-walker hands a loop over between two passes when it gets there
 * while running it), and through the tree-walker until then, and whenever a local the region needs does not
 * hold a number.
 *
 * <p>The tier is on unless the system property {@value #SWITCH} is {@code false} when a program is linked.
 */
final class NumericTier {

    /** The system property that turns the tier off ({@code false}); read when a program is linked. */
    static final String SWITCH = "rondo.interpreter.compile";
    /**
     * The system property giving the operations a loop runs in the tree-walker before it is compiled
     * (default 10,000: about a tenth of a millisecond; 0 compiles a loop before its first run).
     */
    static final String AFTER = "rondo.interpreter.compileAfter";

    private final LoopNodes.Loop loop;
    private final NumericRegion region;
    private final BitSet counters;
    private final long after;
    /** Operations run in the tree-walker so far (racy across threads: it only decides when to compile). */
    private long work;
    /** Whether the loop's code came out too long to compile: the tree-walker keeps it. */
    private volatile boolean given;
    private volatile CompiledRegion compiled;

    private NumericTier(LoopNodes.Loop loop, NumericRegion region, BitSet counters, long after) {
        this.loop = loop;
        this.region = region;
        this.counters = counters;
        this.after = after;
    }

    /** The tier of {@code loop}, or null when it is off or the loop is not a numeric region. */
    static NumericTier of(LoopNodes.Loop loop, BitSet counters) {
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) {
            return null;
        }
        NumericRegion region = NumericRegion.of(loop);
        return region == null ? null : new NumericTier(loop, region, counters, Long.getLong(AFTER, 10_000));
    }

    /** Runs the loop, as its node's {@code exec} would. */
    int exec(Frame f) {
        CompiledRegion code = compiled;
        if (code == null && work >= after && !given) {
            code = compile();
        }
        if (code != null) {
            int c = code.run(f, false);
            return c != CompiledRegion.NOT_RUN ? c : loop.interpret(f);
        }
        long before = f.budget.operations();
        int c = loop.interpretTiered(f, this);
        work += f.budget.operations() - before;
        return c;
    }

    /**
     * The budget's count at which the tree-walker, running the loop from {@code f}'s count now, hands it over
     * ({@link #handOver}) at the start of a pass: a loop that runs long the first time it runs is compiled
     * while it runs.
     */
    long due(Frame f) {
        return given ? Long.MAX_VALUE : f.budget.operations() + Math.max(0, after - work);
    }

    /**
     * Runs the rest of the loop compiled, from the start of a pass (see {@link CompiledRegion#run}), or
     * answers {@link CompiledRegion#NOT_RUN} having done nothing: the tree-walker goes on.
     */
    int handOver(Frame f) {
        CompiledRegion code = compile();
        return code == null ? CompiledRegion.NOT_RUN : code.run(f, true);
    }

    /** Whether the loop runs compiled from now on (for tests). */
    boolean isCompiled() {
        return compiled != null;
    }

    private synchronized CompiledRegion compile() {
        if (compiled == null && !given) {
            CompiledRegion code;
            try {
                code = RegionCompiler.compile(region, counters);
            } catch (LinkageError | RuntimeException e) {
                // a class the JVM refuses (a fault of the compiler): the loop stays with the tree-walker,
                // which gives the same results; the tests (which compile every loop) would show it
                code = null;
            }
            given = code == null;
            compiled = code;
        }
        return compiled;
    }
}
