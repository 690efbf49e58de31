package org.wuyi.request.web;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.wuyi.request.RequestFigures;

/**
 * The figures page's charts: one bar per community for a figure, as lengths the page draws (a share of 100% for a
 * rate, of the largest value for a count or a time) with the figure written beside each bar. A community without the
 * figure's denominator (no requests, no callbacks) gets no bar and a dash, never a zero it did not earn.
 */
record FigureCharts(List<Chart> charts) {

    /** One chart: its title's message key and its bars. */
    record Chart(String id, String titleKey, List<Bar> bars) {
    }

    /** One community's bar: its name, its length (0–100) and its figure as written; {@code length} null for a dash. */
    record Bar(String name, Double length, String text) {
    }

    static FigureCharts of(RequestFigures.Figures figures) {
        List<RequestFigures.Unit> units = figures.units();
        return new FigureCharts(List.of(
                count("chart-requests", "request.figures.chart.requests", units, unit -> unit.requests()),
                rate("chart-accepted", "request.figures.chart.accepted", units, RequestFigures.Unit::acceptedInTime, RequestFigures.Unit::requests),
                rate("chart-resolved", "request.figures.chart.resolved", units, RequestFigures.Unit::resolvedInTime, RequestFigures.Unit::requests),
                rate("chart-satisfied", "request.figures.chart.satisfied", units, RequestFigures.Unit::satisfied, RequestFigures.Unit::verdicts),
                minutes("chart-accept-median", "request.figures.chart.accept-median", units)));
    }

    private static Chart count(String id, String title, List<RequestFigures.Unit> units, ToDoubleFunction<RequestFigures.Unit> value) {
        double largest = units.stream().mapToDouble(value).max().orElse(0);
        return new Chart(id, title, units.stream().map(unit -> new Bar(unit.name(),
                largest == 0 ? 0.0 : 100 * value.applyAsDouble(unit) / largest, String.valueOf((long) value.applyAsDouble(unit)))).toList());
    }

    private static Chart rate(String id, String title, List<RequestFigures.Unit> units, ToDoubleFunction<RequestFigures.Unit> part,
                              ToDoubleFunction<RequestFigures.Unit> whole) {
        return new Chart(id, title, units.stream().map(unit -> {
            double of = whole.applyAsDouble(unit);
            if (of == 0) {
                return new Bar(unit.name(), null, "—");
            }
            double percent = 100 * part.applyAsDouble(unit) / of;
            return new Bar(unit.name(), percent, String.format(Locale.ROOT, "%.0f%%", percent));
        }).toList());
    }

    private static Chart minutes(String id, String title, List<RequestFigures.Unit> units) {
        double largest = units.stream().map(RequestFigures.Unit::acceptMedian).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        return new Chart(id, title, units.stream().map(unit -> unit.acceptMedian() == null
                ? new Bar(unit.name(), null, "—")
                : new Bar(unit.name(), largest == 0 ? 0.0 : 100 * unit.acceptMedian() / largest,
                        String.format(Locale.ROOT, "%.1f", unit.acceptMedian()))).toList());
    }
}
