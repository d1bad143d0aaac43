package dev.concertina.bench.scale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Samples of one measurement (seconds, and peak RSS in KiB for processes): median and min–max. */
final class Stats {

    final List<Double> seconds = new ArrayList<>();
    final List<Long> rssKib = new ArrayList<>();
    /** CPU seconds (user + system) of the process during the sample: steadier than wall time on a loaded machine. */
    final List<Double> cpu = new ArrayList<>();

    void add(double s) {
        seconds.add(s);
    }

    void add(double s, long rss) {
        seconds.add(s);
        rssKib.add(rss);
    }

    void addCpu(double c) {
        cpu.add(c);
    }

    double cpuMedianSeconds() {
        return cpu.isEmpty() ? 0 : median(cpu);
    }

    String cpuMedian() {
        return cpu.isEmpty() ? "" : fmt(median(cpu));
    }

    boolean isEmpty() {
        return seconds.isEmpty();
    }

    double median() {
        return median(seconds);
    }

    double min() {
        return Collections.min(seconds);
    }

    double max() {
        return Collections.max(seconds);
    }

    long maxRssKib() {
        return rssKib.isEmpty() ? 0 : Collections.max(rssKib);
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** "1.234 s (1.100–1.400)" or in ms below a second. */
    String format() {
        if (isEmpty()) return "–";
        return fmt(median()) + " (" + fmt(min()) + "–" + fmt(max()) + ")";
    }

    static String fmt(double s) {
        return s >= 1 ? String.format(Locale.ROOT, "%.2f s", s) : String.format(Locale.ROOT, "%.0f ms", s * 1000);
    }

    /** Least-squares slope of log(t) over log(N): t ∝ N^b. */
    static double exponent(List<Integer> ns, List<Double> ts) {
        int k = ns.size();
        double mx = 0, my = 0;
        for (int i = 0; i < k; i++) {
            mx += Math.log(ns.get(i));
            my += Math.log(ts.get(i));
        }
        mx /= k;
        my /= k;
        double num = 0, den = 0;
        for (int i = 0; i < k; i++) {
            double dx = Math.log(ns.get(i)) - mx;
            num += dx * (Math.log(ts.get(i)) - my);
            den += dx * dx;
        }
        return num / den;
    }

    /** Least-squares t = a + b·N; returns {a, b}. */
    static double[] linear(List<Integer> ns, List<Double> ts) {
        int k = ns.size();
        double mx = 0, my = 0;
        for (int i = 0; i < k; i++) {
            mx += ns.get(i);
            my += ts.get(i);
        }
        mx /= k;
        my /= k;
        double num = 0, den = 0;
        for (int i = 0; i < k; i++) {
            num += (ns.get(i) - mx) * (ts.get(i) - my);
            den += (ns.get(i) - mx) * (ns.get(i) - mx);
        }
        double b = num / den;
        return new double[] {my - b * mx, b};
    }
}
