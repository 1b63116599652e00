package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.Values;

/**
 * {@code switch}: the case bodies are one list of statements with an entry point per case, so
 * fall-through is just running on; the position is the statement index in that list.
 */
final class SwitchNode extends XStmt {

    private final XExpr discriminant;
    /** Case tests in order; null for {@code default}. */
    private final XExpr[] tests;
    /** Where each case's statements start in {@link #body}. */
    private final int[] entries;
    private final XStmt[] body;
    private final Scope scope;

    SwitchNode(Span span, XExpr discriminant, XExpr[] tests, int[] entries, XStmt[] body, Scope scope) {
        super(span);
        this.discriminant = discriminant;
        this.tests = tests;
        this.entries = entries;
        this.body = body;
        this.scope = scope;
    }

    @Override
    int exec(Frame f) {
        Object value = discriminant.peek(f);
        int entry = -1;
        for (int i = 0; i < tests.length && entry < 0; i++) {
            if (tests[i] != null && Values.strictEquals(value, tests[i].peek(f))) {
                entry = entries[i];
            }
        }
        if (entry < 0) {
            for (int i = 0; i < tests.length; i++) {
                if (tests[i] == null) {
                    entry = entries[i];
                }
            }
        }
        return entry < 0 ? Completion.NORMAL : run(f, entry);
    }

    @Override
    int resume(Frame f) {
        Pos pos = f.nextResumePos();
        scope.restore(f, pos);
        int i = pos.pc();
        int c = body[i].resume(f);
        return c == Completion.NORMAL ? run(f, i + 1) : ended(f, c, i);
    }

    private int run(Frame f, int from) {
        for (int i = from; i < body.length; i++) {
            f.tick(body[i].span);
            int c = body[i].exec(f);
            if (c != Completion.NORMAL) {
                return ended(f, c, i);
            }
        }
        return Completion.NORMAL;
    }

    private int ended(Frame f, int c, int at) {
        if (c == Completion.SUSPEND) {
            f.suspendAt(at, null, scope);
        } else if (c == Completion.BREAK && f.label == null) {
            return Completion.NORMAL;
        }
        return c;
    }
}
