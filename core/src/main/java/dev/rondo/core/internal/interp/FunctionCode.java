package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;

/**
 * A linked function (LANGUAGE.md §8): its parameters, the slots its captures are copied into, and its body,
 * which runs in a frame of its own. Stateless, like the rest of a linked program.
 */
final class FunctionCode {

    final int index;
    final String name;
    final boolean async;
    final Span span;
    final PatternNodes.XPattern[] params;
    final XExpr[] defaults;
    /** Whether the last parameter is {@code ...rest}. */
    final boolean rest;
    final int[] captureSlots;
    final StmtNodes.Block body;
    final int slotCount;
    /** The {@code Inputs.name} reads of the body, whose values a new frame holds from the start. */
    final AccessNodes.InputMember[] inputReads;

    FunctionCode(int index, String name, boolean async, Span span, PatternNodes.XPattern[] params, XExpr[] defaults,
                 boolean rest, int[] captureSlots, StmtNodes.Block body, int slotCount, AccessNodes.InputMember[] inputReads) {
        this.index = index;
        this.name = name;
        this.async = async;
        this.span = span;
        this.params = params;
        this.defaults = defaults;
        this.rest = rest;
        this.captureSlots = captureSlots;
        this.body = body;
        this.slotCount = slotCount;
        this.inputReads = inputReads;
    }
}
