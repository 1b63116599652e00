package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Span;
import java.util.ArrayDeque;

/**
 * What a {@code break}, {@code continue} or {@code return} at the current point of the checker's walk could
 * jump to: the enclosing loops, switches and labels, and the {@code finally} blocks it would leave. Each
 * check answers with the diagnostic's message, or {@code null} when the jump is fine.
 */
final class JumpTargets {

    private sealed interface Frame {}

    private record Loop() implements Frame {}

    private record Switch() implements Frame {}

    private record Label(String name, Span at, boolean loop) implements Frame {}

    /** A jump that crosses this would discard the completion (a throw, a return) the finally block runs for. */
    private record Finally() implements Frame {}

    private final ArrayDeque<Frame> frames = new ArrayDeque<>();

    void enterLoop() {
        frames.push(new Loop());
    }

    void enterSwitch() {
        frames.push(new Switch());
    }

    void enterFinally() {
        frames.push(new Finally());
    }

    /** Enters a label; returns where an enclosing statement already uses the same label, or {@code null}. */
    Span enterLabel(String name, Span at, boolean loop) {
        Span earlier = null;
        for (Frame frame : frames) {
            if (frame instanceof Label label && label.name().equals(name)) {
                earlier = label.at();
                break;
            }
        }
        frames.push(new Label(name, at, loop));
        return earlier;
    }

    void exit() {
        frames.pop();
    }

    boolean insideFinally() {
        return frames.stream().anyMatch(frame -> frame instanceof Finally);
    }

    String breakProblem(String label) {
        return label != null ? labelProblem("break", label) : nearestProblem("break");
    }

    String continueProblem(String label) {
        return label != null ? labelProblem("continue", label) : nearestProblem("continue");
    }

    private String nearestProblem(String keyword) {
        boolean crossesFinally = false;
        for (Frame frame : frames) {
            switch (frame) {
                case Finally f -> crossesFinally = true;
                case Loop l -> {
                    return crossesFinally ? outOfFinally(keyword) : null;
                }
                case Switch s -> {
                    if (keyword.equals("break")) {
                        return crossesFinally ? outOfFinally(keyword) : null;
                    }
                }
                case Label l -> { }
            }
        }
        return keyword.equals("break")
                ? "Cannot use 'break' outside a loop or a 'switch'."
                : "Cannot use 'continue' outside a loop.";
    }

    private String labelProblem(String keyword, String name) {
        boolean crossesFinally = false;
        for (Frame frame : frames) {
            if (frame instanceof Finally) {
                crossesFinally = true;
            } else if (frame instanceof Label label && label.name().equals(name)) {
                if (keyword.equals("continue") && !label.loop()) {
                    return "Cannot 'continue' to label '" + name + "' because it does not label a loop.";
                }
                return crossesFinally ? outOfFinally(keyword) : null;
            }
        }
        return "Unknown label '" + name + "'.";
    }

    private static String outOfFinally(String keyword) {
        return "Cannot '" + keyword + "' out of a 'finally' block.";
    }
}
