package dev.rondo.core.internal.upgrade;

import dev.rondo.core.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of the path from a body's first statement to an await, as the interpreter's checkpoint follows it
 * (see {@code interp.StmtNodes}, {@code LoopNodes}, {@code TryNode}, {@code SwitchNode}): a statement list and
 * the index in it, the branch of an if, the phase of a for or a try, the iteration of a for…of, the statement
 * index in a switch's cases, or the await itself. Loops other than {@code for}, and labels, have no position
 * of their own but are steps of the path all the same.
 */
record Level(Kind kind, Stmt stmt, List<Stmt> list, int pc) {

    enum Kind { BLOCK, IF, WHILE, DO_WHILE, FOR, FOR_EACH, LABELED, TRY, SWITCH, AWAIT }

    /** Whether the interpreter keeps a position for this step. */
    boolean positioned() {
        return switch (kind) {
            case WHILE, DO_WHILE, LABELED -> false;
            default -> true;
        };
    }

    /**
     * What must be the same for two paths to stand at the same place, or null for steps that can be added or
     * left out freely (a block, a label, the body of a try: they hold no state of their own but locals).
     */
    String signature() {
        return switch (kind) {
            case BLOCK, LABELED -> null;
            case IF -> pc == 0 ? "if" : "else";
            case WHILE -> "while";
            case DO_WHILE -> "do…while";
            // Loop and catch variables are not part of the signature: a renamed one is reported as a renamed local.
            case FOR -> pc == 0 ? "for" : "for update";
            case FOR_EACH -> ((Stmt.ForEach) stmt).keys() ? "for…in" : "for…of";
            case TRY -> switch (pc) {
                case 0 -> null;
                case 1 -> "catch";
                default -> "finally";
            };
            case SWITCH -> "switch case " + caseLabel();
            case AWAIT -> "await " + Shapes.operand(((Stmt.AwaitStmt) stmt).operand());
        };
    }

    /** The text that tells apart steps of the same signature: an if's test, a loop's header. */
    String header() {
        return switch (stmt) {
            case Stmt.If s -> Shapes.print(s.test());
            case Stmt.While s -> Shapes.print(s.test());
            case Stmt.DoWhile s -> Shapes.print(s.test());
            case Stmt.For s -> (s.init() instanceof Stmt.Let let ? "let " + names(let) : "") + "; " + Shapes.print(s.test());
            case Stmt.ForEach s -> {
                List<String> names = new ArrayList<>();
                Shapes.names(s.target(), n -> names.add(Shapes.name(n)));
                yield names + " " + Shapes.print(s.iterable());
            }
            case Stmt.Try s -> {
                List<String> names = new ArrayList<>();
                if (s.param() != null) {
                    Shapes.names(s.param(), n -> names.add(Shapes.name(n)));
                }
                yield names.toString();
            }
            case Stmt.Switch s -> Shapes.print(s.discriminant());
            case null, default -> "";
        };
    }

    private String caseLabel() {
        Stmt.Switch s = (Stmt.Switch) stmt;
        int at = 0;
        String label = "default";
        for (Stmt.Case c : s.cases()) {
            if (at <= pc && pc < at + c.body().size()) {
                label = c.test() == null ? "default" : Shapes.print(c.test());
            }
            at += c.body().size();
        }
        return label;
    }

    private static String names(Stmt.Let let) {
        List<String> names = new ArrayList<>();
        Shapes.names(let.target(), n -> names.add(Shapes.name(n)));
        return String.join(", ", names);
    }

    /** A switch's case bodies as the one list the interpreter indexes. */
    static List<Stmt> flatten(Stmt.Switch s) {
        List<Stmt> all = new ArrayList<>();
        for (Stmt.Case c : s.cases()) {
            all.addAll(c.body());
        }
        return all;
    }
}
