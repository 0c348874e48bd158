package corelab.results;

import java.util.List;

/**
 * One connection of corelab's load generator in one trial: how many correct answers it got and its
 * longest silence, the longest it waited with a request out and no answer (from the trial's start to
 * its first answer, between two answers, or from its last answer to the trial's end). Throughput and
 * percentiles average over connections; this shows whether a few of them waited while the others
 * were served.
 *
 * @param connection           the connection's number in the generator, from 0
 * @param answers              correct answers in the trial
 * @param longestSilenceMillis its longest silence in the trial, ms
 */
public record ConnectionResult(int connection, long answers, double longestSilenceMillis) {
    public ConnectionResult {
        if (connection < 0 || answers < 0 || !(longestSilenceMillis >= 0)) {
            throw new IllegalArgumentException("a connection's number, answers and silence are >= 0, were "
                    + connection + ", " + answers + ", " + longestSilenceMillis);
        }
    }

    /** The longest silence of any connection, ms; NaN for none. */
    public static double longestSilenceMillis(List<ConnectionResult> connections) {
        return connections.stream().mapToDouble(ConnectionResult::longestSilenceMillis).max().orElse(Double.NaN);
    }
}
