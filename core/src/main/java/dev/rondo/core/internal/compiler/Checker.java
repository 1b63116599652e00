package dev.rondo.core.internal.compiler;

import dev.rondo.core.Diagnostic;
import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.internal.builtins.BuiltinCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The static checks of LANGUAGE.md §5 over the parsed AST, in one walk with a scope stack; every problem
 * is reported, sorted by position. Names resolve to the innermost local declared before the use, then to
 * the built-ins of {@link BuiltinCatalog}; a namespace such as {@code Math} is one only while no local
 * shadows it.
 */
public final class Checker {

    private final String file;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Scopes scopes = new Scopes();
    private final JumpTargets jumps = new JumpTargets();
    private final OptionCheck options = new OptionCheck(this::report);

    private Checker(String file) {
        this.file = file;
    }

    public static List<Diagnostic> check(String file, List<Stmt> body) {
        Checker checker = new Checker(file);
        checker.block(body);
        checker.problems.sort(null);
        return List.copyOf(checker.problems);
    }

    // ---- statements

    private void block(List<Stmt> body) {
        scopes.enter(body);
        body.forEach(this::statement);
        scopes.exit();
    }

    /** The body of an {@code if}, a loop or a label: a lone declaration there gets a scope of its own. */
    private void body(Stmt body) {
        if (body instanceof Stmt.Let) {
            scopes.enter(List.of(body));
            statement(body);
            scopes.exit();
        } else {
            statement(body);
        }
    }

    private void loopBody(Stmt body) {
        jumps.enterLoop();
        body(body);
        jumps.exit();
    }

    private void statement(Stmt statement) {
        switch (statement) {
            case Stmt.ExprStmt s -> expression(s.expr());
            case Stmt.Let s -> declaration(s);
            case Stmt.Assign s -> assignment(s);
            case Stmt.Block s -> block(s.body());
            case Stmt.If s -> {
                expression(s.test());
                body(s.then());
                if (s.otherwise() != null) {
                    body(s.otherwise());
                }
            }
            case Stmt.While s -> {
                expression(s.test());
                loopBody(s.body());
            }
            case Stmt.DoWhile s -> {
                loopBody(s.body());
                expression(s.test());
            }
            case Stmt.For s -> forLoop(s);
            case Stmt.ForEach s -> forEach(s);
            case Stmt.Labeled s -> labeled(s);
            case Stmt.Break s -> report(s.span(), jumps.breakProblem(s.label()));
            case Stmt.Continue s -> report(s.span(), jumps.continueProblem(s.label()));
            case Stmt.Return s -> {
                if (jumps.insideFinally()) {
                    report(s.span(), "Cannot 'return' from a 'finally' block.");
                }
                if (s.value() != null) {
                    expression(s.value());
                }
            }
            case Stmt.Throw s -> expression(s.value());
            case Stmt.Try s -> tryStatement(s);
            case Stmt.Switch s -> switchStatement(s);
            case Stmt.AwaitStmt s -> expression(s.operand());
        }
    }

    private void declaration(Stmt.Let let) {
        if (let.init() != null) {
            expression(let.init());
        } else if (let.constant()) {
            report(let.span(), "Missing initializer in 'const' declaration.");
        } else if (!(let.target() instanceof Pattern.Name)) {
            report(let.span(), "Missing initializer in destructuring declaration.");
        }
        bind(let.target(), let.constant());
    }

    private void forLoop(Stmt.For loop) {
        scopes.enter(loop.init() == null ? List.of() : List.of(loop.init()));
        if (loop.init() != null) {
            statement(loop.init());
        }
        if (loop.test() != null) {
            expression(loop.test());
        }
        if (loop.update() != null) {
            statement(loop.update());
        }
        loopBody(loop.body());
        scopes.exit();
    }

    private void forEach(Stmt.ForEach loop) {
        scopes.enter(loop.target());
        expression(loop.iterable());
        bind(loop.target(), loop.constant());
        loopBody(loop.body());
        scopes.exit();
    }

    private void labeled(Stmt.Labeled labeled) {
        Stmt labelled = labeled.body();
        while (labelled instanceof Stmt.Labeled inner) {
            labelled = inner.body();
        }
        boolean loop = labelled instanceof Stmt.While || labelled instanceof Stmt.DoWhile
                || labelled instanceof Stmt.For || labelled instanceof Stmt.ForEach;
        Span earlier = jumps.enterLabel(labeled.label(), labeled.span(), loop);
        if (earlier != null) {
            report(labeled.span(),
                    "Label '" + labeled.label() + "' is already used by an enclosing statement at " + earlier + ".");
        }
        body(labeled.body());
        jumps.exit();
    }

