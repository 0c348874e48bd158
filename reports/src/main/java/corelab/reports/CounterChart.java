package corelab.reports;

import corelab.results.Comparisons;
import corelab.results.ConfigurationResult;
import corelab.results.CounterCheck;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * Shared state: for the {@code counter} workload, the requests each server counted and
 * answered beside the highest count any answer carried. Threads of one process share one
 * count, so the two bars are equal; a cluster's workers are processes that each keep their
 * own (counter=local), so the highest count falls to about requests / workers. Counting in
 * the primary or in Redis makes the bars equal again, and the throughput chart shows what
 * that costs.
 */
final class CounterChart {
    static final String TITLE = "Shared state: requests made against the highest count";
    private static final Color REQUESTS = new Color(0x99, 0x99, 0x99);
    private static final Color HIGHEST = new Color(0xD5, 0x5E, 0x00);

    private CounterChart() {
    }

    static Section section(RunView view) {
        List<ConfigurationResult> counted = view.configurations().stream().filter(c -> c.counterCheck() != null).toList();
        if (counted.isEmpty()) {
            return Section.absent(TITLE, "The counter workload was not measured in this run (-Dworkload=counter"
                    + " -Dcounter=local,primary,redis measures it), so there is no shared state to show.");
        }
        List<String> names = new ArrayList<>();
        List<Double> requests = new ArrayList<>();
        List<Double> highest = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        for (ConfigurationResult c : counted) {
            CounterCheck check = c.counterCheck();
            names.add(view.seriesName(c) + (counted.stream().map(Comparisons::load).distinct().count() > 1
                    ? " " + Comparisons.load(c) : ""));
            requests.add((double) check.requests());
            highest.add((double) check.highestCount());
            figures.add(describe(view, c, check));
        }
        CategoryChart chart = new CategoryChartBuilder().width(Charts.PANEL_WIDTH * 2).height(Charts.PANEL_HEIGHT + 60)
                .title(TITLE).xAxisTitle("").yAxisTitle("requests").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setXAxisTitleVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        if (names.stream().mapToInt(String::length).sum() * 9 > Charts.PANEL_WIDTH * 2 - 80) {
            chart.getStyler().setXAxisLabelRotation(Charts.LABEL_ROTATION_DEGREES);
        }
        CategorySeries made = chart.addSeries("requests answered", names, requests);
        made.setFillColor(REQUESTS);
        CategorySeries counts = chart.addSeries("highest count", names, highest);
        counts.setFillColor(HIGHEST);
        String caption = "For the counter workload, over each server's whole life (the check before the load, the"
                + " warmup and every trial): the requests it counted and answered (grey) and the highest count any"
                + " answer carried. Look for: bars of unequal height. A count shared correctly hands out 1, 2, 3, ..."
                + " once each, so the bars are equal; a cluster whose workers count locally answers about"
                + " requests / workers, and the same counts twice. Counting in the primary (messages) or in Redis"
                + " (a socket) fixes it; the throughput chart shows the price. " + String.join("; ", figures) + ".";
        return new Section(TITLE, List.of(new Figure(TITLE, caption, Charts.png(chart))), List.of());
    }

    private static String describe(RunView view, ConfigurationResult c, CounterCheck check) {
        String throughput = c.summary().throughputPerSecond().format("req/s");
        if (check.exact()) {
            return view.label(c) + ": exact, " + check.requests() + " requests counted once each, at " + throughput;
        }
        return view.label(c) + ": highest count " + check.highestCount() + " after " + check.requests() + " requests ("
                + Numbers.percent(100 * check.countedShare()) + "), " + check.repeatedCounts()
                + " counts handed out twice or more, at " + throughput;
    }
}
