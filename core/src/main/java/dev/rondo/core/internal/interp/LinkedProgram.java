package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Program;

/** A program linked for execution: stateless, so one instance serves every execution of the program. */
public final class LinkedProgram {

    final Program program;
    final XStmt body;
    final int slotCount;

    LinkedProgram(Program program, XStmt body, int slotCount) {
        this.program = program;
        this.body = body;
        this.slotCount = slotCount;
    }

    public static LinkedProgram of(Program program) {
        return Linker.link(program);
    }

    public Program program() {
        return program;
    }
}
