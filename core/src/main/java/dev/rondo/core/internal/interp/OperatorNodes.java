package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Expr.BinaryOp;
import dev.rondo.core.ast.Span;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Operators;
import dev.rondo.core.value.Values;

/**
 * Operators. The common arithmetic and comparison operators have their own node with a number fast path,
 * since a pure loop spends its time here; everything else goes through {@link Operators}. The fast paths
 * are written out per operator on purpose: a shared template method would make its call sites see every
 * operator and stop the JIT from inlining them. They read their operands with {@link XExpr#peekNumber}, and
 * give their own result that way when their parent asks so, so that {@code s += i % 7} boxes no number;
 * comparisons answer {@link XExpr#isTrue} without a {@link Boolean}.
 */
final class OperatorNodes {

    private static final Object NUMBER = XExpr.NUMBER;

    private OperatorNodes() {}

    static XExpr binary(Span span, BinaryOp op, XExpr left, XExpr right) {
        return switch (op) {
            case ADD -> new Add(span, left, right);
            case SUBTRACT -> new Subtract(span, left, right);
            case MULTIPLY -> new Multiply(span, left, right);
            case REMAINDER -> new Remainder(span, left, right);
            case LESS -> new Less(span, left, right);
            case LESS_EQUAL -> new LessEqual(span, left, right);
            case GREATER -> new Greater(span, left, right);
            case GREATER_EQUAL -> new GreaterEqual(span, left, right);
            case EQUAL, STRICT_EQUAL -> new Equal(span, left, right, false);
            case NOT_EQUAL, STRICT_NOT_EQUAL -> new Equal(span, left, right, true);
            default -> new Generic(span, op, left, right);
        };
    }

    /** Applies {@code op} to two values (also used by compound assignment). */
    static Object apply(BinaryOp op, Object l, Object r) {
        return switch (op) {
            case ADD -> Operators.add(l, r);
            case SUBTRACT -> Operators.subtract(l, r);
            case MULTIPLY -> Operators.multiply(l, r);
            case DIVIDE -> Operators.divide(l, r);
            case REMAINDER -> Operators.remainder(l, r);
            case POWER -> Operators.power(l, r);
            case EQUAL, STRICT_EQUAL -> Values.strictEquals(l, r);
            case NOT_EQUAL, STRICT_NOT_EQUAL -> !Values.strictEquals(l, r);
            case LESS -> Operators.lessThan(l, r);
            case LESS_EQUAL -> Operators.lessOrEqual(l, r);
            case GREATER -> Operators.greaterThan(l, r);
            case GREATER_EQUAL -> Operators.greaterOrEqual(l, r);
        };
    }

    abstract static class Binary extends XExpr {
        final XExpr left;
        final XExpr right;

        Binary(Span span, XExpr left, XExpr right) {
            super(span);
            this.left = left;
            this.right = right;
        }
    }

    static final class Add extends Binary {
        Add(Span span, XExpr left, XExpr right) {
            super(span, left, right);
        }

        // The hot nodes override peek, so that it is not the shared, megamorphic call of XExpr.peek.
        @Override
        Object peek(Frame f) {
            return eval(f);
        }

        @Override
        Object eval(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER) {
                double sum = a + b;
                if (Double.isFinite(sum)) {
                    return Numbers.box(sum);
                }
            }
            return general(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r);
        }

