package corelab.reports;

import corelab.results.Configuration;
import corelab.results.ConfigurationResult;
import corelab.results.ResultsFormatException;
import corelab.results.RunResult;
import corelab.results.Summary;
import corelab.results.TrialResult;
import java.util.stream.Stream;

/**
 * What a report needs from results.json beyond what the records check themselves. A field that
 * is absent from the file reads back as null; the report says which one, instead of failing
 * half-way through a chart with a NullPointerException.
 */
final class ResultsCheck {
    private ResultsCheck() {
    }

    static void check(RunResult run, String source) throws ResultsFormatException {
        for (ConfigurationResult c : run.configurations()) {
            Configuration configured = c.configuration();
            if (configured.mode() == null || configured.workload() == null || configured.loadModel() == null) {
                throw damaged(source, "configuration " + configured.id() + " has no mode, workload or load model");
            }
            Summary s = c.summary();
            if (s == null || Stream.of(s.throughputPerSecond(), s.throughputPerCore(), s.requestsPerCpuSecond(),
                    s.p50Micros(), s.p99Micros(), s.p999Micros(), s.uncorrectedP99Micros(), s.serverCpuCores(),
                    s.serverRssBytes(), s.generatorUtilization()).anyMatch(e -> e == null)) {
                throw damaged(source, "configuration " + configured.id() + " has no summary, or an incomplete one");
            }
            for (TrialResult t : c.trials()) {
                if (t.errors() == null || t.latency() == null || t.generator() == null) {
                    throw damaged(source, "trial " + t.index() + " of " + configured.id()
                            + " lacks its errors, latency or generator figures");
                }
            }
        }
        for (var comparison : run.comparisons()) {
            if (comparison.comparison() == null || comparison.sentence() == null) {
                throw damaged(source, "a comparison on " + comparison.workload() + " has no figures");
            }
        }
    }

    static ResultsFormatException damaged(String source, String what) {
        return new ResultsFormatException(source + " is damaged: " + what, null);
    }
}
