package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Values;

/**
 * Loops. A loop answers {@code break}/{@code continue} without a label and those naming one of its
 * labels; any other completion leaves the loop.
 */
final class LoopNodes {

    /** What to do after one pass through a loop body. */
    private static final int NEXT = -1;

    private LoopNodes() {}

    abstract static class Loop extends XStmt {
        final String[] labels;
        /**
         * The bytecode tier when the loop is a {@link NumericRegion} (and the tier is on), else null. Set once
         * by the linker, before the program is published.
         */
        NumericTier tier;

        Loop(Span span, String[] labels) {
            super(span);
            this.labels = labels;
        }

        /** What {@link #exec} does in the tree-walker. */
        abstract int interpret(Frame f);

        /**
         * {@link #interpret} for a loop with a {@link NumericTier} that has not compiled it yet: between two
         * passes, once the tier is due, it hands the rest of the loop over to the compiled code. (Such a loop
         * holds no await, so it never suspends.)
         */
        int interpretTiered(Frame f, NumericTier tier) {
            return interpret(f);
        }

        /** {@link #NEXT} to go on looping, otherwise the completion the loop ends with. */
        final int afterBody(Frame f, int c) {
            if (c == Completion.NORMAL) {
                return NEXT;
            }
            if ((c == Completion.BREAK || c == Completion.CONTINUE) && owns(f.label)) {
                f.label = null;
                return c == Completion.BREAK ? Completion.NORMAL : NEXT;
            }
            return c;
        }

