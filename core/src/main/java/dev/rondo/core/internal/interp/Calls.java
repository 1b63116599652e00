package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.Budget;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowFunction;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Values;

/**
 * Calling a function value: a frame of its own, the captures and arguments bound into it, the call depth
 * limit, and the helper call stack that an error leaving the function records. An async function's call
 * becomes a {@link Coroutine} that runs at once until its first await that must wait, and the caller gets
 * its promise.
 */
final class Calls {

    /** LANGUAGE.md §8: recursion beyond this depth raises a (catchable) RangeError. */
    static final int MAX_DEPTH = 200;

    private Calls() {}

    static Object invoke(Frame caller, FlowFunction fn, Object[] args, Span site) {
        Machine m = caller.m;
        FunctionCode code = code(m, fn);
        Frame f = new Frame(m, code.slotCount, code.inputReads);
        if (code.async) {
            return m.startCall(code, fn, f, args, site);
        }
        enter(m, code.name, site);
        try {
            NumericFunctions numeric = m.linked.numericFunctions;
            boolean tiered = numeric != null && numeric.has(code.index);
            if (tiered) {
                // the compiled function, when it is compiled and the arguments are numbers
                Object result = numeric.call(m, code, args);
                if (result != NumericFunctions.NOT_RUN) {
                    return result;
                }
            }
            long before = tiered ? m.budget.operations() : 0; // counted only toward compiling it
            bind(f, code, fn, args);
            int c = code.body.exec(f);
            if (tiered) {
                numeric.spent(m.budget.operations() - before);
            }
            return c == Completion.RETURN ? f.returnValue : null;
        } catch (FlowThrow t) {
            throw t.at(m.budget.lastWhere()).leaving(code.name, site);
        } catch (StackOverflowError e) {
            // A thread with a small stack can run out before the depth limit: the same catchable error.
            throw stackFull(code.name, site);
        } finally {
            m.depth--;
        }
    }

    /**
     * How many arguments a call of {@code fn} that has returned bound to parameters and then left behind with
     * its frame, so that they no longer refer to them; 0 unless it is a plain function without a rest parameter
     * (an async function's frame lives on in its coroutine; a rest parameter is an array holding the
     * arguments). Arguments past the parameters are not bound at all.
     */
    static int argumentsReleasedWithCall(Machine m, FlowFunction fn) {
        FunctionCode code = code(m, fn);
        return code.async || code.rest ? 0 : code.params.length;
    }

    static FunctionCode code(Machine m, FlowFunction fn) {
        if (fn.index() < 0 || fn.index() >= m.linked.functions.length) {
            throw new IllegalStateException("function " + fn.index() + " is not in the program");
        }
        return m.linked.functions[fn.index()];
    }

    /** The error of a call that finds the thread's stack full before the depth limit. */
    static FlowThrow stackFull(String name, Span site) {
        return FlowThrow.rangeError("Maximum call depth exceeded calling '" + name
                + "' (the worker's stack is full); recursion this deep needs a loop instead.").at(site);
    }

    static void enter(Machine m, String name, Span site) {
        if (m.depth >= MAX_DEPTH) {
            throw FlowThrow.rangeError("Maximum call depth of " + MAX_DEPTH + " exceeded calling '" + name
                    + "'; recursion this deep needs a loop instead.").at(site);
        }
        m.depth++;
    }

    /** Copies the captures and binds the arguments: defaults for missing or null ones, a rest array. */
    static void bind(Frame f, FunctionCode code, FlowFunction fn, Object[] args) {
        Object[] captures = fn.captures();
        for (int i = 0; i < code.captureSlots.length; i++) {
            f.slots[code.captureSlots[i]] = captures[i];
        }
        int n = code.params.length;
        for (int i = 0; i < n; i++) {
            Object value;
            if (code.rest && i == n - 1) {
                FlowArray rest = new FlowArray();
                for (int j = i; j < args.length; j++) {
                    rest.add(Values.markShared(args[j]));
                }
                Budget.charge(Math.max(0, args.length - i));
                value = rest;
            } else {
                value = i < args.length ? args[i] : null;
                if (value == null && code.defaults[i] != null) {
                    value = code.defaults[i].eval(f);
                }
            }
            code.params[i].bind(f, Values.markShared(value));
        }
    }
}
