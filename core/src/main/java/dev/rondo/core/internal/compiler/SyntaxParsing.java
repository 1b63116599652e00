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
     * Makes the loops of expressions decide on the next token alone, as a hand-written parser would: a
     * binary operator continues the chain, a '.', '(', '[' or template continues the postfix chain, a '?'
     * starts a conditional. The grammar is ambiguous there, because a statement may start with '(', '['
     * or '-' on the next line and ANTLR does not know about line breaks; its own prediction would look
     * ahead to the end of the statement to choose the same alternative (JavaScript's rule: such a line
     * continues the expression), and on a syntax error inside a call it would give up the call and
     * report the error at the '('.
     */
    private static final class GreedyLoops extends ParserATNSimulator {

        /** For each decision, what enters its loop when it is one of these loops; otherwise null. */
        private static final IntervalSet[] LOOP_ENTRIES = loopEntries(FlowParser._ATN);

        GreedyLoops(FlowParser parser, DFA[] decisionToDFA, PredictionContextCache contextCache) {
            super(parser, FlowParser._ATN, decisionToDFA, contextCache);
        }

        @Override
        public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
            IntervalSet entry = LOOP_ENTRIES[decision];
            if (entry != null) {
                return entry.contains(input.LA(1)) ? 1 : 2;
            }
            return super.adaptivePredict(input, decision, outerContext);
        }

        private static IntervalSet[] loopEntries(ATN atn) {
            IntervalSet[] entries = new IntervalSet[atn.getNumberOfDecisions()];
            for (int decision = 0; decision < entries.length; decision++) {
                DecisionState state = atn.getDecisionState(decision);
                boolean expressionLoop = state.ruleIndex == FlowParser.RULE_expression
                        || state.ruleIndex == FlowParser.RULE_binary || state.ruleIndex == FlowParser.RULE_postfix;
                if (expressionLoop && state.getStateType() == ATNState.STAR_LOOP_ENTRY) {
                    entries[decision] = atn.nextTokens(state.transition(0).target);
                }
            }
            return entries;
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
            _interp = new GreedyLoops(this, _decisionToDFA, _sharedContextCache);
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
