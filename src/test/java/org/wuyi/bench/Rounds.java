package org.wuyi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times a subject against its baseline on a noisy machine: round by round, alternating which runs first, so
 * that a burst of load from elsewhere lands on both sides of a round rather than on one side of the whole run.
 * Reports the median of the per-round ratios with their spread, and keeps going (up to a limit) while the
 * spread is wide.
 */
public final class Rounds {

    /** Something timed once, in seconds (it may clean up after itself outside the time it reports). */
    @FunctionalInterface
    public interface Timed {
        double seconds() throws Exception;
    }

    /** The rounds of one comparison: the baseline's and the subject's times and their ratios, round by round. */
    public record Result(String name, List<Double> baseline, List<Double> subject, List<Double> ratios) {

        public double medianRatio() {
            return median(ratios);
        }

        /** "1.82x (1.71–1.95, 7 rounds)": the median ratio, the lowest and highest round. */
        public String ratio() {
            return String.format(Locale.ROOT, "%.2fx (%.2f–%.2f, %d rounds)", medianRatio(), min(ratios), max(ratios), ratios.size());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: baseline median %.3f s (%.3f–%.3f), subject median %.3f s (%.3f–%.3f), subject/baseline %s",
                    name, median(baseline), min(baseline), max(baseline), median(subject), min(subject), max(subject), ratio());
        }
    }

    private Rounds() {
    }

    /**
     * One warm-up of each (not counted), then at least {@code minRounds} rounds, more (up to {@code maxRounds})
     * while the ratios' spread (highest minus lowest) exceeds {@code wideSpread} of their median.
     */
    public static Result compare(String name, int minRounds, int maxRounds, double wideSpread, Timed baseline, Timed subject)
            throws Exception {
        baseline.seconds();
        subject.seconds();
        List<Double> base = new ArrayList<>();
        List<Double> subj = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < maxRounds; round++) {
            double b;
            double s;
            if (round % 2 == 0) {
                b = baseline.seconds();
                s = subject.seconds();
            } else {
                s = subject.seconds();
                b = baseline.seconds();
            }
            base.add(b);
            subj.add(s);
            ratios.add(s / b);
            System.out.printf(Locale.ROOT, "  %s round %d: baseline %.3f s, subject %.3f s, ratio %.2f%n", name, round + 1, b, s, s / b);
            if (round + 1 >= minRounds && (max(ratios) - min(ratios)) <= wideSpread * median(ratios)) {
                break;
            }
        }
        Result result = new Result(name, base, subj, ratios);
        System.out.println(result);
        return result;
    }

    public static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    public static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

}
