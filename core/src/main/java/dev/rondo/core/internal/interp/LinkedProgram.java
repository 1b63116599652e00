package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Program;

/** A program linked for execution: stateless, so one instance serves every execution of the program. */
public final class LinkedProgram {

    final Program program;
    final XStmt body;
    final int slotCount;
    /** The {@code Inputs.name} reads of the workflow body, whose values its frame holds from the start. */
    final AccessNodes.InputMember[] inputReads;
    /** Every function of the program, by the index a {@link dev.rondo.core.value.FlowFunction} holds. */
    final FunctionCode[] functions;
    /** The top-level functions the bytecode tier may run ({@link NumericFunctions}), or null. */
    NumericFunctions numericFunctions;

    LinkedProgram(Program program, XStmt body, int slotCount, AccessNodes.InputMember[] inputReads, FunctionCode[] functions) {
        this.program = program;
        this.body = body;
        this.slotCount = slotCount;
        this.inputReads = inputReads;
        this.functions = functions;
    }

    public static LinkedProgram of(Program program) {
        return Linker.link(program);
    }

    public Program program() {
        return program;
    }

    /** How many functions the program has (top-level ones first, then arrows): the indices a checkpoint's calls hold. */
    public int functionCount() {
        return functions.length;
    }

    /** Where function {@code index} stands in the source (the span of its declaration or arrow). */
    public dev.rondo.core.ast.Span functionSpan(int index) {
        return functions[index].span;
    }
}
