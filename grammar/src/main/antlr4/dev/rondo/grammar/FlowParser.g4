/*
 * The syntax of the Flow language (LANGUAGE.md §2-§5, §7). Semantics, and several errors that read better
 * when the whole construct is known ("Invalid assignment target.", "'var' is not supported", mixing '??'
 * with '||'), are left to the compiler that walks this tree.
 *
 * Statements end at ';' or where eos finds a line break, a '}' or the end of the file (JavaScript's
 * automatic semicolon insertion: expressions are parsed greedily across lines, so a line starting with
 * '(', '[' or a template literal continues the previous one). The compiler prepares the token stream
 * for the two restricted productions: a ';' is inserted after 'return', 'break', 'continue' and 'throw'
 * when a line break follows them, and a '++'/'--' that starts a line becomes LineStartPlusPlus or
 * LineStartMinusMinus, which only a prefix update accepts.
 *
 * Operator chains are parsed flat (conditionals, binary operators, postfix operations, labels) and given
 * their shape by the compiler, so that the depth of recursion follows only the nesting of brackets,
 * prefix operators and statements, which the compiler limits before parsing.
 *
 * Three choices are ambiguous here and made by the compiler's parser as JavaScript makes them: the loops
 * of expressions continue whenever the next token can continue them (a statement could otherwise start
 * with '(' or '-' on the next line), a statement that starts with '{' is a block, and in a comma-separated
 * list a ',' not followed by the closing bracket announces another element.
 */
parser grammar FlowParser;

options { tokenVocab = FlowLexer; }

@members {
    /**
     * Ends a statement that has no ';': the next token must follow a line break, or be a '}' or the end of
     * the file. This is an action, not a predicate, on purpose: prediction never sees it, so an expression
     * always ends where its grammar ends, and a missing line break is reported here, as the statement's
     * error, rather than as a failed decision somewhere inside the expression.
     */
    protected void requireStatementEnd() {
        int next = _input.LA(1);
        if (next == CloseBrace || next == EOF) {
            return;
        }
        Token previous = _input.LT(-1);
        if (previous == null || _input.LT(1).getLine() <= lastLine(previous)) {
            throw new InputMismatchException(this);
        }
    }

    /** A string with a line continuation ends on a later line than it starts. */
    private static int lastLine(Token token) {
        if (token.getType() != StringLiteral) {
            return token.getLine();
        }
        return token.getLine() + (int) token.getText().chars().filter(c -> c == '\n').count();
    }
}

program
    : statement* EOF
    ;

statement
    : label* unlabeledStatement
    ;

label
    : Identifier Colon
    ;

unlabeledStatement
    : block                                                                     # BlockStatement
    | declaration eos                                                           # DeclarationStatement
    | If OpenParen expression CloseParen statement (Else statement)?           # IfStatement
    | While OpenParen expression CloseParen statement                           # WhileStatement
    | Do statement While OpenParen expression CloseParen Semicolon?            # DoWhileStatement
    | For OpenParen forInit? Semicolon test=expression? Semicolon forUpdate? CloseParen statement
                                                                                # ForStatement
    | For OpenParen kind=(Let | Const | Var)? bindingTarget (Of | In) expression CloseParen statement
                                                                                # ForEachStatement
    | Break Identifier? eos                                                     # BreakStatement
    | Continue Identifier? eos                                                  # ContinueStatement
    | Return expression? eos                                                    # ReturnStatement
    | Throw expression eos                                                      # ThrowStatement
    | Try block (catchClause finallyClause? | finallyClause)                     # TryStatement
    | Switch OpenParen expression CloseParen OpenBrace switchCase* CloseBrace    # SwitchStatement
    | Async? Function Identifier? OpenParen parameterList? CloseParen block      # FunctionDeclaration
    | Semicolon                                                                 # EmptyStatement
    | simpleStatement eos                                                       # SimpleStatementLine
    ;

block
    : OpenBrace statement* CloseBrace
    ;

declaration
    : kind=(Let | Const | Var) variableDeclarator (Comma variableDeclarator)*
    ;

variableDeclarator
    : bindingTarget (Assign expression)?
    ;

// An assignment, an update or an expression evaluated for its effect. Assignments are statements only:
// an '=' inside an expression is a syntax error.
simpleStatement
    : op=(PlusPlus | MinusMinus | LineStartPlusPlus | LineStartMinusMinus) unary      # PrefixUpdate
    | expression (assignmentOperator expression | op=(PlusPlus | MinusMinus))?       # ExpressionOrAssignment
    ;

assignmentOperator
    : Assign | PlusAssign | MinusAssign | StarAssign | SlashAssign | PercentAssign | StarStarAssign
    | QuestionQuestionAssign | OrAssign | AndAssign
    ;

