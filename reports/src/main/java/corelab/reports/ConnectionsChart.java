package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.ConnectionResult;
import corelab.results.TrialResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * The connections one by one: each one's longest silence (the longest it waited with a request out and
 * no answer) and its share of the answers against the fair share. Throughput and percentiles average
 * over connections; a scheduler that serves one connection request after request while others wait
 * shows here as a few connections silent for a long time and a few with many times their share.
 */
final class ConnectionsChart {
    static final String HEADING = "Connections: who was served";

    private ConnectionsChart() {
    }

    /** One configuration's connections, ranked, each rank's figure the mean over the trials. */
    private record Ranked(ConfigurationResult configuration, double[] silencesMillis, double[] sharesOfFair) {
    }

    static Section section(RunView view) {
        List<Figure> figures = new ArrayList<>();
        for (String workload : view.workloads()) {
            RunView.Slice slice = view.headline(workload);
            List<Ranked> ranked = slice.configurations().stream().map(ConnectionsChart::ranked)
                    .filter(r -> r != null).toList();
            if (!ranked.isEmpty()) {
                figures.add(figure(view, slice, ranked));
            }
        }
        if (figures.isEmpty()) {
            return Section.absent(HEADING, "No trial of this run recorded its connections one by one (a tool drove"
                    + " the load, or the results were written before corelab recorded them).");
        }
        return new Section(HEADING, figures, List.of());
    }

    /**
     * Each trial's connections sorted (silences longest first, shares smallest first), then the mean at
     * each rank over the trials; null when no trial recorded its connections.
     */
    private static Ranked ranked(ConfigurationResult c) {
        List<double[]> silences = new ArrayList<>();
        List<double[]> shares = new ArrayList<>();
        for (TrialResult t : c.trials()) {
            List<ConnectionResult> connections = t.connections();
            long answers = connections == null ? 0 : connections.stream().mapToLong(ConnectionResult::answers).sum();
            if (connections == null || connections.isEmpty() || answers == 0) {
                continue;
            }
            double[] silence = connections.stream().mapToDouble(ConnectionResult::longestSilenceMillis).sorted().toArray();
            reverse(silence);
            silences.add(silence);
            shares.add(connections.stream().mapToDouble(k -> (double) k.answers() * connections.size() / answers)
                    .sorted().toArray());
        }
        return silences.isEmpty() ? null : new Ranked(c, meanByRank(silences), meanByRank(shares));
    }

    private static Figure figure(RunView view, RunView.Slice slice, List<Ranked> ranked) {
        String title = "Connections: " + slice.workload() + " (" + slice.describe() + ")";
        int width = Charts.WIDE_WIDTH / 2;
        XYChart silence = Charts.xy("longest silence of each connection", "connection, longest silence first",
                "longest silence (ms)", width, Charts.WIDE_HEIGHT);
        XYChart share = Charts.xy("answers against the fair share (1 = answers / connections)",
                "connection, fewest answers first", "share of answers / fair share", width, Charts.WIDE_HEIGHT);
        List<String> sentences = new ArrayList<>();
        int most = 0;
        for (Ranked r : ranked) {
            ConfigurationResult c = r.configuration();
            double[] x = new double[r.silencesMillis().length];
            Arrays.setAll(x, i -> i + 1);
            Charts.trace(silence, view.seriesName(c), x, r.silencesMillis(), view.color(c), c.verdict().valid());
            Charts.trace(share, view.seriesName(c), x, r.sharesOfFair(), view.color(c), c.verdict().valid());
            most = Math.max(most, x.length);
            double[] s = r.sharesOfFair();
            sentences.add(view.seriesName(c) + ": longest silence " + Numbers.compact(r.silencesMillis()[0])
                    + " ms, median connection's " + Numbers.compact(r.silencesMillis()[x.length / 2])
                    + " ms; shares from " + Numbers.fixed(s[0], 2) + " to " + Numbers.fixed(s[s.length - 1], 2)
                    + " times the fair share");
        }
        Charts.reference(share, "fair share", new double[] {1, Math.max(2, most)}, new double[] {1, 1}, Palette.LIMIT);
        silence.getStyler().setYAxisMin(0.0);
        share.getStyler().setYAxisMin(0.0);
        String caption = "Each connection of the load generator on its own, connections ranked on the x axis and each"
                + " rank's figure the mean over the trials. Left: its longest silence, the longest it waited with a"
                + " request out and no answer (from the trial's start to its first answer, between two answers, or from"
                + " its last answer to the trial's end). Right: how many answers it got, divided by the fair share"
                + " (all answers / connections), so 1 is fair. Look for: a few connections silent for far longer than"
                + " the median one while others got several times their share: the server served some connections"
                + " again and again while others waited, which the throughput and the median hide and the p99 and"
                + " the maximum show. From the means: " + String.join("; ", sentences) + ".";
        return new Figure(title, caption, Charts.png(List.of(silence, share), 2));
    }

    private static double[] meanByRank(List<double[]> trials) {
        int ranks = trials.stream().mapToInt(a -> a.length).min().orElse(0);
        double[] mean = new double[ranks];
        for (double[] trial : trials) {
            for (int i = 0; i < ranks; i++) {
                mean[i] += trial[i] / trials.size();
            }
        }
        return mean;
    }

    private static void reverse(double[] values) {
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
