package dev.rondo.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named figures gathered over several runs; each is reported as the median of its runs. */
final class Medians {

    private final Map<String, List<Double>> figures = new LinkedHashMap<>();

    void add(String name, double value) {
        figures.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    double of(String name) {
        return Stats.median(values(name).stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The value of the latest run, for its progress line. */
    double last(String name) {
        return values(name).getLast();
    }

    private List<Double> values(String name) {
        List<Double> values = figures.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no figure named " + name);
        }
        return values;
    }
}