forInit
    : declaration
    | simpleStatement (Comma simpleStatement)*
    ;

forUpdate
    : simpleStatement (Comma simpleStatement)*
    ;

catchClause
    : Catch (OpenParen bindingTarget CloseParen)? block
    ;

finallyClause
    : Finally block
    ;

switchCase
    : (Case expression | Default) Colon statement*
    ;

eos
    : Semicolon
    | {requireStatementEnd();}
    ;

// Patterns of let/const, for-of/for-in and catch.
bindingTarget
    : Identifier                                                                # NameBinding
    | OpenBrace (bindingProperty (Comma bindingProperty)* Comma?)? CloseBrace   # ObjectBinding
    | OpenBracket (bindingElement? Comma)* bindingElement? CloseBracket         # ArrayBinding
    ;

bindingProperty
    : propertyName Colon bindingTarget (Assign expression)?                     # RenamedBindingProperty
    | OpenBracket expression CloseBracket Colon bindingTarget (Assign expression)?  # ComputedBindingProperty
    | Identifier (Assign expression)?                                           # ShorthandBindingProperty
    | Ellipsis bindingTarget                                                    # RestBindingProperty
    ;

bindingElement
    : Ellipsis? bindingTarget (Assign expression)?
    ;

parameterList
    : parameter (Comma parameter)* Comma?
    ;

parameter
    : Ellipsis? bindingTarget (Assign expression)?
    ;

// Expressions are parsed flat: 'a ? b : c ? d : e' is one loop, 'a + b * c - d' is a list of operands
// and operators that the compiler groups by precedence, and 'a.b(c)[d]' is a primary followed by postfix
// operations. The loops decide on the next token alone (see the header), so parsing is fast, a line that
// starts with '(', '[', '-' or a template continues the expression before it, and an error inside the
// arguments of a call is reported there.
expression
    : binary (Question expression Colon binary)*
    ;

binary
    : unary (binaryOperator unary)*
    ;

binaryOperator
    : StarStar | Star | Slash | Percent | Plus | Minus | Less | LessEqual | Greater | GreaterEqual
    | Equal | NotEqual | StrictEqual | StrictNotEqual | AndAnd | OrOr | QuestionQuestion
    ;

unary
    : prefixOperator unary
    | postfix
    ;

prefixOperator
    : Not | Minus | Plus | Typeof | Await
    ;

postfix
    : primary postfixOperation*
    ;

postfixOperation
    : Dot identifierName                                                        # MemberOperation
    | QuestionDot identifierName                                                # OptionalMemberOperation
    | QuestionDot? OpenBracket expression CloseBracket                          # IndexOperation
    | QuestionDot? arguments                                                    # CallOperation
    | templateLiteral                                                           # TaggedTemplateOperation
    ;

primary
    : OpenParen expression CloseParen                                           # Parenthesized
    | literal                                                                   # LiteralPrimary
    | Identifier                                                                # IdentifierPrimary
    | OpenBracket (arrayElement (Comma arrayElement)* Comma?)? CloseBracket     # ArrayLiteral
    | OpenBrace (property (Comma property)* Comma?)? CloseBrace                 # ObjectLiteral
    | templateLiteral                                                           # TemplatePrimary
    | Async? arrowParameters Arrow (block | expression)                         # ArrowFunction
    ;

literal
    : Null | True | False | DecimalNumber | HexNumber | StringLiteral
    ;

arrayElement
    : Ellipsis? expression
    ;

property
    : propertyName Colon expression                                             # KeyValueProperty
    | OpenBracket expression CloseBracket Colon expression                      # ComputedProperty
    | Ellipsis expression                                                       # SpreadProperty
    | Identifier                                                                # ShorthandProperty
    ;

propertyName
    : identifierName | StringLiteral | DecimalNumber | HexNumber
    ;

arguments
    : OpenParen (argument (Comma argument)* Comma?)? CloseParen
    ;

argument
    : Ellipsis? expression
    ;

arrowParameters
    : Identifier
    | OpenParen parameterList? CloseParen
    ;

templateLiteral
    : TemplateOpen templatePart* TemplateClose
    ;

templatePart
    : TemplateText
    | TemplateSubstitutionOpen expression CloseBrace
    ;

// After '.' and as an object key every word is a name: 'p.catch', '{default: 1}'.
identifierName
    : Identifier
    | Let | Const | Var | If | Else | While | Do | For | Of | In | Break | Continue | Return | Throw | Try
    | Catch | Finally | Switch | Case | Default | True | False | Null | Await | Typeof | Function | Async
    | New | Class | Import | Export
    ;
