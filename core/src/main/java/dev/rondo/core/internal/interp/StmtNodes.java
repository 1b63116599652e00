package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Expr.BinaryOp;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt.AssignOp;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Values;
import java.util.BitSet;

/** Statements that do not contain other statements, and blocks, ifs and labels. */
final class StmtNodes {

    private StmtNodes() {}

    static final class ExprStmt extends XStmt {
        final XExpr expr;

        ExprStmt(Span span, XExpr expr) {
            super(span);
            this.expr = expr;
        }

        @Override
        int exec(Frame f) {
            expr.peek(f);
            return Completion.NORMAL;
        }
    }

    /**
     * A number going into a slot that {@code +=} or {@code ++} updates goes into a {@link NumberCell} at once:
     * then the slot holds a cell from {@code let i = 0} on, in every execution, and compiled code that reads
     * it sees one class only (it would otherwise deoptimize where a Double turns into a cell).
     */
    static Object forSlot(Object value, BitSet counters, int slot) {
        return value != null && value.getClass() == Double.class && counters.get(slot) ? new NumberCell((Double) value) : value;
    }

    static final class Let extends XStmt {
        final PatternNodes.XPattern target;
        final XExpr init;
        /** The slot of a plain name, or -1 for a destructuring pattern. */
        final int slot;
        final BitSet counters;

        Let(Span span, PatternNodes.XPattern target, XExpr init, BitSet counters) {
            super(span);
            this.target = target;
            this.init = init;
            this.slot = target instanceof PatternNodes.Name name ? name.slot : -1;
            this.counters = counters;
        }

        @Override
        int exec(Frame f) {
            Object value = init == null ? null : init.eval(f);
            if (slot >= 0) {
                f.slots[slot] = forSlot(value, counters, slot);
            } else {
                target.bind(f, value);
            }
            return Completion.NORMAL;
        }
    }

    /** {@code x = e} on a local. */
    static final class AssignLocal extends XStmt {
        final int slot;
        final XExpr value;
        final BitSet counters;

        AssignLocal(Span span, int slot, XExpr value, BitSet counters) {
            super(span);
            this.slot = slot;
            this.value = value;
            this.counters = counters;
        }

        @Override
        int exec(Frame f) {
            f.slots[slot] = forSlot(value.eval(f), counters, slot);
            return Completion.NORMAL;
        }
    }

    /** {@code x += e}, {@code x++} and the other arithmetic compounds on a local, with a number fast path for {@code +=}. */
    static final class CompoundLocal extends XStmt {
        final int slot;
        final BinaryOp op;
        final XExpr value;

        CompoundLocal(Span span, int slot, BinaryOp op, XExpr value) {
            super(span);
            this.slot = slot;
            this.op = op;
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            Object current = f.slots[slot];
            if (op == BinaryOp.ADD) {
                Object r = value.peekNumber(f);
                if (r == XExpr.NUMBER) {
                    // a counter or a sum: the number changes in place in its cell (see NumberCell)
                    Class<?> type = current == null ? null : current.getClass(); // see ValueNodes.Local.peekNumber
                    if (type == NumberCell.class) {
                        NumberCell cell = (NumberCell) current;
                        double sum = cell.value + f.number;
                        if (Double.isFinite(sum)) {
                            cell.value = sum;
                            return Completion.NORMAL;
                        }
                    } else if (type == Double.class) {
                        double sum = (Double) current + f.number;
                        if (Double.isFinite(sum)) {
                            f.slots[slot] = new NumberCell(sum);
                            return Completion.NORMAL;
                        }
                    }
                    return general(f, current, f.number);
                }
                return general(f, current, r);
            }
            return general(f, current, value.peek(f));
        }

        private int general(Frame f, Object current, Object operand) {
            try {
                if (op == BinaryOp.ADD && f.slots[slot] == current) {
                    // builds long strings in place (the slot is the builder's only owner); null: not a string
                    Object built = StringBuilding.append(current, operand);
                    if (built != null) {
                        f.slots[slot] = built;
                        return Completion.NORMAL;
                    }
                }
                current = StringBuilding.read(current);
                f.slots[slot] = OperatorNodes.apply(op, current, operand);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
            return Completion.NORMAL;
        }
    }