    private void tryStatement(Stmt.Try t) {
        block(t.body().body());
        if (t.handler() != null) {
            scopes.enter(t.param());
            if (t.param() != null) {
                bind(t.param(), false);
            }
            block(t.handler().body());
            scopes.exit();
        }
        if (t.finalizer() != null) {
            jumps.enterFinally();
            block(t.finalizer().body());
            jumps.exit();
        }
    }

    private void switchStatement(Stmt.Switch s) {
        expression(s.discriminant());
        // The cases share one block, as in JavaScript.
        scopes.enter(s.cases().stream().flatMap(c -> c.body().stream()).toList());
        jumps.enterSwitch();
        for (Stmt.Case c : s.cases()) {
            if (c.test() != null) {
                expression(c.test());
            }
            c.body().forEach(this::statement);
        }
        jumps.exit();
        scopes.exit();
    }

    // ---- declarations and assignments

    private void bind(Pattern pattern, boolean constant) {
        bind(pattern, constant, pattern);
    }

    /** Declares the names of {@code pattern} in order, checking each default before the name it belongs to. */
    private void bind(Pattern pattern, boolean constant, Pattern whole) {
        switch (pattern) {
            case Pattern.Name name -> declare(name, constant, whole);
            case Pattern.ObjectPattern object -> {
                for (Pattern.PropTarget prop : object.props()) {
                    if (prop.defaultValue() != null) {
                        expression(prop.defaultValue());
                    }
                    bind(prop.target(), constant, whole);
                }
            }
            case Pattern.ArrayPattern array -> {
                for (Pattern.Element element : array.elements()) {
                    if (element == null) {
                        continue;
                    }
                    if (element.defaultValue() != null) {
                        expression(element.defaultValue());
                    }
                    bind(element.target(), constant, whole);
                }
            }
        }
    }

    private void declare(Pattern.Name name, boolean constant, Pattern whole) {
        Scopes.Binding earlier = scopes.declare(new Scopes.Binding(name.name(), constant, name.span(), whole));
        if (earlier == null) {
            return;
        }
        String where = earlier.pattern() == whole ? "in this pattern" : "in this block";
        report(name.span(), "'" + name.name() + "' is already declared " + where + " at " + earlier.at() + ".");
    }

    private void assignment(Stmt.Assign assign) {
        Expr root = assign.target();
        List<Expr> indices = new ArrayList<>();
        while (true) {
            if (root instanceof Expr.Member member && !member.optional()) {
                root = member.object();
            } else if (root instanceof Expr.Index index && !index.optional()) {
                indices.addFirst(index.index());
                root = index.object();
            } else {
                break;
            }
        }
        if (root instanceof Expr.Identifier variable) {
            assignedVariable(variable, root == assign.target());
        } else {
            report(assign.target().span(),
                    "The left side of an assignment must be a variable, a property or an index.");
            expression(root);
        }
        indices.forEach(this::expression);
        expression(assign.value());
    }

    /** {@code whole}: the variable itself is assigned, not a property inside its value. */
    private void assignedVariable(Expr.Identifier variable, boolean whole) {
        String name = variable.name();
        Scopes.Binding binding = scopes.lookup(name);
        if (binding != null) {
            if (whole && binding.constant()) {
                report(variable.span(), "Cannot assign to constant '" + name + "'.");
            }
        } else if (BuiltinCatalog.isGlobal(name)) {
            report(variable.span(), "Cannot assign to built-in '" + name + "'.");
        } else {
            Span later = scopes.declaredLater(name);
            report(variable.span(), later != null
                    ? "Cannot assign to '" + name + "' before its declaration at " + later + "."
                    : "Undefined variable '" + name + "'.");
        }
    }

    // ---- expressions

    private void expression(Expr expr) {
        switch (expr) {
            case Expr.Literal e -> { }
            case Expr.Template e -> e.exprs().forEach(this::expression);
            case Expr.Identifier e -> read(e);
            case Expr.ArrayLit e -> e.elements().forEach(this::expression);
            case Expr.ObjectLit e -> e.props().forEach(this::property);
            case Expr.Spread e -> expression(e.value());
            case Expr.Unary e -> expression(e.operand());
            case Expr.Binary e -> {
                expression(e.left());
                expression(e.right());
            }
            case Expr.Logical e -> {
                expression(e.left());
                expression(e.right());
            }
            case Expr.Conditional e -> {
                expression(e.test());
                expression(e.then());
                expression(e.otherwise());
            }
            case Expr.Member e -> member(e);
            case Expr.Index e -> {
                expression(e.object());
                expression(e.index());
            }
            case Expr.Call e -> call(e);
            case Expr.OptionalChain e -> expression(e.chain());
            case Expr.Await e -> expression(e.operand());
        }
    }

