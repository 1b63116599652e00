package dev.rondo.core.internal.interp;

import static org.objectweb.asm.Opcodes.*;

import dev.rondo.core.ast.Expr.BinaryOp;
import dev.rondo.core.ast.Span;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * What the bytecode tier's two compilers ({@link RegionCompiler}, {@link FunctionCompiler}) write alike: the
 * numeric expressions and tests, each value into a fresh JVM {@code double} local, with the errors of
 * {@link dev.rondo.core.value.Operators} at their nodes. Each compiler says how a local is found and how an
 * error leaves its code ({@link #raise}).
 */
abstract class NumericCodeWriter {

    static final String OBJECT = "java/lang/Object";
    static final String BUDGET = "dev/rondo/core/value/Budget";
    static final String FLOW_THROW = "dev/rondo/core/value/FlowThrow";

    protected MethodVisitor mv;
    /** The next free JVM local. */
    protected int nextLocal;

    /**
     * A writer of one of the tier's classes: stack frames computed by ASM, which asks for the common superclass
     * of two reference types where frames merge; the generated code only merges the few reference types of its
     * own methods, which need no more precision than {@code Object}.
     */
    static ClassWriter classWriter() {
        return new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return OBJECT;
            }
        };
    }

    /**
     * Defines {@code cw}'s class as a hidden class of this package and returns a new instance of it, built by
     * its constructor of {@code parameters} with {@code arguments}; {@code what} names it in the error of a class
     * the JVM refuses.
     */
    static <T> T instantiate(ClassWriter cw, Class<T> type, String what, Class<?>[] parameters, Object... arguments) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(cw.toByteArray(), true);
            return type.cast(lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class, parameters))
                    .invokeWithArguments(arguments));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not define " + what, e);
        }
    }

    /** The JVM local holding a slot's number. */
    abstract int local(int slot);

    /** Leaves the code with the error raised at {@code span} ({@code operator} null: a division by zero). */
    abstract void raise(Span span, String operator);

    /** Writes a statement of the compiler's code (each writes its blocks, loops and returns its own way). */
    abstract void stmt(XStmt s);

    /** Counts one operation at {@code where}, as {@link Frame#tick}, leaving when the budget is spent. */
    abstract void tick(Span where);

    /** A block: each statement counted, then run, as {@link StmtNodes.Block} does. */
    final void block(StmtNodes.Block b) {
        for (XStmt statement : b.body) {
            tick(statement.span);
            stmt(statement);
        }
    }

    /**
     * Writes the statements both compilers write alike ({@code if}, {@code let}, {@code =}, {@code op=},
     * an expression), or answers false.
     */
    final boolean simpleStatement(XStmt s) {
        switch (s) {
            case StmtNodes.If i -> {
                Label otherwise = new Label();
                Label end = new Label();
                branch(i.test, false, otherwise);
                stmt(i.then);
                mv.visitJumpInsn(GOTO, end);
                mv.visitLabel(otherwise);
                if (i.otherwise != null) {
                    stmt(i.otherwise);
                }
                mv.visitLabel(end);
            }
            case StmtNodes.Let l -> assign(l.slot, value(l.init));
            case StmtNodes.AssignLocal a -> assign(a.slot, value(a.value));
            case StmtNodes.CompoundLocal c -> compound(c);
            // x - k is x + (-k) exactly: compiling the general node gives its errors' operator too
            case StmtNodes.AddConstantToLocal a -> compound(a.general);
            case StmtNodes.ExprStmt e -> value(e.expr);
            default -> {
                return false;
            }
        }
        return true;
    }

    final void assign(int slot, int from) {
        mv.visitVarInsn(DLOAD, from);
        mv.visitVarInsn(DSTORE, local(slot));
    }

    /** {@code x op= e}: the errors of {@link StmtNodes.CompoundLocal#general}, at the statement. */
    final void compound(StmtNodes.CompoundLocal c) {
        int x = local(c.slot);
        int operand = value(c.value);
        assign(c.slot, arithmetic(c.op, x, operand, c.span));
    }

    /** A numeric expression of the compiler's own (an {@code Inputs} read, a call) into a JVM local. */
    int other(XExpr e) {
        throw new IllegalStateException("not a numeric expression: " + e.getClass().getSimpleName());
    }


    /** Evaluates a numeric expression into a JVM local, and gives that local. */
    final int value(XExpr e) {
        return switch (e) {
            case ValueNodes.Const c -> {
                int t = temp();
                mv.visitLdcInsn((Double) c.value);
                mv.visitVarInsn(DSTORE, t);
                yield t;
            }
            case ValueNodes.Local l -> local(l.slot);
            case OperatorNodes.Add a -> binary(BinaryOp.ADD, a.left, a.right, a.span);
            case OperatorNodes.Subtract a -> binary(BinaryOp.SUBTRACT, a.left, a.right, a.span);
            case OperatorNodes.Multiply a -> binary(BinaryOp.MULTIPLY, a.left, a.right, a.span);
            case OperatorNodes.Remainder a -> binary(BinaryOp.REMAINDER, a.left, a.right, a.span);
            case OperatorNodes.Generic g -> binary(g.op, g.left, g.right, g.span);
            case OperatorNodes.Negate n -> {
                int operand = value(n.operand);
                int t = temp();
                mv.visitVarInsn(DLOAD, operand);
                mv.visitInsn(DNEG);
                mv.visitVarInsn(DSTORE, t);
                yield t;
            }
            case OperatorNodes.UnaryPlus p -> value(p.operand);
            case OperatorNodes.Conditional c -> {
                int t = temp();
                Label otherwise = new Label();
                Label end = new Label();
                branch(c.test, false, otherwise);
                assignTemp(t, value(c.then));
                mv.visitJumpInsn(GOTO, end);
                mv.visitLabel(otherwise);
                assignTemp(t, value(c.otherwise));
                mv.visitLabel(end);
                yield t;
            }
            default -> other(e);
        };
    }

    final void assignTemp(int to, int from) {
        mv.visitVarInsn(DLOAD, from);
        mv.visitVarInsn(DSTORE, to);
    }

    final int binary(BinaryOp op, XExpr left, XExpr right, Span span) {
        int a = value(left);
        int b = value(right);
        return arithmetic(op, a, b, span);
    }

    /**
     * {@code a op b} into a new local, raising at {@code span} what {@link dev.rondo.core.value.Operators}
     * raises: a division (or remainder) by zero, then a result too large to be a number.
     */
    final int arithmetic(BinaryOp op, int a, int b, Span span) {
        if (op == BinaryOp.DIVIDE || op == BinaryOp.REMAINDER) {
            mv.visitVarInsn(DLOAD, b);
            mv.visitInsn(DCONST_0);
            mv.visitInsn(DCMPL);
            Label nonZero = new Label();
            mv.visitJumpInsn(IFNE, nonZero);
            raise(span, null);
            mv.visitLabel(nonZero);
        }
        int t = temp();
        mv.visitVarInsn(DLOAD, a);
        mv.visitVarInsn(DLOAD, b);
        switch (op) {
            case ADD -> mv.visitInsn(DADD);
            case SUBTRACT -> mv.visitInsn(DSUB);
            case MULTIPLY -> mv.visitInsn(DMUL);
            case DIVIDE -> mv.visitInsn(DDIV);
            case REMAINDER -> mv.visitMethodInsn(INVOKESTATIC, "dev/rondo/core/internal/interp/CompiledRegion", "remainder", "(DD)D", false);
            default -> throw new IllegalStateException("not compiled: " + op);
        }
        mv.visitVarInsn(DSTORE, t);
        if (op != BinaryOp.REMAINDER) {
            // a remainder is never larger than its operands
            mv.visitVarInsn(DLOAD, t);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "abs", "(D)D", false);
            mv.visitLdcInsn(Double.MAX_VALUE);
            mv.visitInsn(DCMPG);
            Label finite = new Label();
            mv.visitJumpInsn(IFLE, finite);
            raise(span, switch (op) {
                case ADD -> "+";
                case SUBTRACT -> "-";
                case MULTIPLY -> "*";
                default -> "/";
            });
            mv.visitLabel(finite);
        }
        return t;
    }

    // ---- tests

    /** Jumps to {@code target} when {@code test}'s truth is {@code when}, as {@link XExpr#isTrue} tells it. */
    final void branch(XExpr test, boolean when, Label target) {
        switch (test) {
            case OperatorNodes.Less c -> compare(c.left, c.right, when ? IFLT : IFGE, target);
            case OperatorNodes.LessEqual c -> compare(c.left, c.right, when ? IFLE : IFGT, target);
            case OperatorNodes.Greater c -> compare(c.left, c.right, when ? IFGT : IFLE, target);
            case OperatorNodes.GreaterEqual c -> compare(c.left, c.right, when ? IFGE : IFLT, target);
            case OperatorNodes.Equal c -> compare(c.left, c.right, when != c.negated ? IFEQ : IFNE, target);
            case OperatorNodes.Not n -> branch(n.operand, !when, target);
            case OperatorNodes.And a -> {
                if (when) {
                    Label skip = new Label();
                    branch(a.left, false, skip);
                    branch(a.right, true, target);
                    mv.visitLabel(skip);
                } else {
                    branch(a.left, false, target);
                    branch(a.right, false, target);
                }
            }
            case OperatorNodes.Or o -> {
                if (when) {
                    branch(o.left, true, target);
                    branch(o.right, true, target);
                } else {
                    Label skip = new Label();
                    branch(o.left, true, skip);
                    branch(o.right, false, target);
                    mv.visitLabel(skip);
                }
            }
            case ValueNodes.Const c when c.value instanceof Boolean b -> {
                if (b == when) {
                    mv.visitJumpInsn(GOTO, target);
                }
            }
            default -> {
                // a number is true unless it is 0 or -0
                int v = value(test);
                mv.visitVarInsn(DLOAD, v);
                mv.visitInsn(DCONST_0);
                mv.visitInsn(DCMPL);
                mv.visitJumpInsn(when ? IFNE : IFEQ, target);
            }
        }
    }

    /** Compares two numbers (never NaN) and jumps on the comparison's sign with {@code jump}. */
    final void compare(XExpr left, XExpr right, int jump, Label target) {
        int a = value(left);
        int b = value(right);
        mv.visitVarInsn(DLOAD, a);
        mv.visitVarInsn(DLOAD, b);
        mv.visitInsn(DCMPG);
        mv.visitJumpInsn(jump, target);
    }

    final int temp() {
        int t = nextLocal;
        nextLocal += 2;
        return t;
    }

    final void push(int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(ICONST_0 + value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }
}
