package dev.rondo.core.internal.interp;

import static org.objectweb.asm.Opcodes.*;

import dev.rondo.core.ast.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes a program's {@link NumericFunctions} as one hidden class extending {@link CompiledFunctions}: a static
 * method {@code double f<index>(Machine, Object[] constants, double... parameters)} per function, its locals in
 * JVM {@code double} locals, and a call of another numeric function an {@code invokestatic}.
 *
 * <p>It does what the tree-walker does, statement by statement: each statement of a block counted through
 * {@link dev.rondo.core.value.Budget#tick} at the same position (so a budget runs out at the same statement,
 * with the same error); the same arithmetic errors at the same nodes; and around each call what
 * {@link Calls#invoke} does: the depth limit after the arguments, and an error leaving the callee recorded on
 * its helper stack. A numeric function has no frame the rest of the program could see, so nothing is written
 * back.
 */
final class FunctionCompiler extends NumericCodeWriter {

    private static final String BASE = "dev/rondo/core/internal/interp/CompiledFunctions";
    private static final String CLASS = BASE + "$Functions";
    private static final String MACHINE = "dev/rondo/core/internal/interp/Machine";

    private static final int M = 0;
    private static final int K = 1;

    private final NumericFunctions numeric;
    private final List<Object> constants = new ArrayList<>();
    private Map<Integer, Integer> locals;
    private int budget;

    private FunctionCompiler(NumericFunctions numeric) {
        this.numeric = numeric;
    }

    static CompiledFunctions compile(NumericFunctions numeric) {
        return new FunctionCompiler(numeric).define();
    }

    private static String descriptor(FunctionCode code) {
        return "(L" + MACHINE + ";[L" + OBJECT + ";" + "D".repeat(code.params.length) + ")D";
    }

    private CompiledFunctions define() {
        ClassWriter cw = classWriter();
        cw.visit(V21, ACC_FINAL | ACC_SUPER, CLASS, null, BASE, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "([L" + OBJECT + ";)V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitMethodInsn(INVOKESPECIAL, BASE, "<init>", "([L" + OBJECT + ";)V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        bridge(cw);
        for (int i = numeric.numeric.nextSetBit(0); i >= 0; i = numeric.numeric.nextSetBit(i + 1)) {
            function(cw, numeric.functions[i]);
        }
        cw.visitEnd();
        return instantiate(cw, CompiledFunctions.class, "compiled functions", new Class<?>[] {Object[].class},
                (Object) constants.toArray());
    }

    /** {@code call(index, m, args)}: a switch over the functions, unpacking the arguments. */
    private void bridge(ClassWriter cw) {
        mv = cw.visitMethod(0, "call", "(IL" + MACHINE + ";[D)D", null, null);
        mv.visitCode();
        int[] keys = numeric.numeric.stream().toArray();
        Label[] cases = new Label[keys.length];
        Label none = new Label();
        for (int i = 0; i < keys.length; i++) {
            cases[i] = new Label();
        }
        mv.visitVarInsn(ILOAD, 1);
        mv.visitLookupSwitchInsn(none, keys, cases);
        for (int i = 0; i < keys.length; i++) {
            FunctionCode code = numeric.functions[keys[i]];
            mv.visitLabel(cases[i]);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, BASE, "constants", "[L" + OBJECT + ";");
            for (int p = 0; p < code.params.length; p++) {
                mv.visitVarInsn(ALOAD, 3);
                push(p);
                mv.visitInsn(DALOAD);
            }
            mv.visitMethodInsn(INVOKESTATIC, CLASS, "f" + code.index, descriptor(code), false);
            mv.visitInsn(DRETURN);
        }
        mv.visitLabel(none);
        mv.visitInsn(ACONST_NULL);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void function(ClassWriter cw, FunctionCode code) {
        mv = cw.visitMethod(ACC_STATIC, "f" + code.index, descriptor(code), null, null);
        mv.visitCode();
        locals = new HashMap<>();
        nextLocal = 2;
        for (PatternNodes.XPattern p : code.params) {
            locals.put(((PatternNodes.Name) p).slot, nextLocal);
            nextLocal += 2;
        }
        budget = nextLocal++;
        mv.visitVarInsn(ALOAD, M);
        mv.visitFieldInsn(GETFIELD, MACHINE, "budget", "L" + BUDGET + ";");
        mv.visitVarInsn(ASTORE, budget);
        stmt(code.body);
        // every way through the body returns (NumericFunctions checks it): this is never reached
        mv.visitInsn(ACONST_NULL);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    // ---- statements

    @Override
    void stmt(XStmt s) {
        switch (s) {
            case StmtNodes.Block b -> block(b);
            case StmtNodes.Return r -> {
                mv.visitVarInsn(DLOAD, value(r.value));
                mv.visitInsn(DRETURN);
            }
            default -> {
                if (!simpleStatement(s)) {
                    throw new IllegalStateException("not in a numeric function: " + s.getClass().getSimpleName());
                }
            }
        }
    }

    /** Counts one operation at {@code where}, through the budget itself: its error if it runs out. */
    @Override
    void tick(Span where) {
        mv.visitVarInsn(ALOAD, budget);
        constant(where);
        mv.visitTypeInsn(CHECKCAST, "dev/rondo/core/ast/Span");
        mv.visitMethodInsn(INVOKEVIRTUAL, BUDGET, "tick", "(Ldev/rondo/core/ast/Span;)V", false);
    }

    // ---- expressions

    @Override
    int other(XExpr e) {
        return e instanceof FunctionNodes.CallValue c ? call(c) : super.other(e);
    }

    /**
     * A call of a numeric function, as {@link Calls#invoke} makes it: the arguments left to right (those past
     * the parameters too, then dropped), the depth limit, the callee with missing arguments defaulted, and on
     * an error leaving it, its helper stack.
     */
    private int call(FunctionNodes.CallValue c) {
        FunctionCode callee = numeric.functions[((FunctionNodes.FunctionRef) c.callee).function.index()];
        int[] args = new int[c.args.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = value(c.args[i]);
        }
        mv.visitVarInsn(ALOAD, M);
        constant(callee.name);
        constant(c.span);
        mv.visitMethodInsn(INVOKESTATIC, BASE, "enter", "(L" + MACHINE + ";L" + OBJECT + ";L" + OBJECT + ";)V", false);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label after = new Label();
        mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
        mv.visitLabel(start);
        mv.visitVarInsn(ALOAD, M);
        mv.visitVarInsn(ALOAD, K);
        for (int i = 0; i < callee.params.length; i++) {
            if (i < args.length) {
                mv.visitVarInsn(DLOAD, args[i]);
            } else {
                mv.visitLdcInsn(NumericFunctions.defaultValue(callee, i));
            }
        }
        mv.visitMethodInsn(INVOKESTATIC, CLASS, "f" + callee.index, descriptor(callee), false);
        int t = temp();
        mv.visitVarInsn(DSTORE, t);
        mv.visitLabel(end);
        mv.visitVarInsn(ALOAD, M);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, MACHINE, "depth", "I");
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISUB);
        mv.visitFieldInsn(PUTFIELD, MACHINE, "depth", "I");
        mv.visitJumpInsn(GOTO, after);
        mv.visitLabel(handler);
        mv.visitVarInsn(ALOAD, M);
        constant(callee.name);
        constant(c.span);
        mv.visitMethodInsn(INVOKESTATIC, BASE, "leaving",
                "(Ljava/lang/Throwable;L" + MACHINE + ";L" + OBJECT + ";L" + OBJECT + ";)Ljava/lang/Throwable;", false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(after);
        return t;
    }

    @Override
    void raise(Span span, String operator) {
        if (operator == null) {
            constant(span);
            mv.visitMethodInsn(INVOKESTATIC, BASE, "divisionByZero", "(L" + OBJECT + ";)L" + FLOW_THROW + ";", false);
        } else {
            mv.visitLdcInsn(operator);
            constant(span);
            mv.visitMethodInsn(INVOKESTATIC, BASE, "tooLarge", "(Ljava/lang/String;L" + OBJECT + ";)L" + FLOW_THROW + ";",
                    false);
        }
        mv.visitInsn(ATHROW);
    }

    // ---- locals and constants

    @Override
    int local(int slot) {
        return locals.computeIfAbsent(slot, s -> temp());
    }

    /** Pushes {@code constants[i]} holding {@code value}. */
    private void constant(Object value) {
        mv.visitVarInsn(ALOAD, K);
        push(constants.size());
        constants.add(value);
        mv.visitInsn(AALOAD);
    }
}
