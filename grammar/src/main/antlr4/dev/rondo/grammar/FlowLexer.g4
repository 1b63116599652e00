/*
 * The tokens of the Flow language (LANGUAGE.md §2).
 *
 * Whitespace, line breaks and comments are skipped: the parser finds line breaks by comparing the lines of
 * neighbouring tokens (automatic semicolon insertion). Malformed input never makes the lexer fail: every
 * character ends up in some token, and the error tokens (UnterminatedString, UnterminatedComment,
 * InvalidNumber, UnexpectedCharacter) are turned into diagnostics by the compiler.
 *
 * Template literals use modes: a backtick enters TEMPLATE, '${' enters the default mode again, and every
 * '{' pushes one more default mode so that the '}' closing an object literal inside '${ }' is not taken
 * for the end of the substitution.
 */
lexer grammar FlowLexer;

tokens {
    // Never produced by this lexer: the compiler gives these types to '++' and '--' that start a line,
    // which can never be postfix operators ("x \n ++y" is "x; ++y").
    LineStartPlusPlus, LineStartMinusMinus
}

@members {
    /** A stray '}' at the top level must not fail on an empty mode stack; the parser reports it. */
    @Override
    public int popMode() {
        return _modeStack.isEmpty() ? _mode : super.popMode();
    }
}

// Keywords and reserved words. Longest match makes them whole words: 'letter' is an Identifier.
Let        : 'let';
Const      : 'const';
Var        : 'var';
If         : 'if';
Else       : 'else';
While      : 'while';
Do         : 'do';
For        : 'for';
Of         : 'of';
In         : 'in';
Break      : 'break';
Continue   : 'continue';
Return     : 'return';
Throw      : 'throw';
Try        : 'try';
Catch      : 'catch';
Finally    : 'finally';
Switch     : 'switch';
Case       : 'case';
Default    : 'default';
True       : 'true';
False      : 'false';
Null       : 'null';
Await      : 'await';
Typeof     : 'typeof';
Function   : 'function';
Async      : 'async';
New        : 'new';
Class      : 'class';
Import     : 'import';
Export     : 'export';

// Punctuation and operators.
OpenBrace        : '{' -> pushMode(DEFAULT_MODE);
CloseBrace       : '}' -> popMode;
OpenParen        : '(';
CloseParen       : ')';
OpenBracket      : '[';
CloseBracket     : ']';
Semicolon        : ';';
Comma            : ',';
Ellipsis         : '...';
// '?.' followed by a digit is '?' and a number: 'a?.5:1' is a conditional.
QuestionDot      : '?.' {!Character.isDigit(_input.LA(1))}?;
Dot              : '.';
Arrow            : '=>';
QuestionQuestionAssign : '??=';
QuestionQuestion : '??';
Question         : '?';
Colon            : ':';
StrictEqual      : '===';
StrictNotEqual   : '!==';
Equal            : '==';
NotEqual         : '!=';
Assign           : '=';
PlusAssign       : '+=';
MinusAssign      : '-=';
StarStarAssign   : '**=';
StarAssign       : '*=';
SlashAssign      : '/=';
PercentAssign    : '%=';
OrAssign         : '||=';
AndAssign        : '&&=';
LessEqual        : '<=';
GreaterEqual     : '>=';
Less             : '<';
Greater          : '>';
PlusPlus         : '++';
MinusMinus       : '--';
Plus             : '+';
Minus            : '-';
StarStar         : '**';
Star             : '*';
Slash            : '/';
Percent          : '%';
AndAnd           : '&&';
OrOr             : '||';
Not              : '!';

// Literals. Underscores may only separate digits: '1_000' but not '1__0', '_1' or '1_'.
HexNumber        : '0' [xX] HexDigit ('_'? HexDigit)*;
DecimalNumber    : (Digits ('.' Digits?)? | '.' Digits) Exponent?;
// A digit followed by letters that make no number ('1_', '0x', '1e', '0b1', '12px'), reported as a whole.
InvalidNumber    : [0-9] [0-9A-Za-z_$]*;

StringLiteral    : '"' DoubleQuoted* '"' | '\'' SingleQuoted* '\'';
// Runs to the end of the line (a raw line break may not appear in a quoted string) or of the file.
UnterminatedString : '"' DoubleQuoted* '\\'? | '\'' SingleQuoted* '\\'?;

TemplateOpen     : '`' -> pushMode(TEMPLATE);

Identifier       : [A-Za-z_$] [A-Za-z0-9_$]*;

// Skipped: spaces (JavaScript's set, including the no-break space and a stray byte order mark), line
// breaks (the compiler turns \r\n and \r into \n first) and comments.
Whitespace       : [ \t\r\u000B\f\u00A0\uFEFF\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\n]+ -> skip;
LineComment      : '//' ~[\n]* -> skip;
BlockComment     : '/*' .*? '*/' -> skip;
// Longest match: a closed comment is one character longer than this, so this only wins at end of file.
UnterminatedComment : '/*' (~'*' | '*'+ ~[*/])* '*'*;

UnexpectedCharacter : .;

fragment Digits       : [0-9] ('_'? [0-9])*;
fragment Exponent     : [eE] [+-]? Digits;
fragment HexDigit     : [0-9a-fA-F];
// Escapes are checked (and cooked) by the compiler, which can say which one is wrong.
fragment DoubleQuoted : ~["\\\n] | '\\' .;
fragment SingleQuoted : ~['\\\n] | '\\' .;

mode TEMPLATE;

TemplateClose     : '`' -> popMode;
TemplateSubstitutionOpen : '${' -> pushMode(DEFAULT_MODE);
// A '$' not followed by '{' is text; it gets a token of its own so that '${' can win by length.
TemplateText      : (~[`\\$] | '\\' .)+ | '$' | '\\';