        @Override
        Object peekNumber(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER) {
                double sum = a + b;
                if (Double.isFinite(sum)) {
                    f.number = sum;
                    return NUMBER;
                }
            }
            return f.number(general(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r));
        }

        private Object general(Object l, Object r) {
            try {
                return Operators.add(l, r);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class Subtract extends Binary {
        Subtract(Span span, XExpr left, XExpr right) {
            super(span, left, right);
        }

        @Override
        Object peek(Frame f) {
            return eval(f);
        }

        @Override
        Object eval(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER) {
                double difference = a - b;
                if (Double.isFinite(difference)) {
                    return difference;
                }
            }
            return general(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r);
        }

        @Override
        Object peekNumber(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER) {
                double difference = a - b;
                if (Double.isFinite(difference)) {
                    f.number = difference;
                    return NUMBER;
                }
            }
            return f.number(general(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r));
        }

        private Object general(Object l, Object r) {
            try {
                return Operators.subtract(l, r);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class Multiply extends Binary {
        Multiply(Span span, XExpr left, XExpr right) {
            super(span, left, right);
        }

        @Override
        Object peek(Frame f) {
            return eval(f);
        }

        @Override
        Object eval(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER) {
                double product = a * b;
                if (Double.isFinite(product)) {
                    return product;
                }
            }
            return general(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r);
        }

        @Override
        Object peekNumber(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER) {
                double product = a * b;
                if (Double.isFinite(product)) {
                    f.number = product;
                    return NUMBER;
                }
            }
            return f.number(general(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r));
        }

        private Object general(Object l, Object r) {
            try {
                return Operators.multiply(l, r);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class Remainder extends Binary {
        private static final Double NEGATIVE_ZERO = -0.0;

        Remainder(Span span, XExpr left, XExpr right) {
            super(span, left, right);
        }

        @Override
        Object peek(Frame f) {
            return eval(f);
        }

        @Override
        Object eval(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER && b != 0) {
                int ai = (int) a;
                int bi = (int) b;
                if (ai == a && bi == b) {
                    int remainder = ai % bi;
                    return remainder != 0 || Double.doubleToRawLongBits(a) >= 0 ? Numbers.box(remainder) : NEGATIVE_ZERO;
                }
                return a % b;
            }
            return general(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r);
        }

        @Override
        Object peekNumber(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER && b != 0) {
                int ai = (int) a;
                int bi = (int) b;
                if (ai == a && bi == b) {
                    // Whole numbers in int range (the usual i % k): an integer division, far cheaper than the
                    // double remainder (fprem). The result takes the dividend's sign, so -7 % 7 and -0 % 7 are -0.
                    int remainder = ai % bi;
                    f.number = remainder != 0 || Double.doubleToRawLongBits(a) >= 0 ? remainder : -0.0;
                } else {
                    f.number = a % b;
                }
                return NUMBER;
            }
            return f.number(general(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r));
        }

        private Object general(Object l, Object r) {
            try {
                return Operators.remainder(l, r);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class Less extends Binary {
        Less(Span span, XExpr left, XExpr right) {
            super(span, left, right);
        }

        @Override
        Object peek(Frame f) {
            return eval(f);
        }

        @Override
        Object eval(Frame f) {
            return isTrue(f);
        }

        @Override
        boolean isTrue(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER) {
                return a < b;
            }
            try {
                return Operators.lessThan(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class LessEqual extends Binary {
        LessEqual(Span span, XExpr left, XExpr right) {
            super(span, left, right);
        }

        @Override
        Object peek(Frame f) {
            return eval(f);
        }

        @Override
        Object eval(Frame f) {
            return isTrue(f);
        }

        @Override
        boolean isTrue(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER) {
                return a <= b;
            }
            try {
                return Operators.lessOrEqual(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class Greater extends Binary {
        Greater(Span span, XExpr left, XExpr right) {
            super(span, left, right);
        }

        @Override
        Object peek(Frame f) {
            return eval(f);
        }

        @Override
        Object eval(Frame f) {
            return isTrue(f);
        }

        @Override
        boolean isTrue(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER) {
                return a > b;
            }
            try {
                return Operators.greaterThan(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class GreaterEqual extends Binary {
        GreaterEqual(Span span, XExpr left, XExpr right) {
            super(span, left, right);
        }

        @Override
        Object peek(Frame f) {
            return eval(f);
        }

        @Override
        Object eval(Frame f) {
            return isTrue(f);
        }

        @Override
        boolean isTrue(Frame f) {
            Object l = left.peekNumber(f);
            double a = f.number;
            Object r = right.peekNumber(f);
            double b = f.number;
            if (l == NUMBER && r == NUMBER) {
                return a >= b;
            }
            try {
                return Operators.greaterOrEqual(l == NUMBER ? (Object) a : l, r == NUMBER ? (Object) b : r);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class Equal extends Binary {
        final boolean negated;

        Equal(Span span, XExpr left, XExpr right, boolean negated) {
            super(span, left, right);
            this.negated = negated;
        }

        @Override
        Object eval(Frame f) {
            return isTrue(f);
        }

        @Override
        boolean isTrue(Frame f) {
            return Values.strictEquals(left.peek(f), right.peek(f)) != negated;
        }
    }

    static final class Generic extends Binary {
        final BinaryOp op;

        Generic(Span span, BinaryOp op, XExpr left, XExpr right) {
            super(span, left, right);
            this.op = op;
        }

        @Override
        Object eval(Frame f) {
            Object l = left.peek(f);
            Object r = right.peek(f);
            try {
                return apply(op, l, r);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class Not extends XExpr {
        final XExpr operand;

        Not(Span span, XExpr operand) {
            super(span);
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            return !operand.isTrue(f);
        }

        @Override
        boolean isTrue(Frame f) {
            return !operand.isTrue(f);
        }
    }

    static final class Negate extends XExpr {
        final XExpr operand;

        Negate(Span span, XExpr operand) {
            super(span);
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            Object value = operand.peek(f);
            if (value instanceof Double d) {
                return -d;
            }
            try {
                return Operators.negate(value);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class UnaryPlus extends XExpr {
        final XExpr operand;

        UnaryPlus(Span span, XExpr operand) {
            super(span);
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            try {
                return Operators.plus(operand.peek(f));
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class TypeOf extends XExpr {
        final XExpr operand;

        TypeOf(Span span, XExpr operand) {
            super(span);
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            return Values.typeOf(operand.peek(f));
        }
    }

    static final class And extends XExpr {
        final XExpr left;
        final XExpr right;

        And(Span span, XExpr left, XExpr right) {
            super(span);
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame f) {
            Object l = left.eval(f);
            return Values.isTruthy(l) ? right.eval(f) : l;
        }

        @Override
        boolean isTrue(Frame f) {
            return left.isTrue(f) && right.isTrue(f);
        }
    }

    static final class Or extends XExpr {
        final XExpr left;
        final XExpr right;

        Or(Span span, XExpr left, XExpr right) {
            super(span);
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame f) {
            Object l = left.eval(f);
            return Values.isTruthy(l) ? l : right.eval(f);
        }

        @Override
        boolean isTrue(Frame f) {
            return left.isTrue(f) || right.isTrue(f);
        }
    }

    static final class Coalesce extends XExpr {
        final XExpr left;
        final XExpr right;

        Coalesce(Span span, XExpr left, XExpr right) {
            super(span);
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame f) {
            Object l = left.eval(f);
            return l != null ? l : right.eval(f);
        }
    }

    static final class Conditional extends XExpr {
        final XExpr test;
        final XExpr then;
        final XExpr otherwise;

        Conditional(Span span, XExpr test, XExpr then, XExpr otherwise) {
            super(span);
            this.test = test;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Object eval(Frame f) {
            return test.isTrue(f) ? then.eval(f) : otherwise.eval(f);
        }
    }
}