    private void property(Expr.Prop prop) {
        switch (prop) {
            case Expr.KeyProp p -> expression(p.value());
            case Expr.ComputedProp p -> {
                expression(p.key());
                expression(p.value());
            }
            case Expr.SpreadProp p -> expression(p.value());
        }
    }

    private void read(Expr.Identifier variable) {
        String name = variable.name();
        if (scopes.lookup(name) != null || BuiltinCatalog.VALUES.contains(name)) {
            return;
        }
        if (BuiltinCatalog.isGlobal(name)) {
            report(variable.span(), "'" + name + "' is not a value.");
            return;
        }
        Span later = scopes.declaredLater(name);
        report(variable.span(), later != null
                ? "Cannot use '" + name + "' before its declaration at " + later + "."
                : "Undefined variable '" + name + "'.");
    }

    private void member(Expr.Member member) {
        String namespace = namespace(member.object());
        if (namespace == null) {
            expression(member.object());
            return;
        }
        String qualified = namespace + "." + member.name();
        if (BuiltinCatalog.CONSTANTS.contains(qualified)) {
            return;
        }
        report(member.span(), BuiltinCatalog.function(qualified).isPresent()
                ? "'" + qualified + "' is not a value."
                : "'" + namespace + "' has no member '" + member.name() + "'.");
    }

    private void call(Expr.Call call) {
        Expr callee = call.callee();
        if (callee instanceof Expr.Identifier function) {
            calledFunction(call, function);
        } else if (callee instanceof Expr.Member method && namespace(method.object()) != null) {
            String namespace = namespace(method.object());
            String qualified = namespace + "." + method.name();
            Optional<BuiltinCatalog.Arity> arity = BuiltinCatalog.function(qualified);
            if (arity.isPresent()) {
                checkArity(call, qualified, arity.get());
                options.call(qualified, call);
            } else if (BuiltinCatalog.CONSTANTS.contains(qualified)) {
                report(callee.span(), "'" + qualified + "' is not a function.");
            } else {
                report(callee.span(), "'" + namespace + "' has no function '" + method.name() + "'.");
            }
        } else if (callee instanceof Expr.Member method && isContextMethod(method)) {
            checkArity(call, "Context.setAttributes", BuiltinCatalog.function("Context.setAttributes").orElseThrow());
        } else if (callee instanceof Expr.Member method) {
            // A method of a value (a.push, s.trim): its receiver's type is only known at run time.
            expression(method.object());
        } else {
            report(callee.span(), "Only built-in functions and methods can be called.");
            expression(callee);
        }
        call.args().forEach(this::expression);
    }

    private void calledFunction(Expr.Call call, Expr.Identifier function) {
        String name = function.name();
        if (scopes.lookup(name) != null) {
            report(function.span(),
                    "'" + name + "' is a variable, not a function; only built-in functions can be called.");
            return;
        }
        Optional<BuiltinCatalog.Arity> arity = BuiltinCatalog.function(name);
        if (arity.isPresent()) {
            checkArity(call, name, arity.get());
        } else if (BuiltinCatalog.isGlobal(name)) {
            report(function.span(), "'" + name + "' is not a function.");
        } else {
            report(function.span(), "Unknown function '" + name + "'.");
        }
    }

    private void checkArity(Expr.Call call, String name, BuiltinCatalog.Arity arity) {
        boolean spread = call.args().stream().anyMatch(arg -> arg instanceof Expr.Spread);
        int count = call.args().size();
        if (!spread && !arity.accepts(count)) {
            report(call.span(), "'" + name + "' takes " + arity.describe() + " but got " + count + ".");
        }
    }

    /** {@code Context.setAttributes}, unless a local named Context shadows the built-in value. */
    private boolean isContextMethod(Expr.Member method) {
        return method.name().equals("setAttributes") && method.object() instanceof Expr.Identifier id
                && id.name().equals("Context") && scopes.lookup("Context") == null;
    }

    /** The namespace {@code object} names ({@code Math}, {@code Task}, …), unless a local shadows it. */
    private String namespace(Expr object) {
        if (object instanceof Expr.Identifier id
                && BuiltinCatalog.NAMESPACES.contains(id.name())
                && scopes.lookup(id.name()) == null) {
            return id.name();
        }
        return null;
    }

    private void report(Span at, String message) {
        if (message != null) {
            problems.add(new Diagnostic(file, at.line(), at.column(), message));
        }
    }
}