        private boolean owns(String label) {
            if (label == null) {
                return true;
            }
            for (String own : labels) {
                if (own.equals(label)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class While extends Loop {
        final XExpr test;
        final XStmt body;

        While(Span span, String[] labels, XExpr test, XStmt body) {
            super(span, labels);
            this.test = test;
            this.body = body;
        }

        @Override
        int exec(Frame f) {
            return tier == null ? run(f, false) : tier.exec(f);
        }

        @Override
        int interpret(Frame f) {
            return run(f, false);
        }

        @Override
        int resume(Frame f) {
            return run(f, true);
        }

        @Override
        int interpretTiered(Frame f, NumericTier tier) {
            long due = tier.due(f);
            while (true) {
                if (f.budget.operations() >= due) {
                    int c = tier.handOver(f);
                    if (c != CompiledRegion.NOT_RUN) {
                        return c;
                    }
                    due = Long.MAX_VALUE;
                }
                f.tick(span);
                if (!test.isTrue(f)) {
                    return Completion.NORMAL;
                }
                int next = afterBody(f, body.exec(f));
                if (next != NEXT) {
                    return next;
                }
            }
        }

        private int run(Frame f, boolean resuming) {
            while (true) {
                int c;
                if (resuming) {
                    resuming = false;
                    c = body.resume(f);
                } else {
                    f.tick(span);
                    if (!test.isTrue(f)) {
                        return Completion.NORMAL;
                    }
                    c = body.exec(f);
                }
                if (c == Completion.SUSPEND) {
                    return c;
                }
                int next = afterBody(f, c);
                if (next != NEXT) {
                    return next;
                }
            }
        }
    }

    static final class DoWhile extends Loop {
        final XStmt body;
        final XExpr test;

        DoWhile(Span span, String[] labels, XStmt body, XExpr test) {
            super(span, labels);
            this.body = body;
            this.test = test;
        }

        @Override
        int exec(Frame f) {
            return tier == null ? run(f, false) : tier.exec(f);
        }

        @Override
        int interpret(Frame f) {
            return run(f, false);
        }

        @Override
        int resume(Frame f) {
            return run(f, true);
        }

        @Override
        int interpretTiered(Frame f, NumericTier tier) {
            long due = tier.due(f);
            while (true) {
                int next = afterBody(f, body.exec(f));
                if (next != NEXT) {
                    return next;
                }
                f.tick(span);
                if (!test.isTrue(f)) {
                    return Completion.NORMAL;
                }
                if (f.budget.operations() >= due) {
                    int c = tier.handOver(f);
                    if (c != CompiledRegion.NOT_RUN) {
                        return c;
                    }
                    due = Long.MAX_VALUE;
                }
            }
        }

        private int run(Frame f, boolean resuming) {
            while (true) {
                int c = resuming ? body.resume(f) : body.exec(f);
                resuming = false;
                if (c == Completion.SUSPEND) {
                    return c;
                }
                int next = afterBody(f, c);
                if (next != NEXT) {
                    return next;
                }
                f.tick(span);
                if (!test.isTrue(f)) {
                    return Completion.NORMAL;
                }
            }
        }
    }

    /**
     * {@code for (init; test; update) body}. The loop itself ({@link #run}) only calls {@link #pass} (the
     * body, the update, the next count and test) until it answers otherwise, on purpose: the JIT compiles
     * {@code pass} on its own early (it is called once a pass), so when the next execution of the program
     * starts in the loop's less optimised code (the optimised loop is left at the end of the first execution,
     * where its test first failed), each pass is still optimised code, one call away. A block body's statements
     * run here, as {@link StmtNodes.Block} would run them (the same counts and the same positions when
     * suspending), so the call to them has a profile of its own instead of that of every block.
     */
    static final class For extends Loop {
        private static final int IN_BODY = 0;
        private static final int IN_UPDATE = 1;

        final XStmt init;
        final XExpr test;
        final XStmt update;
        final XStmt body;
        final Scope scope;
        /** The statements of a block body, or null when the body is a single statement of another kind. */
        final XStmt[] statements;
        final Scope bodyScope;

        For(Span span, String[] labels, XStmt init, XExpr test, XStmt update, XStmt body, Scope scope) {
            super(span, labels);
            this.init = init;
            this.test = test;
            this.update = update;
            this.body = body;
            this.scope = scope;
            this.statements = body instanceof StmtNodes.Block block ? block.body : null;
            this.bodyScope = body instanceof StmtNodes.Block block ? block.scope : null;
        }

        @Override
        int exec(Frame f) {
            return tier == null ? interpret(f) : tier.exec(f);
        }

        @Override
        int interpret(Frame f) {
            if (init != null) {
                init.exec(f);
            }
            return run(f);
        }

        @Override
        int resume(Frame f) {
            Pos pos = f.nextResumePos();
            scope.restore(f, pos);
            if (pos.pc() == IN_BODY) {
                int c = body.resume(f);
                if (c == Completion.SUSPEND) {
                    f.suspendAt(IN_BODY, null, scope);
                    return c;
                }
                int next = afterBody(f, c);
                if (next != NEXT) {
                    return next;
                }
                next = update(f);
                if (next != NEXT) {
                    return next;
                }
            } else {
                int u = update.resume(f);
                if (u == Completion.SUSPEND) {
                    f.suspendAt(IN_UPDATE, null, scope);
                    return u;
                }
            }
            return run(f);
        }

        @Override
        int interpretTiered(Frame f, NumericTier tier) {
            long due = tier.due(f);
            if (init != null) {
                init.exec(f);
            }
            int next = next(f);
            while (next == NEXT) {
                if (f.budget.operations() >= due) {
                    int c = tier.handOver(f);
                    if (c != CompiledRegion.NOT_RUN) {
                        return c;
                    }
                    due = Long.MAX_VALUE;
                }
                next = pass(f);
            }
            return next;
        }

        private int run(Frame f) {
            int next = next(f);
            while (next == NEXT) {
                next = pass(f);
            }
            return next;
        }

        /**
         * The body, the update, then the next pass's count and test: {@link #NEXT}, or the completion the loop
         * ends with. The test is here rather than in {@link #run} so that the loop there is one call a pass
         * while it is not yet optimised.
         */
        private int pass(Frame f) {
            int c = statements != null ? block(f) : body.exec(f);
            if (c != Completion.NORMAL) {
                if (c == Completion.SUSPEND) {
                    f.suspendAt(IN_BODY, null, scope);
                    return c;
                }
                int next = afterBody(f, c);
                if (next != NEXT) {
                    return next;
                }
            }
            int next = update(f);
            return next != NEXT ? next : next(f);
        }

        /** Counts a pass and tests whether to make it. */
        private int next(Frame f) {
            f.tick(span);
            return test == null || test.isTrue(f) ? NEXT : Completion.NORMAL;
        }

        /** What {@link StmtNodes.Block#exec} does with the body's statements. */
        private int block(Frame f) {
            XStmt[] body = statements;
            for (int i = 0; i < body.length; i++) {
                XStmt statement = body[i];
                f.tick(statement.span);
                int c = statement.exec(f);
                if (c != Completion.NORMAL) {
                    if (c == Completion.SUSPEND) {
                        f.suspendAt(i, null, bodyScope);
                    }
                    return c;
                }
            }
            return Completion.NORMAL;
        }

        private int update(Frame f) {
            if (update != null && update.exec(f) == Completion.SUSPEND) {
                f.suspendAt(IN_UPDATE, null, scope);
                return Completion.SUSPEND;
            }
            return NEXT;
        }
    }

    /** {@code for…of} and {@code for…in}: the items are fixed when the loop starts, and kept in the checkpoint. */
    static final class ForEach extends Loop {
        final boolean keys;
        final PatternNodes.XPattern target;
        final XExpr iterable;
        final XStmt body;
        final Scope scope;

        ForEach(Span span, String[] labels, boolean keys, PatternNodes.XPattern target, XExpr iterable, XStmt body,
                Scope scope) {
            super(span, labels);
            this.keys = keys;
            this.target = target;
            this.iterable = iterable;
            this.body = body;
            this.scope = scope;
        }

        @Override
        int exec(Frame f) {
            return interpret(f);
        }

        @Override
        int interpret(Frame f) {
            return run(f, items(iterable.eval(f)), 0, false);
        }

        @Override
        int resume(Frame f) {
            Pos pos = f.nextResumePos();
            scope.restore(f, pos);
            return run(f, (FlowArray) pos.extra(), pos.pc(), true);
        }

        private int run(Frame f, FlowArray items, int from, boolean resuming) {
            for (int i = from; i < items.size(); i++) {
                int c;
                if (resuming) {
                    resuming = false;
                    c = body.resume(f);
                } else {
                    f.tick(span);
                    target.bind(f, Values.markShared(items.get(i)));
                    c = body.exec(f);
                }
                if (c == Completion.SUSPEND) {
                    f.suspendAt(i, items, scope);
                    return c;
                }
                int next = afterBody(f, c);
                if (next != NEXT) {
                    return next;
                }
            }
            return Completion.NORMAL;
        }

        private FlowArray items(Object value) {
            if (keys) {
                if (value instanceof FlowObject object) {
                    return new FlowArray(object.keys());
                }
                if (value instanceof FlowArray array) {
                    return indices(array.size());
                }
                if (value == null) {
                    return new FlowArray();
                }
                throw FlowThrow.typeError("Cannot iterate over the keys of " + Values.typeOf(value) + " with for…in.").at(iterable.span);
            }
            if (value instanceof FlowArray array) {
                return array.markShared();
            }
            if (value instanceof String text) {
                FlowArray characters = new FlowArray(text.length());
                text.codePoints().forEach(cp -> characters.add(Character.toString(cp)));
                return characters;
            }
            throw FlowThrow.typeError("Cannot iterate over " + Values.typeOf(value) + " with for…of; use an array or a string.")
                    .at(iterable.span);
        }

        private static FlowArray indices(int count) {
            FlowArray indices = new FlowArray(count);
            for (int i = 0; i < count; i++) {
                indices.add((double) i);
            }
            return indices;
        }
    }
}
