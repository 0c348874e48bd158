package corelab.results;

import corelab.results.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results as CSV tables for spreadsheets and notebooks: one row per configuration
 * (headline figures with their confidence intervals), per trial, and per interval.
 * Numbers are written under {@link Locale#ROOT}, so a decimal point is always a point.
 */
public final class ResultsCsv {
    public static final String CONFIGURATIONS = "configurations.csv";
    public static final String TRIALS = "trials.csv";
    public static final String INTERVALS = "intervals.csv";

    private static final String KEY = "id,mode,workload,load_model,concurrency,rate_per_s,threads,workers,cpu_iterations,"
            + "backend_delay_ms,cores_allowed";

    private ResultsCsv() {
    }

    public static String configurations(RunResult run) {
        StringBuilder out = new StringBuilder(KEY).append(",valid,invalid_reasons,trials,")
                .append(estimateHeader("throughput_per_s")).append(',')
                .append(estimateHeader("throughput_per_core_per_s")).append(',')
                .append(estimateHeader("requests_per_cpu_s")).append(',')
                .append(estimateHeader("p50_us")).append(',')
                .append(estimateHeader("p99_us")).append(',')
                .append(estimateHeader("p999_us")).append(',')
                .append(estimateHeader("server_rss_bytes")).append(',')
                .append(estimateHeader("server_cpu_us_per_request")).append(',')
                .append(estimateHeader("downstream_cpu_us_per_request")).append(',')
                .append(estimateHeader("generator_cpu_us_per_request")).append(',')
                .append(estimateHeader("server_pss_bytes")).append(",error_percent,refused_connections,")
                .append("fault,fault_at_s,fault_requests_failed,fault_throughput_before_per_s,fault_throughput_lowest_per_s,"
                        + "fault_outage_ms,fault_recovery_ms,fault_restarts,fault_restart_ms,"
                        + "counter,counter_requests,counter_highest_count,counter_repeated_counts\n");
        for (ConfigurationResult c : run.configurations()) {
            Summary s = c.summary();
            out.append(key(c)).append(',').append(c.verdict().valid()).append(',')
                    .append(text(String.join("; ", c.verdict().invalidReasons()))).append(',')
                    .append(c.trials().size()).append(',')
                    .append(estimate(s.throughputPerSecond())).append(',')
                    .append(estimate(s.throughputPerCore())).append(',')
                    .append(estimate(s.requestsPerCpuSecond())).append(',')
                    .append(estimate(s.p50Micros())).append(',')
                    .append(estimate(s.p99Micros())).append(',')
                    .append(estimate(s.p999Micros())).append(',')
                    .append(estimate(s.serverRssBytes())).append(',')
                    .append(buckets(s.resources())).append(',')
                    .append(number(s.errorPercent())).append(',')
                    .append(count(c.refusedConnections())).append(',')
                    .append(fault(c.fault())).append(',')
                    .append(c.configuration().counter() == null ? "" : c.configuration().counter())
                    .append(',').append(counterFigures(c.counterCheck())).append('\n');
        }
        return out.toString();
    }

    public static String trials(RunResult run) {
        StringBuilder out = new StringBuilder(KEY).append(",trial,seconds,completed,errors,throughput_per_s,"
                + "p50_us,p90_us,p99_us,p999_us,max_us,uncorrected_p99_us,server_cpu_s,requests_per_cpu_s,"
                + "server_rss_bytes_max,server_threads_max,server_refused_connections,generator_utilization,generator_cpu_us_per_request\n");
        for (ConfigurationResult c : run.configurations()) {
            for (TrialResult t : c.trials()) {
                Latency l = t.latency();
                List<String> row = new ArrayList<>(List.of(key(c), Integer.toString(t.index()), number(t.seconds()),
                        Long.toString(t.completed()), Long.toString(t.errors().total()), number(t.throughputPerSecond()),
                        number(l.p50Micros()), number(l.p90Micros()), number(l.p99Micros()), number(l.p999Micros()),
                        number(l.maxMicros()),
                        number(t.uncorrectedLatency() == null ? Double.NaN : t.uncorrectedLatency().p99Micros())));
                ServerUsage server = t.server();
                row.add(server == null ? "" : number(server.cpuSeconds()));
                row.add(server == null ? "" : number(server.requestsPerCpuSecond()));
                row.add(server == null ? "" : Long.toString(server.rssBytesMax()));
                row.add(server == null ? "" : Integer.toString(server.threadsMax()));
                row.add(server == null ? "" : count(server.refusedConnections()));
                row.add(number(t.generator().utilization()));
                row.add(number(t.generator().cpuMicrosPerRequest()));
                out.append(String.join(",", row)).append('\n');
            }
        }
        return out.toString();
    }

    public static String intervals(RunResult run) {
        StringBuilder out = new StringBuilder(KEY).append(",trial,start_s,seconds,completed,errors,throughput_per_s,"
                + "p50_us,p99_us,max_us,server_cpu_cores,server_rss_bytes,generator_utilization,start_epoch_ms\n");
        for (ConfigurationResult c : run.configurations()) {
            for (TrialResult t : c.trials()) {
                for (IntervalResult i : t.intervals()) {
                    out.append(String.join(",", key(c), Integer.toString(t.index()), number(i.startSeconds()),
                            number(i.seconds()), Long.toString(i.completed()), Long.toString(i.errors()),
                            number(i.throughputPerSecond()), number(i.p50Micros()), number(i.p99Micros()),
                            number(i.maxMicros()), number(i.serverCpuCores()), Long.toString(i.serverRssBytes()),
                            number(i.generatorUtilization()),
                            i.startEpochMillis() == null ? "" : Long.toString(i.startEpochMillis()))).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The three buckets' CPU per request and the server's PSS; empty cells where none were measured (a fault run). */
    private static String buckets(ResourceSummary r) {
        if (r == null) {
            return ",,,,,,,,,,,";
        }
        return String.join(",", estimate(r.serverCpuMicrosPerRequest()), estimate(r.downstreamCpuMicrosPerRequest()),
                estimate(r.generatorCpuMicrosPerRequest()), estimate(r.serverPssBytes()));
    }

    /** Empty cells for an ordinary run; an empty recovery for a fault run means it did not recover. */
    private static String fault(FaultResult f) {
        if (f == null) {
            return ",,,,,,,,";
        }
        return String.join(",", f.kind(), number(f.atSeconds()), Long.toString(f.requestsFailed()),
                number(f.throughputBeforePerSecond()), number(f.throughputLowestPerSecond()),
                Long.toString(f.outageMillis()), f.recoveryMillis() == null ? "" : f.recoveryMillis().toString(),
                Integer.toString(f.restarts()), f.restartMillis() == null ? "" : f.restartMillis().toString());
    }

    private static String counterFigures(CounterCheck check) {
        return check == null ? ",," : check.requests() + "," + check.highestCount() + "," + check.repeatedCounts();
    }

    private static String key(ConfigurationResult result) {
        Configuration c = result.configuration();
        return String.join(",", text(c.id()), c.mode(), c.workload(), c.loadModel(), Integer.toString(c.concurrency()),
                c.ratePerSecond() == null ? "" : number(c.ratePerSecond()), nullable(c.threads()), nullable(c.workers()),
                nullable(c.cpuIterations()), nullable(c.backendDelayMillis()), Integer.toString(c.coresAllowed()));
    }

    private static String estimateHeader(String name) {
        return name + "_mean," + name + "_ci95_low," + name + "_ci95_high";
    }

    private static String estimate(Estimate e) {
        return number(e.mean()) + "," + number(e.lower()) + "," + number(e.upper());
    }

    /** Empty for -1, a count nobody reported. */
    private static String count(long value) {
        return value < 0 ? "" : Long.toString(value);
    }

    private static String nullable(Integer value) {
        return value == null ? "" : value.toString();
    }

    /** Empty for NaN, so spreadsheets see a missing value rather than text. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String text(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
