package dev.rondo.core.value;

import dev.rondo.core.ast.Span;

/**
 * The work and size limits of one stretch (LANGUAGE.md §10): the operations it may still run, and how long
 * a string or an array may grow. Statements and loop iterations count one operation each; built-ins that do
 * work in proportion to their input (copying, searching, comparing, converting) count the elements and
 * characters they touch, so a single call cannot run for hours or fill the heap.
 *
 * <p>The interpreter {@link #enter enters} a budget for the length of a stretch on the thread that runs it,
 * and the value code charges {@link #current()} rather than taking a parameter: the same helpers
 * ({@link Values#strictEquals}, {@link Json#write}, …) also serve the engine and the client outside any
 * stretch, where nothing is charged.
 */
public final class Budget {

    /**
     * Characters built (copied) per operation charged. A memory copy is far cheaper than a statement (about
     * 0.4 ns a character against 10 ns a statement, measured), so a stretch spent copying strings ends within
     * about a second of work, as one spent running statements does.
     */
    public static final int CHARACTERS_BUILT_PER_OPERATION = 256;
    /** Characters searched or compared per operation charged (a search costs more per character than a copy). */
    public static final int CHARACTERS_SCANNED_PER_OPERATION = 64;

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();
    /**
     * Outside a stretch nothing is counted and only the default string limit holds: values read there (an
     * execution's input) are already bounded by the payload limit.
     */
    private static final Budget UNMETERED = new Budget(Long.MAX_VALUE, Strings.MAX_LENGTH, Integer.MAX_VALUE - 8);

    private final long maxOperations;
    private final int maxStringLength;
    private final int maxArrayLength;
    private long operations;
    /** The statement or iteration counted last: where an error raised without a position happened. */
    private Span lastWhere;

    /**
     * The smallest array limit of any budget made in this JVM: arrays and objects smaller than this need
     * not look up the thread's budget on every element added (a push loop would pay for it on each push).
     */
    private static volatile int smallestArrayLimit = FlowArray.MAX_LENGTH;

    public Budget(long maxOperations, int maxStringLength, int maxArrayLength) {
        this.maxOperations = maxOperations;
        this.maxStringLength = maxStringLength;
        this.maxArrayLength = maxArrayLength;
        synchronized (Budget.class) {
            smallestArrayLimit = Math.min(smallestArrayLimit, maxArrayLength);
        }
    }

    /** Whether a container of {@code size} elements could be over some budget's limit (then check it). */
    static boolean mayBeOverArrayLimit(long size) {
        return size > smallestArrayLimit;
    }

    /** The budget of the stretch running on this thread, or an unmetered one. */
    public static Budget current() {
        Budget budget = CURRENT.get();
        return budget == null ? UNMETERED : budget;
    }

    /** Makes this the thread's budget until the returned scope is closed, with a fresh count. */
    public Scope enter() {
        operations = 0;
        lastWhere = null;
        Budget previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Restores the previous budget; closing never fails. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The position of the statement or iteration counted last, or {@code null} before the first. */
    public Span lastWhere() {
        return lastWhere;
    }

    public long operations() {
        return operations;
    }

    public long maxOperations() {
        return maxOperations;
    }

    /** One statement or loop iteration at {@code where}. */
    public void tick(Span where) {
        lastWhere = where;
        if (++operations > maxOperations) {
            throw exceeded().at(where);
        }
    }

    /**
     * For the interpreter's compiled loops, which count their statements and passes themselves from
     * {@link #operations()}: takes their count back, and the position they counted last (unchanged when
     * {@code where} is null: they counted nothing).
     */
    public void countedTo(long operations, Span where) {
        this.operations = operations;
        if (where != null) {
            lastWhere = where;
        }
    }

    /** Charges {@code units} operations of work a built-in is about to do (or has done). */
    public static void charge(long units) {
        Budget budget = CURRENT.get();
        if (budget != null && (budget.operations += units) > budget.maxOperations) {
            throw budget.exceeded();
        }
    }

    /**
     * {@link #charge} on this budget, for the interpreter, which holds the budget of the stretch it runs and
     * need not look it up on the thread.
     */
    public void spend(long units) {
        if ((operations += units) > maxOperations) {
            throw exceeded();
        }
    }

    /** Charges the work of building (copying) {@code characters} characters. */
    public static void chargeCharacters(long characters) {
        charge(characters / CHARACTERS_BUILT_PER_OPERATION);
    }

    /** Charges the work of searching or comparing {@code characters} characters. */
    public static void chargeScan(long characters) {
        charge(characters / CHARACTERS_SCANNED_PER_OPERATION);
    }

    private FlowThrow exceeded() {
        return FlowThrow.limitError("This stretch ran more than " + maxOperations
                + " operations without an await; is a loop running away?").fatal();
    }

    /** Raises {@code LimitError} when a string of {@code length} code units would be over the limit. */
    public static void checkString(long length) {
        Budget budget = current();
        if (length > budget.maxStringLength) {
            throw budget.stringTooLong();
        }
    }

    /** Raises {@code LimitError} when an array of {@code length} elements would be over the limit. */
    public static void checkArray(long length) {
        Budget budget = current();
        if (length > budget.maxArrayLength) {
            throw FlowThrow.limitError("An array may hold at most " + String.format("%,d", budget.maxArrayLength)
                    + " elements; this one would hold " + (length > Integer.MAX_VALUE ? "more" : String.format("%,d", length))
                    + ".");
        }
    }

    /** Raises {@code LimitError} when an object of {@code size} keys would be over the limit (the arrays' limit). */
    public static void checkObject(long size) {
        Budget budget = current();
        if (size > budget.maxArrayLength) {
            throw FlowThrow.limitError("An object may hold at most " + String.format("%,d", budget.maxArrayLength)
                    + " keys.");
        }
    }

    public static int maxStringLength() {
        return current().maxStringLength;
    }

    FlowThrow stringTooLong() {
        return FlowThrow.limitError("String is longer than the " + sizeText(maxStringLength) + " limit.");
    }

    private static String sizeText(int units) {
        return units % (1024 * 1024) == 0 ? units / (1024 * 1024) + " MiB" : String.format("%,d characters", units);
    }
}