    /** {@code x += 1} and {@code x++} (lowered to it) on a local holding a number; anything else goes the general way. */
    static final class AddConstantToLocal extends XStmt {
        final int slot;
        final double amount;
        final CompoundLocal general;

        AddConstantToLocal(Span span, int slot, double amount, CompoundLocal general) {
            super(span);
            this.slot = slot;
            this.amount = amount;
            this.general = general;
        }

        @Override
        int exec(Frame f) {
            Object current = f.slots[slot];
            Class<?> type = current == null ? null : current.getClass(); // see ValueNodes.Local.peekNumber
            if (type == NumberCell.class) {
                NumberCell cell = (NumberCell) current;
                double sum = cell.value + amount;
                if (Double.isFinite(sum)) {
                    cell.value = sum;
                    return Completion.NORMAL;
                }
            } else if (type == Double.class) {
                double sum = (Double) current + amount;
                if (Double.isFinite(sum)) {
                    f.slots[slot] = new NumberCell(sum);
                    return Completion.NORMAL;
                }
            }
            return general.exec(f);
        }
    }

    /** Any assignment to a place, including {@code ??=}, {@code ||=} and {@code &&=}, which evaluate the value only when needed. */
    static final class AssignPlace extends XStmt {
        final Place place;
        final AssignOp op;
        final XExpr value;

