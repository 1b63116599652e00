package dev.rondo.core.internal.compiler;

import dev.rondo.core.Diagnostic;
import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.internal.builtins.BuiltinCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private Scopes scopes = new Scopes();
    private JumpTargets jumps = new JumpTargets();
    /** The top-level functions by name (hoisted: visible everywhere), and the top-level {@code let}s and {@code const}s. */
    private final Map<String, Expr.Function> functions = new HashMap<>();
    private final Map<String, Span> topLevelLets = new HashMap<>();
    private final List<Stmt.Let> topLevelConsts = new ArrayList<>();
    /** The function being checked ({@code null}: the workflow body), and the scopes outside it that it sees by copy. */
    private Expr.Function function;
    private int outsideDepth;
    private boolean inTopLevelFunction;
    /** The named limits Task.run options name by a literal. */
    private final List<dev.rondo.core.LimitReference> limits = new ArrayList<>();
    private final OptionCheck options = new OptionCheck(this::report,
            (span, name, rate) -> limits.add(new dev.rondo.core.LimitReference(name, rate, span.line(), span.column())));

    private Checker(String file) {
        this.file = file;
    }

    /** The problems of a program, and the named limits it refers to by literal names. */
    public record Result(List<Diagnostic> problems, List<dev.rondo.core.LimitReference> limits) {}

    public static List<Diagnostic> check(String file, List<Stmt> body) {
        return checkAll(file, body).problems();
    }

    public static Result checkAll(String file, List<Stmt> body) {
        Checker checker = new Checker(file);
        checker.topLevel(body);
        checker.block(body);
        checker.problems.sort(null);
        return new Result(List.copyOf(checker.problems), List.copyOf(checker.limits));
    }

    /** Collects what top-level functions see: the functions themselves, and the top-level declarations. */
    private void topLevel(List<Stmt> body) {
        for (Stmt statement : body) {
            if (statement instanceof Stmt.FunctionDecl declaration) {
                Expr.Function f = declaration.function();
                if (BuiltinCatalog.isGlobal(f.name())) {
                    report(f.span(), "The function '" + f.name() + "' would hide the built-in of that name; rename it.");
                } else if (functions.putIfAbsent(f.name(), f) != null) {
                    report(f.span(), "The function '" + f.name() + "' is already declared at "
                            + functions.get(f.name()).span() + ".");
                }
            } else if (statement instanceof Stmt.Let let) {
                if (let.constant()) {
                    topLevelConsts.add(let);
                } else {
                    Scopes.names(let.target(), name -> topLevelLets.putIfAbsent(name.name(), name.span()));
                }
            }
        }
    }

    // ---- functions

    /**
     * A top-level function: its own scopes, seeing the top-level constants (LANGUAGE.md §8), its own jumps
     * (a {@code break} cannot leave a function), and every name that {@link #functions} holds.
     */
    private void functionDeclaration(Stmt.FunctionDecl declaration) {
        if (function != null || scopes.size() > 1) {
            report(declaration.span(), "Functions can be declared only at the top level of the file; inside a block"
                    + " or function, use an arrow: 'const " + declaration.function().name() + " = (…) => …'.");
        }
        Scopes outerScopes = scopes;
        scopes = new Scopes();
        scopes.enter(List.of());
        for (Stmt.Let let : topLevelConsts) {
            Scopes.names(let.target(), name -> scopes.declare(new Scopes.Binding(name.name(), true, name.span(), let.target())));
        }
        boolean outerIn = inTopLevelFunction;
        inTopLevelFunction = true;
        functionBody(declaration.function(), 1);
        inTopLevelFunction = outerIn;
        scopes = outerScopes;
    }

    /** An arrow: it sees every variable around it, as a copy it cannot change. */
    private void arrow(Expr.Function arrow) {
        functionBody(arrow, scopes.size());
    }

    private void functionBody(Expr.Function f, int outside) {
        Expr.Function outerFunction = function;
        int outerOutside = outsideDepth;
        JumpTargets outerJumps = jumps;
        function = f;
        outsideDepth = outside;
        jumps = new JumpTargets();
        scopes.enter(List.of());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < f.params().size(); i++) {
            Expr.Param param = f.params().get(i);
            if (param.rest() && i < f.params().size() - 1) {
                report(param.span(), "A rest parameter ('...name') must be the last parameter.");
            }
            if (param.rest() && param.defaultValue() != null) {
                report(param.span(), "A rest parameter cannot have a default value.");
            }
            if (param.defaultValue() != null) {
                expression(param.defaultValue());
            }
            Scopes.names(param.target(), name -> {
                if (!seen.add(name.name())) {
                    report(name.span(), "Duplicate parameter '" + name.name() + "'.");
                } else {
                    scopes.declare(new Scopes.Binding(name.name(), false, name.span(), param.target()));
                }
            });
            if (!(param.target() instanceof Pattern.Name)) {
                bindDefaults(param.target());
            }
        }
        block(f.body().body());
        scopes.exit();
        jumps = outerJumps;
        function = outerFunction;
        outsideDepth = outerOutside;
    }

    /** The defaults inside a destructuring parameter, whose names are already declared. */
    private void bindDefaults(Pattern pattern) {
        switch (pattern) {
            case Pattern.Name name -> { }
            case Pattern.ObjectPattern object -> object.props().forEach(prop -> {
                if (prop.defaultValue() != null) {
                    expression(prop.defaultValue());
                }
                bindDefaults(prop.target());
            });
            case Pattern.ArrayPattern array -> array.elements().forEach(element -> {
                if (element != null) {
                    if (element.defaultValue() != null) {
                        expression(element.defaultValue());
                    }
                    bindDefaults(element.target());
                }
            });
        }
    }

    /** A variable the current function sees from outside (a copy, or a top-level constant): it cannot change it. */
    private boolean seenFromOutside(String name) {
        if (function == null) {
            return false;
        }
        int depth = scopes.depthOf(name);
        return depth > 0 && depth <= outsideDepth;
    }

    private String outsideProblem(String name) {
        return function.arrow()
                ? "Cannot change '" + name + "' inside an arrow function: an arrow sees a copy of the variables around"
                        + " it, made when it is created. Return the new value instead (map, filter and reduce build"
                        + " new arrays)."
                : "Cannot change the top-level constant '" + name + "' inside a function: functions see it read-only.";
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
            case Stmt.FunctionDecl s -> functionDeclaration(s);
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
            if (seenFromOutside(variable.name())) {
                report(variable.span(), outsideProblem(variable.name()));
            }
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
            case Expr.Await e -> {
                if (function != null && !function.async()) {
                    report(e.span(), "'await' can be used only in an async function; write 'async "
                            + (function.arrow() ? "(…) => …" : "function " + function.name() + "(…)") + "'.");
                }
                expression(e.operand());
            }
            case Expr.Function e -> arrow(e);
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
        if (scopes.lookup(name) != null || BuiltinCatalog.VALUES.contains(name) || functions.containsKey(name)) {
            return;
        }
        if (inTopLevelFunction && topLevelLets.containsKey(name)) {
            report(variable.span(), "The function cannot see the top-level 'let' '" + name + "' (declared at "
                    + topLevelLets.get(name) + "): a function sees its parameters, its own variables and the"
                    + " top-level constants. Pass it as a parameter, or declare it with 'const'.");
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
            mutatedFromOutside(method);
        } else {
            expression(callee); // a function value: whether it is one shows at run time
        }
        call.args().forEach(this::expression);
    }

    /** {@code out.push(x)} on a variable an arrow or function sees from outside changes only its copy: refused. */
    private void mutatedFromOutside(Expr.Member method) {
        if (!dev.rondo.core.internal.builtins.Methods.isMutating(method.name())) {
            return;
        }
        Expr root = method.object();
        while (root instanceof Expr.Member m && !m.optional() || root instanceof Expr.Index x && !x.optional()) {
            root = root instanceof Expr.Member m ? m.object() : ((Expr.Index) root).object();
        }
        if (root instanceof Expr.Identifier variable && seenFromOutside(variable.name())) {
            report(variable.span(), outsideProblem(variable.name()));
        }
    }

    private void calledFunction(Expr.Call call, Expr.Identifier function) {
        String name = function.name();
        if (scopes.lookup(name) != null) {
            read(function); // a function value held by a variable; whether it is one shows at run time
            return;
        }
        if (functions.containsKey(name)) {
            return;
        }
        if (inTopLevelFunction && topLevelLets.containsKey(name)) {
            read(function);
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
