package dev.rondo.core.internal.compiler;

import dev.rondo.grammar.FlowParser;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Runs the generated parser in two stages: first the fast SLL prediction with an error strategy that gives
 * up at the first error (almost every valid program is done here), and only when that fails, the full LL
 * prediction with {@link SyntaxErrorStrategy}, which reports and recovers.
 */
final class SyntaxParsing {

    /** The parse tree and the contexts that hold an error (empty when the program is valid). */
    record Tree(FlowParser.ProgramContext program, Set<ParserRuleContext> broken) {}

    private SyntaxParsing() {}

    static Tree parse(List<Token> tokens, Reporter reporter, SourcePositions positions, boolean endAlreadyReported) {
        CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(tokens));
        GuardedParser parser = new GuardedParser(stream);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return new Tree(parser.program(), Set.of());
        } catch (ParseCancellationException e) {
            // not valid, or beyond SLL: parse again, reporting every error
        }
        SyntaxErrorStrategy strategy = new SyntaxErrorStrategy(reporter, positions, endAlreadyReported);
        parser.reset();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(strategy);
        FlowParser.ProgramContext program = parser.program();
        return new Tree(program, strategy.broken());
    }

    /**
     * Decides a few choices the way JavaScript (and a hand-written parser) does, from the next one or two
     * tokens, where the grammar alone is ambiguous or would need to look far ahead:
     * <ul>
     *   <li>the loops of expressions: a binary operator continues the chain, a '.', '(', '[' or template
     *       continues the postfix chain, a '?' starts a conditional. ANTLR does not know about line breaks,
     *       so for it a statement could also start there with '(' or '-'; it would look ahead to the end of
     *       the statement to choose the same, and on a syntax error inside the arguments of a call it
     *       would give up the call and report the error at its '('.</li>
     *   <li>a statement that starts with '{' is a block, never an object literal.</li>
     *   <li>in a comma-separated list, a ',' followed by anything but the closing bracket announces
     *       another element (so "f(1, ,)" is reported as a missing expression).</li>
     * </ul>
     */
    private static final class JavaScriptChoices extends ParserATNSimulator {

        private enum Rule { EXPRESSION_LOOP, BLOCK_FIRST, COMMA_LIST }

        private static final Rule[] RULES = new Rule[FlowParser._ATN.getNumberOfDecisions()];
        private static final IntervalSet[] LOOP_ENTRIES = new IntervalSet[RULES.length];
        private static final int[] BLOCK_ALTERNATIVE = new int[RULES.length];

        static {
            ATN atn = FlowParser._ATN;
            for (int decision = 0; decision < RULES.length; decision++) {
                DecisionState state = atn.getDecisionState(decision);
                boolean loop = state.getStateType() == ATNState.STAR_LOOP_ENTRY;
                IntervalSet firstAlternative = atn.nextTokens(state.transition(0).target);
                if (loop && (state.ruleIndex == FlowParser.RULE_expression || state.ruleIndex == FlowParser.RULE_binary
                        || state.ruleIndex == FlowParser.RULE_postfix)) {
                    RULES[decision] = Rule.EXPRESSION_LOOP;
                    LOOP_ENTRIES[decision] = firstAlternative;
                } else if (loop && firstAlternative.size() == 1 && firstAlternative.contains(FlowParser.Comma)) {
                    RULES[decision] = Rule.COMMA_LIST;
                } else if (state == atn.ruleToStartState[FlowParser.RULE_unlabeledStatement].transition(0).target) {
                    RULES[decision] = Rule.BLOCK_FIRST;
                    for (int alternative = 0; alternative < state.getNumberOfTransitions(); alternative++) {
                        IntervalSet first = atn.nextTokens(state.transition(alternative).target);
                        if (first.size() == 1 && first.contains(FlowParser.OpenBrace)) {
                            BLOCK_ALTERNATIVE[decision] = alternative + 1;
                        }
                    }
                }
            }
        }

        JavaScriptChoices(FlowParser parser, DFA[] decisionToDFA, PredictionContextCache contextCache) {
            super(parser, FlowParser._ATN, decisionToDFA, contextCache);
        }

        @Override
        public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
            Rule rule = RULES[decision];
            if (rule == Rule.EXPRESSION_LOOP) {
                return LOOP_ENTRIES[decision].contains(input.LA(1)) ? 1 : 2;
            }
            if (rule == Rule.COMMA_LIST) {
                return input.LA(1) == FlowParser.Comma && !isCloser(input.LA(2)) ? 1 : 2;
            }
            if (rule == Rule.BLOCK_FIRST && input.LA(1) == FlowParser.OpenBrace) {
                return BLOCK_ALTERNATIVE[decision];
            }
            return super.adaptivePredict(input, decision, outerContext);
        }

        private static boolean isCloser(int type) {
            return type == FlowParser.CloseParen || type == FlowParser.CloseBracket || type == FlowParser.CloseBrace;
        }
    }

    /**
     * Drops the prediction cache that all parsers share. Called after a stack overflow, which may have
     * interrupted an update of that cache halfway.
     */
    static void forgetCachedPredictions() {
        new GuardedParser(new CommonTokenStream(new ListTokenSource(List.of()))).getInterpreter().clearDFA();
    }

    /**
     * The generated parser, with two hooks for {@link SyntaxErrorStrategy}: while it unwinds a failed
     * statement, even a token that happens to match is not consumed, and leaving a statement ends the
     * unwinding.
     */
    private static final class GuardedParser extends FlowParser {

        GuardedParser(TokenStream input) {
            super(input);
            _interp = new JavaScriptChoices(this, _decisionToDFA, _sharedContextCache);
        }

        @Override
        public Token match(int ttype) {
            if (getErrorHandler() instanceof SyntaxErrorStrategy strategy && strategy.unwinding()) {
                throw new InputMismatchException(this);
            }
            return super.match(ttype);
        }

        @Override
        public void exitRule() {
            if (_ctx instanceof StatementContext && getErrorHandler() instanceof SyntaxErrorStrategy strategy) {
                strategy.statementEnded();
            }
            super.exitRule();
        }
    }
}
