package dev.rondo.core.ast;

import java.util.List;

/** The left side of a {@code let}/{@code const}, a {@code for…of}/{@code for…in} variable or a {@code catch} binding. */
public sealed interface Pattern extends Node {

    /** A plain name. */
    record Name(Span span, String name) implements Pattern {}

    /** {@code {a, b: renamed, c = 5}}. */
    record ObjectPattern(Span span, List<PropTarget> props) implements Pattern {}

    /** {@code [first, , third = 0]}: a {@code null} entry in {@code elements} is a hole. */
    record ArrayPattern(Span span, List<Element> elements) implements Pattern {}

    /** One entry of an object pattern: the key read, where it goes, and the default for a missing or null value. */
    record PropTarget(Span span, String key, Pattern target, Expr defaultValue) {}

    /** One entry of an array pattern. */
    record Element(Span span, Pattern target, Expr defaultValue) {}
}
