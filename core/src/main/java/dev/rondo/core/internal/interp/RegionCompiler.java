package dev.rondo.core.internal.interp;

import static org.objectweb.asm.Opcodes.*;

import dev.rondo.core.ast.Expr.BinaryOp;
import dev.rondo.core.ast.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes a {@link NumericRegion} as a hidden class extending {@link CompiledRegion}: one method that runs the
 * loop with each local of the region in a JVM {@code double} local, so that the JIT compiles the loop as a
 * whole instead of a call per node.
 *
 * <p>It does exactly what the tree-walker does, statement by statement: the same operations counted (a pass
 * of a loop, each statement of a block) against the same budget, and on running out, the same error at the
 * same position; the same errors in the same order ({@code RangeError} of a result too large or a division
 * by zero, at the node that raises it); the same numbers (the same double operations, so -0 stays -0). On
 * every way out (the loop's end, a {@code return}, an error) it first writes the locals it changed back to
 * the frame, as the tree-walker would hold them, and gives the budget its count.
 *
 * <p>Every intermediate value goes to a fresh JVM local rather than staying on the operand stack, so that a
 * jump to the way out never has a stack to unwind.
 */
final class RegionCompiler extends NumericCodeWriter {

    /** HotSpot does not JIT-compile a method longer than this (HugeMethodLimit): such a region is not compiled. */
    static final int MAX_CODE_BYTES = 8000;

    private static final String BASE = "dev/rondo/core/internal/interp/CompiledRegion";
    private static final String FRAME = "dev/rondo/core/internal/interp/Frame";
    private static final String SPANS = "[Ldev/rondo/core/ast/Span;";

    // The fixed JVM locals of run(Frame); the region's locals and temporaries follow.
    private static final int THIS = 0;
    private static final int FRAME_ARG = 1;
    private static final int FROM_PASS = 2; // boolean: start at a pass of the loop, not at its initialiser
    private static final int SLOTS = 3;
    private static final int LEFT = 4; // long: the operations the budget still allows
    private static final int MAX = 6; // long
    private static final int SITE = 8; // the tick counted last, -1 before the first
    private static final int EXIT = 9; // how the code ends: one of the EXIT_ values
    private static final int ERROR = 10; // the error site, when EXIT_ERROR
    private static final int RESULT = 11; // double: the value of a return
    private static final int FIRST_FREE = 13;

    private static final int EXIT_NORMAL = 0;
    private static final int EXIT_RETURN = 1;
    private static final int EXIT_ERROR = 2;
    private static final int EXIT_LIMIT = 3;

    /** A loop of the region, for {@code break} and {@code continue}. */
    private record Target(String[] labels, Label end, Label next) {}

    private final NumericRegion region;
    private final BitSet counters;
    private final Map<Integer, Integer> locals = new HashMap<>();
    private final List<Span> ticks = new ArrayList<>();
    private final List<Span> errorSpans = new ArrayList<>();
    private final List<String> errorOperators = new ArrayList<>();
    private final Deque<Target> loops = new ArrayDeque<>();
    private final Label exit = new Label();
    /** Where the code starts when handed the loop between two passes: the region loop's header. */
    private final Label passStart = new Label();

    private RegionCompiler(NumericRegion region, BitSet counters) {
        this.region = region;
        this.counters = counters;
        this.nextLocal = FIRST_FREE;
    }

    /**
     * The region compiled, or null when its code would be too long to be JIT-compiled. {@code counters}: the
     * slots of the region's body that {@code +=} and the like update (complete, since linking has ended).
     */
    static CompiledRegion compile(NumericRegion region, BitSet counters) {
        return new RegionCompiler(region, counters).define();
    }

    private CompiledRegion define() {
        ClassWriter cw = classWriter();
        cw.visit(V21, ACC_FINAL | ACC_SUPER, BASE + "$Loop", null, BASE, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "(" + SPANS + SPANS + "[Ljava/lang/String;)V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitVarInsn(ALOAD, 2);
        init.visitVarInsn(ALOAD, 3);
        init.visitMethodInsn(INVOKESPECIAL, BASE, "<init>", "(" + SPANS + SPANS + "[Ljava/lang/String;)V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        mv = cw.visitMethod(0, "run", "(L" + FRAME + ";Z)I", null, null);
        mv.visitCode();
        Label notRun = new Label();
        prologue(notRun);
        mv.visitVarInsn(ILOAD, FROM_PASS);
        mv.visitJumpInsn(IFNE, passStart);
        stmt(region.loop);
        push(EXIT_NORMAL);
        mv.visitVarInsn(ISTORE, EXIT);
        mv.visitLabel(exit);
        epilogue();
        mv.visitLabel(notRun);
        push(CompiledRegion.NOT_RUN);
        mv.visitInsn(IRETURN);
        Label end = new Label();
        mv.visitLabel(end);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        if (end.getOffset() > MAX_CODE_BYTES) {
            return null;
        }
        return instantiate(cw, CompiledRegion.class, "a compiled loop", new Class<?>[] {Span[].class, Span[].class, String[].class},
                ticks.toArray(Span[]::new), errorSpans.toArray(Span[]::new), errorOperators.toArray(String[]::new));
    }

    /** Loads the locals the region finds on entry (or leaves if one is not a number), and the budget's count. */
    private void prologue(Label notRun) {
        mv.visitVarInsn(ALOAD, FRAME_ARG);
        mv.visitFieldInsn(GETFIELD, FRAME, "slots", "[Ljava/lang/Object;");
        mv.visitVarInsn(ASTORE, SLOTS);
        for (int slot : region.entrySlots) {
            load(slot, notRun);
        }
        for (int slot : region.declaredSlots) {
            mv.visitInsn(DCONST_0);
            mv.visitVarInsn(DSTORE, local(slot));
            if (region.headerSlots.get(slot)) {
                // between two passes, the variables of a for's initialiser hold their numbers
                Label fresh = new Label();
                mv.visitVarInsn(ILOAD, FROM_PASS);
                mv.visitJumpInsn(IFEQ, fresh);
                load(slot, notRun);
                mv.visitLabel(fresh);
            }
        }
        mv.visitVarInsn(ALOAD, FRAME_ARG);
        mv.visitFieldInsn(GETFIELD, FRAME, "budget", "L" + BUDGET + ";");
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKEVIRTUAL, BUDGET, "maxOperations", "()J", false);
        mv.visitInsn(DUP2);
        mv.visitVarInsn(LSTORE, MAX);
        mv.visitInsn(DUP2_X1);
        mv.visitInsn(POP2);
        mv.visitMethodInsn(INVOKEVIRTUAL, BUDGET, "operations", "()J", false);
        mv.visitInsn(LSUB);
        mv.visitVarInsn(LSTORE, LEFT);
        push(-1);
        mv.visitVarInsn(ISTORE, SITE);
        push(EXIT_NORMAL);
        mv.visitVarInsn(ISTORE, EXIT);
        push(0);
        mv.visitVarInsn(ISTORE, ERROR);
        mv.visitInsn(DCONST_0);
        mv.visitVarInsn(DSTORE, RESULT);
    }

    /** Loads a slot's number into its local, going to {@code notRun} when it holds anything else. */
    private void load(int slot, Label notRun) {
        int local = local(slot);
        mv.visitVarInsn(ALOAD, SLOTS);
        push(slot);
        mv.visitInsn(AALOAD);
        mv.visitMethodInsn(INVOKESTATIC, BASE, "number", "(Ljava/lang/Object;)D", false);
        mv.visitVarInsn(DSTORE, local);
        mv.visitVarInsn(DLOAD, local);
        mv.visitVarInsn(DLOAD, local);
        mv.visitInsn(DCMPL);
        mv.visitJumpInsn(IFNE, notRun); // NaN: not a number
    }

    /** Writes the changed locals back, gives the budget its count, then ends as {@link #EXIT} says. */
    private void epilogue() {
        for (int slot : region.writtenSlots) {
            mv.visitVarInsn(ALOAD, SLOTS);
            push(slot);
            mv.visitVarInsn(DLOAD, local(slot));
            mv.visitMethodInsn(INVOKESTATIC, BASE, counters.get(slot) ? "storeCell" : "storeNumber", "([Ljava/lang/Object;ID)V",
                    false);
        }
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, FRAME_ARG);
        mv.visitVarInsn(LLOAD, MAX);
        mv.visitVarInsn(LLOAD, LEFT);
        mv.visitInsn(LSUB);
        mv.visitVarInsn(ILOAD, SITE);
        mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "leave", "(L" + FRAME + ";JI)V", false);
        Label normal = new Label();
        Label returned = new Label();
        Label failed = new Label();
        Label limit = new Label();
        mv.visitVarInsn(ILOAD, EXIT);
        mv.visitTableSwitchInsn(EXIT_NORMAL, EXIT_LIMIT, normal, normal, returned, failed, limit);
        mv.visitLabel(normal);
        push(Completion.NORMAL);
        mv.visitInsn(IRETURN);
        mv.visitLabel(returned);
        mv.visitVarInsn(ALOAD, FRAME_ARG);
        mv.visitVarInsn(DLOAD, RESULT);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
        mv.visitFieldInsn(PUTFIELD, FRAME, "returnValue", "Ljava/lang/Object;");
        push(Completion.RETURN);
        mv.visitInsn(IRETURN);
        mv.visitLabel(failed);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ILOAD, ERROR);
        mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "error", "(I)L" + FLOW_THROW + ";", false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(limit);
        mv.visitVarInsn(ALOAD, THIS);
        mv.visitVarInsn(ALOAD, FRAME_ARG);
        mv.visitVarInsn(ILOAD, SITE);
        mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "outOfOperations", "(L" + FRAME + ";I)Ljava/lang/RuntimeException;", false);
        mv.visitInsn(ATHROW);
    }

    // ---- statements

    @Override
    void stmt(XStmt s) {
        switch (s) {
            case StmtNodes.Block b -> block(b);
            case LoopNodes.For l -> {
                // laid out with the test at the bottom (the first count and test before the loop), so that the
                // loop's header is the body, where the tree-walker may hand the loop over
                if (l.init != null) {
                    stmt(l.init);
                }
                Label body = new Label();
                Label next = new Label();
                Label end = new Label();
                tick(l.span);
                if (l.test != null) {
                    branch(l.test, false, end);
                }
                mv.visitLabel(body);
                header(l);
                loops.push(new Target(l.labels, end, next));
                stmt(l.body);
                loops.pop();
                mv.visitLabel(next);
                if (l.update != null) {
                    stmt(l.update);
                }
                tick(l.span);
                if (l.test != null) {
                    branch(l.test, true, body);
                } else {
                    mv.visitJumpInsn(GOTO, body);
                }
                mv.visitLabel(end);
            }
            case LoopNodes.While l -> {
                Label top = new Label();
                Label end = new Label();
                mv.visitLabel(top);
                header(l);
                tick(l.span);
                branch(l.test, false, end);
                loops.push(new Target(l.labels, end, top));
                stmt(l.body);
                loops.pop();
                mv.visitJumpInsn(GOTO, top);
                mv.visitLabel(end);
            }
            case LoopNodes.DoWhile l -> {
                Label top = new Label();
                Label next = new Label();
                Label end = new Label();
                mv.visitLabel(top);
                header(l);
                loops.push(new Target(l.labels, end, next));
                stmt(l.body);
                loops.pop();
                mv.visitLabel(next);
                tick(l.span);
                branch(l.test, true, top);
                mv.visitLabel(end);
            }
            case StmtNodes.Labeled l -> stmt(l.body);
            case StmtNodes.Break b -> mv.visitJumpInsn(GOTO, target(b.label).end());
            case StmtNodes.Continue c -> mv.visitJumpInsn(GOTO, target(c.label).next());
            case StmtNodes.Return r -> {
                mv.visitVarInsn(DLOAD, value(r.value));
                mv.visitVarInsn(DSTORE, RESULT);
                leaveWith(EXIT_RETURN);
            }
            default -> {
                if (!simpleStatement(s)) {
                    throw new IllegalStateException("not in a numeric region: " + s.getClass().getSimpleName());
                }
            }
        }
    }

    /** Marks where a pass of the region's own loop starts (see {@link CompiledRegion#run}). */
    private void header(LoopNodes.Loop l) {
        if (l == region.loop) {
            mv.visitLabel(passStart);
        }
    }

    /** Counts one operation at {@code where}, leaving when the budget is spent (as {@link Frame#tick}). */
    @Override
    void tick(Span where) {
        push(ticks.size());
        ticks.add(where);
        mv.visitVarInsn(ISTORE, SITE);
        // counting down what is left, not up to the limit: the limit may be Long.MAX_VALUE, and a count up to
        // it makes C2's counted-loop limit check fail (a deoptimization) the first time the loop runs compiled
        mv.visitVarInsn(LLOAD, LEFT);
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LSUB);
        mv.visitInsn(DUP2);
        mv.visitVarInsn(LSTORE, LEFT);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        Label within = new Label();
        mv.visitJumpInsn(IFGE, within);
        leaveWith(EXIT_LIMIT);
        mv.visitLabel(within);
    }

    private Target target(String label) {
        for (Target t : loops) {
            if (label == null) {
                return t;
            }
            for (String own : t.labels()) {
                if (own.equals(label)) {
                    return t;
                }
            }
        }
        throw new IllegalStateException("no loop of the region answers label " + label);
    }

    @Override
    int other(XExpr e) {
        if (e instanceof AccessNodes.InputMember m) {
            return local(m.cacheSlot);
        }
        return super.other(e);
    }

    @Override
    void raise(Span span, String operator) {
        push(errorSpans.size());
        errorSpans.add(span);
        errorOperators.add(operator);
        mv.visitVarInsn(ISTORE, ERROR);
        leaveWith(EXIT_ERROR);
    }

    private void leaveWith(int how) {
        push(how);
        mv.visitVarInsn(ISTORE, EXIT);
        mv.visitJumpInsn(GOTO, exit);
    }

    @Override
    int local(int slot) {
        return locals.computeIfAbsent(slot, s -> temp());
    }
}