        AssignPlace(Span span, Place place, AssignOp op, XExpr value) {
            super(span);
            this.place = place;
            this.op = op;
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            try {
                Object[] keys = place.keys(f);
                if (op == AssignOp.ASSIGN) {
                    place.write(f, keys, value.eval(f));
                    return Completion.NORMAL;
                }
                Object current = place.read(f, keys);
                Object result = switch (op) {
                    case COALESCE -> current != null ? null : value.eval(f);
                    case OR -> Values.isTruthy(current) ? null : value.eval(f);
                    case AND -> Values.isTruthy(current) ? value.eval(f) : null;
                    default -> OperatorNodes.apply(arithmetic(op), current, value.peek(f));
                };
                boolean skip = switch (op) {
                    case COALESCE -> current != null;
                    case OR -> Values.isTruthy(current);
                    case AND -> !Values.isTruthy(current);
                    default -> false;
                };
                if (!skip) {
                    place.write(f, keys, result);
                }
                return Completion.NORMAL;
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    /**
     * {@code o.name = e} on a local: an unshared object (the usual case) takes the value in place, without the
     * path of keys {@link AssignPlace} evaluates; anything else (a shared object, which is copied first, an
     * array, a missing object) goes through the {@link Place}, as {@link AssignPlace} would.
     */
    static final class AssignProperty extends XStmt {
        final Place place;
        final String name;
        final Object[] keys;
        final XExpr value;
        /** Where the key was in the last object written, as {@link AccessNodes.Member} remembers it. */
        private int hint;

        AssignProperty(Span span, Place place, String name, XExpr value) {
            super(span);
            this.place = place;
            this.name = name;
            this.keys = new Object[] {name};
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            try {
                // the value first: evaluating it may share the object (o.a = [o])
                Object v = value.eval(f);
                Object root = f.slots[place.slot];
                if (root != null && root.getClass() == FlowObject.class && !((FlowObject) root).isShared()) {
                    FlowObject object = (FlowObject) root;
                    int slot = object.slot(name, hint);
                    if (slot >= 0) {
                        hint = slot;
                        object.setAt(slot, v);
                    } else {
                        object.put(name, v);
                    }
                } else {
                    place.write(f, keys, v);
                }
                return Completion.NORMAL;
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static BinaryOp arithmetic(AssignOp op) {
        return switch (op) {
            case ADD -> BinaryOp.ADD;
            case SUBTRACT -> BinaryOp.SUBTRACT;
            case MULTIPLY -> BinaryOp.MULTIPLY;
            case DIVIDE -> BinaryOp.DIVIDE;
            case REMAINDER -> BinaryOp.REMAINDER;
            case POWER -> BinaryOp.POWER;
            default -> throw new IllegalArgumentException("not arithmetic: " + op);
        };
    }

    static final class Block extends XStmt {
        /** Package-private for {@link LoopNodes.For}, which runs a block body's statements itself. */
        final XStmt[] body;
        final Scope scope;

        Block(Span span, XStmt[] body, Scope scope) {
            super(span);
            this.body = body;
            this.scope = scope;
        }

        @Override
        int exec(Frame f) {
            return run(f, 0);
        }

        private int run(Frame f, int from) {
            XStmt[] statements = body;
            for (int i = from; i < statements.length; i++) {
                f.tick(statements[i].span);
                int c = statements[i].exec(f);
                if (c != Completion.NORMAL) {
                    if (c == Completion.SUSPEND) {
                        f.suspendAt(i, null, scope);
                    }
                    return c;
                }
            }
            return Completion.NORMAL;
        }

        /** Writes this block's saved locals back at once (the top-level constants that functions read). */
        void restoreLocals(Frame f, Pos pos) {
            scope.restore(f, pos);
        }

        @Override
        int resume(Frame f) {
            Pos pos = f.nextResumePos();
            scope.restore(f, pos);
            int i = pos.pc();
            int c = body[i].resume(f);
            if (c != Completion.NORMAL) {
                if (c == Completion.SUSPEND) {
                    f.suspendAt(i, null, scope);
                }
                return c;
            }
            return run(f, i + 1);
        }
    }

    static final class If extends XStmt {
        final XExpr test;
        final XStmt then;
        final XStmt otherwise;

        If(Span span, XExpr test, XStmt then, XStmt otherwise) {
            super(span);
            this.test = test;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        int exec(Frame f) {
            if (test.isTrue(f)) {
                return suspended(f, then.exec(f), 0);
            }
            return otherwise == null ? Completion.NORMAL : suspended(f, otherwise.exec(f), 1);
        }

        @Override
        int resume(Frame f) {
            int branch = f.nextResumePos().pc();
            return suspended(f, (branch == 0 ? then : otherwise).resume(f), branch);
        }

        private static int suspended(Frame f, int c, int branch) {
            if (c == Completion.SUSPEND) {
                f.suspendAt(branch, null, null);
            }
            return c;
        }
    }

    /** {@code label: statement} around a statement that is not a loop (loops handle their own labels). */
    static final class Labeled extends XStmt {
        final String label;
        final XStmt body;

        Labeled(Span span, String label, XStmt body) {
            super(span);
            this.label = label;
            this.body = body;
        }

        @Override
        int exec(Frame f) {
            return ended(f, body.exec(f));
        }

        @Override
        int resume(Frame f) {
            return ended(f, body.resume(f));
        }

        private int ended(Frame f, int c) {
            if (c == Completion.BREAK && label.equals(f.label)) {
                f.label = null;
                return Completion.NORMAL;
            }
            return c;
        }
    }

    static final class Break extends XStmt {
        final String label;

        Break(Span span, String label) {
            super(span);
            this.label = label;
        }

        @Override
        int exec(Frame f) {
            f.label = label;
            return Completion.BREAK;
        }
    }

    static final class Continue extends XStmt {
        final String label;

        Continue(Span span, String label) {
            super(span);
            this.label = label;
        }

        @Override
        int exec(Frame f) {
            f.label = label;
            return Completion.CONTINUE;
        }
    }

    static final class Return extends XStmt {
        final XExpr value;

        Return(Span span, XExpr value) {
            super(span);
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            f.returnValue = value == null ? null : value.eval(f);
            return Completion.RETURN;
        }
    }

    static final class Throw extends XStmt {
        final XExpr value;

        Throw(Span span, XExpr value) {
            super(span);
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            throw new FlowThrow(value.eval(f), span);
        }
    }
}
