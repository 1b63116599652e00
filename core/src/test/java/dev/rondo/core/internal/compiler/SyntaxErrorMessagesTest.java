package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.ParserTestSupport.error;
import static dev.rondo.core.internal.compiler.ParserTestSupport.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.Compilation;
import dev.rondo.core.FlowCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wording and position of syntax errors: sentences that say what was expected, at the right place. */
class SyntaxErrorMessagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            if x > 1) {} :: 1:4: Expect '(' after 'if'.
            if (x > 1 { print(x) } :: 1:11: Expect ')' after the condition of 'if'.
            while (x { } :: 1:10: Expect ')' after the condition of 'while'.
            do { } until (x) :: 1:8: Expect 'while' after the body of 'do'.
            for (let i = 0 i < 3; i++) {} :: 1:16: Expect ';' after the loop initializer.
            for (let i = 0; i < 3 i++) {} :: 1:23: Expect ';' after the loop condition.
            for (let i = 0; i < 3; i++ {} :: 1:28: Expect ')' after the clauses of 'for'.
            for (const x of xs {} :: 1:20: Expect ')' after the value to loop over.
            try { } print(1) :: 1:9: Expect 'catch' or 'finally' after the block of 'try'.
            try { } catch (e { } :: 1:18: Expect ')' after the variable of 'catch'.
            switch x {} :: 1:8: Expect '(' after 'switch'.
            switch (x) { print(1) } :: 1:14: Expect 'case', 'default' or '}' in the body of 'switch'.
            switch (x) { case 1 print(1) } :: 1:21: Expect ':' after the value of 'case'.
            print(a b) :: 1:9: Expect ')' after the arguments.
            print((a + b) :: 1:14: Expect ')' after the arguments.
            x = (a + b :: 1:11: Expect ')' after the expression.
            x = a[1 :: 1:8: Expect ']' after the index.
            x = [1, 2 :: 1:10: Expect ']' after the elements of the array.
            x = {a: 1 b: 2} :: 1:11: Expect '}' after the properties of the object.
            x = a ? b :: 1:10: Expect ':' after the first branch of the conditional expression.
            x = a. :: 1:7: Expect a property name after '.'.
            let = 5 :: 1:5: Expect a variable name after 'let'.
            const 5 = x :: 1:7: Expect a variable name after 'const'.
            let x = :: 1:8: Expect an expression.
            x = 1 + * 2 :: 1:9: Expect an expression.
            print(1, ,) :: 1:10: Expect an expression.
            let if = 3 :: 1:5: 'if' is a reserved word and cannot be used as a name.
            let {a, +} = o :: 1:9: Expect a property name in the pattern.
            let {a, 5} = o :: 1:10: Expect ':' after the property name.
            let x = 5 6 :: 1:11: Expect ';' or a line break before '6'.
            ) :: 1:1: Unexpected ')'.
            else { } :: 1:1: Unexpected 'else'.
            case 1: :: 1:1: Unexpected 'case'.
            if (a) ) :: 1:8: Expect a statement.
            """)
    void saysWhatWasExpectedAndWhere(String source, String expected) {
        assertEquals(expected, error(source));
    }

    @Test
    void reportsAMissingClosingBraceWithWhereTheBlockOpened() {
        assertEquals("3:11: Expect '}' to close the block opened at 1:23.",
                error("async function main() {\n  let a = 1\n  print(a)\n"));
        assertEquals("2:11: Expect '}' to close the block opened at 1:12.", error("if (ready) {\n  print(1)"));
    }

    @Test
    void reportsWhatIsMissingAtTheEndOfTheLineWhereItBelongs() {
        // the ')' is missing after "x": the next line is where ANTLR notices, the error points at line 1
        assertEquals("1:17: Expect ')' after the arguments.", error("if (a) print(\"x\"\nlet y = 2"));
        assertEquals("1:8: Expect an expression.", error("let x =\nlet y = 2"));
    }

    @Test
    void reportsAssignmentInsideAnExpressionAsSuch() {
        String equals = "Cannot use '=' inside an expression; an assignment is a statement of its own (to compare, use '==').";
        assertEquals("1:7: " + equals, error("if (x = 1) {}"));
        assertEquals("1:11: " + equals, error("let a = b = c"));
        assertEquals("1:5: " + equals, error("f(x = 1)"));
        assertEquals("1:11: Cannot use '+=' inside an expression; an assignment is a statement of its own.",
                error("while ((n += 1) < 3) {}"));
        assertEquals("1:10: Cannot use '++' inside an expression; it is a statement of its own.", error("let y = x++"));
        assertEquals("1:7: Cannot use '--' inside an expression; it is a statement of its own.", error("f(a, b--)"));
    }

    @Test
    void namesUnsupportedWordsInsteadOfListingTokens() {
        assertEquals("1:1: 'class' is not supported.", error("class A {\n  m() {}\n}\n"));
        assertEquals("1:1: 'import' is not supported; a workflow is a single file.", error("import x from \"y\""));
        assertEquals("1:1: 'export' is not supported; a workflow is a single file.", error("export const x = 1"));
        assertEquals("1:7: 'new' is not supported; call 'Error(message)' and the other built-ins without it.",
                error("throw new Error(\"boom\")"));
        assertEquals("1:9: Helper functions are not supported yet.", error("let f = function () {}"));
    }

    @Test
    void reportsLexicalErrorsOnceAndNothingElseForTheirStatement() {
        assertEquals("1:9: Unterminated string.", error("let s = \"abc\nprint(s)"));
        assertEquals("1:9: Unterminated string.", error("let s = 'abc"));
        assertEquals("2:1: Unterminated comment.", error("x = 1\n/* no end\nprint(x)"));
        assertEquals("1:5: Unterminated template literal.", error("x = `abc ${y}\nprint(x)"));
        assertEquals("1:5: Unterminated template literal.", error("x = `abc ${y"));
        assertEquals("1:11: Unexpected character '#'.", error("let a = 1 # 2"));
        assertEquals("1:11: Unexpected character '#'.", error("let a = 1 ### 2"));
        assertEquals("1:9: Unexpected character 'é'.", error("let a = é"));
        assertEquals("1:9: Invalid number '12px'.", error("let x = 12px"));
        assertEquals("1:9: Invalid number '1__0'.", error("let x = 1__0"));
        assertEquals("1:9: Invalid number '0x'.", error("let x = 0x"));
        assertEquals("1:9: Invalid number '0123': a number cannot start with 0.", error("let x = 0123"));
        assertEquals("1:9: The number '1e400' is too large.", error("let x = 1e400"));
    }

    @Test
    void reportsInvalidEscapesWhereTheyStand() {
        assertEquals("1:11: Invalid escape sequence '\\q'.", error("let s = \"a\\q\""));
        assertEquals("1:10: Invalid escape sequence '\\x'.", error("let s = '\\x41'"));
        assertEquals("1:10: Invalid escape sequence '\\u12G'.", error("let s = '\\u12G4'"));
        assertEquals("1:10: Invalid escape sequence '\\u{110000}'.", error("let s = '\\u{110000}'"));
        assertEquals("1:10: Invalid escape sequence '\\01'.", error("let s = '\\01'"));
        assertEquals("2:3: Invalid escape sequence '\\q'.", error("let s = `line one\n  \\q`"));
    }

    @Test
    void reportsIndependentErrorsInDifferentStatements() {
        List<String> found = errors("""
                let x = 1
                let y y
                print(x)
                if (x > { }
                let z = 2
                foo(1 2)
                let ok = 3
                """);
        assertEquals(List.of(
                "2:7: Expect ';' or a line break before 'y'.",
                "4:12: Expect ')' after the condition of 'if'.",
                "6:7: Expect ')' after the arguments."), found);
    }

    @Test
    void reportsErrorsInsideABlockAndAfterIt() {
        List<String> found = errors("""
                async function main() {
                  let a = = 1
                  if (a) {
                    print(a b)
                  }
                  let c = [1, 2
                  let d = 4
                }
                x = )
                """);
        assertEquals(List.of(
                "2:11: Expect an expression.",
                "4:13: Expect ')' after the arguments.",
                "6:16: Expect ']' after the elements of the array.",
                "9:5: Expect an expression."), found);
    }

    @Test
    void givesOneErrorForOneMistake() {
        assertEquals(1, errors("let a = b\n[1, 2].forEach(x)").size());
        assertEquals(1, errors("print(\"a\"\nprint(\"b\")\nprint(\"c\")").size());
        assertEquals(1, errors("if (a {\n  b()\n}\nc()").size());
        assertEquals(1, errors("let {a b} = o\nprint(a)").size());
    }

    @Test
    void neverShowsAntlrTokenLists() {
        String[] sources = {"if (", "let [", "x = {a:", "for (const", "switch (x) {", "try {", "a ? b", "`${",
            "f(a,", "x = a?.", "let {a: } = o", "do", "while", "return )", "label: ]", "...", "=> 1", "@"};
        for (String source : sources) {
            for (String message : errors(source)) {
                assertFalse(message.contains("expecting") || message.contains("mismatched") || message.contains("<EOF>")
                        || message.contains("extraneous") || message.contains("viable") || message.contains("{"),
                        () -> source + " gave " + message);
                assertTrue(message.endsWith("."), () -> source + " gave " + message);
            }
        }
    }

    @Test
    void stopsTheCompilerWithTheSyntaxErrors() {
        Compilation compilation = FlowCompiler.compile("bad.flow", "let = 1\nprint(1 2)");
        assertFalse(compilation.ok());
        assertEquals("bad.flow:1:5: error: Expect a variable name after 'let'.", compilation.diagnostics().get(0).toString());
        assertEquals(2, compilation.diagnostics().size());
    }
}
