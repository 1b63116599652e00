package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The checker's stack of block scopes. A name is visible from its declaration to the end of its block, so
 * each scope holds the names declared so far and, to explain a use that comes too early, the names its
 * block declares further down.
 */
final class Scopes {

    /** A declared local; {@code pattern} is the whole pattern that declared it, to tell a repeat within one pattern. */
    record Binding(String name, boolean constant, Span at, Pattern pattern) {}

    private static final class Scope {
        final Map<String, Binding> declared = new HashMap<>();
        final Map<String, Span> later = new HashMap<>();
    }

    private final ArrayDeque<Scope> stack = new ArrayDeque<>();

    /** Enters a block whose direct {@code let}/{@code const} statements are {@code statements}. */
    void enter(List<Stmt> statements) {
        Scope scope = new Scope();
        for (Stmt statement : statements) {
            if (statement instanceof Stmt.Let let) {
                names(let.target(), name -> scope.later.putIfAbsent(name.name(), name.span()));
            }
        }
        stack.push(scope);
    }

    /** Enters the scope of a loop or catch variable, which is declared before anything inside it runs. */
    void enter(Pattern declaredFirst) {
        Scope scope = new Scope();
        if (declaredFirst != null) {
            names(declaredFirst, name -> scope.later.putIfAbsent(name.name(), name.span()));
        }
        stack.push(scope);
    }

    void exit() {
        stack.pop();
    }

    /** The visible binding of {@code name}, innermost first, or {@code null}. */
    Binding lookup(String name) {
        for (Scope scope : stack) {
            Binding binding = scope.declared.get(name);
            if (binding != null) {
                return binding;
            }
        }
        return null;
    }

    /** How many scopes are open: a mark that {@link #depthOf} answers are compared with. */
    int size() {
        return stack.size();
    }

    /** How many scopes are open up to and including the one that declares {@code name}; 0 when none does. */
    int depthOf(String name) {
        int depth = stack.size();
        for (Scope scope : stack) {
            if (scope.declared.containsKey(name)) {
                return depth;
            }
            depth--;
        }
        return 0;
    }

    /** Where an enclosing block declares {@code name} further down, or {@code null}; only asked when lookup failed. */
    Span declaredLater(String name) {
        for (Scope scope : stack) {
            Span at = scope.later.get(name);
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    /** Declares in the innermost scope; returns the earlier binding of the same name there (then nothing changes). */
    Binding declare(Binding binding) {
        return stack.peek().declared.putIfAbsent(binding.name(), binding);
    }

    /** Every name a pattern declares, in source order. */
    static void names(Pattern pattern, Consumer<Pattern.Name> each) {
        switch (pattern) {
            case Pattern.Name name -> each.accept(name);
            case Pattern.ObjectPattern object -> object.props().forEach(prop -> names(prop.target(), each));
            case Pattern.ArrayPattern array -> array.elements().forEach(element -> {
                if (element != null) {
                    names(element.target(), each);
                }
            });
        }
    }
}
