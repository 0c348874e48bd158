package corelab.reports;

import corelab.results.Configuration;
import corelab.results.ConfigurationResult;
import corelab.results.Provenance;
import corelab.results.RunResult;
import corelab.results.RunSchedule;
import corelab.results.TrialResult;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The top of the report: the run's status, and what was run, on what, with which code. */
final class HeaderWriter {
    private HeaderWriter() {
    }

    static void write(StringBuilder html, RunView view) {
        RunResult run = view.run();
        if (run.status() != RunResult.Status.COMPLETE) {
            html.append("<div class=\"banner\"><strong>This run is ").append(Html.text(run.status().name()))
                    .append(":</strong> ").append(Html.text(statusMeaning(run.status())));
            if (run.failure() != null && !run.failure().isBlank()) {
                html.append(" Reason given: ").append(Html.text(run.failure())).append('.');
            }
            html.append(" The figures below cover only the ").append(run.configurations().size())
                    .append(" configuration(s) that finished.</div>\n");
        }
        html.append("<h2 id=\"what-was-run\">What was run</h2>\n<table class=\"facts\">\n");
        for (Map.Entry<String, String> row : facts(view).entrySet()) {
            html.append("<tr><th>").append(Html.text(row.getKey())).append("</th><td>").append(Html.text(row.getValue()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<details><summary>Every option of the run</summary>\n<table class=\"facts\">\n");
        run.options().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> html.append("<tr><th>")
                .append(Html.text(e.getKey())).append("</th><td>").append(Html.text(e.getValue())).append("</td></tr>\n"));
        html.append("</table>\n</details>\n");
    }

    /** What each confidence interval covers follows from how the trials were ordered: said, not assumed. */
    static String order(RunResult run) {
        RunSchedule schedule = run.schedule();
        if (schedule == null) {
            return "each configuration's trials back to back in one server process (an older file): the intervals"
                    + " cover neither the machine's drift between configurations nor server starts";
        }
        DoubleSummaryStatistics idle = run.configurations().stream().flatMap(c -> c.trials().stream())
                .mapToDouble(TrialResult::otherServersCpuCores).filter(Double::isFinite).summaryStatistics();
        return schedule.rounds().size() + " rounds, one trial of every configuration each, shuffled per round (seed "
                + schedule.seed() + "); " + schedule.forks() + " server start(s), each with a full warmup; "
                + schedule.rewarmSeconds() + " s of unrecorded load before each trial"
                + (idle.getCount() == 0 ? "" : "; the idle servers used " + Numbers.compact(idle.getAverage())
                + " cores on average during another's trial (at most " + Numbers.compact(idle.getMax()) + ")");
    }

    private static Map<String, String> facts(RunView view) {
        RunResult run = view.run();
        Provenance p = run.provenance();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("status", run.status().name() + (run.status() == RunResult.Status.COMPLETE ? "" : " (incomplete)"));
        facts.put("modes", String.join(", ", view.modes()));
        facts.put("workloads", String.join(", ", view.allWorkloads()));
        facts.put("load model", loadModel(view.configurations()));
        facts.put("cores allowed", distinct(view.configurations(), c -> Integer.toString(c.coresAllowed())));
        String threads = distinct(view.configurations(), c -> c.threads() == null ? null : c.threads().toString());
        if (!threads.isEmpty()) {
            facts.put("platform threads", threads);
        }
        String workers = distinct(view.configurations(), c -> c.workers() == null ? null : c.workers().toString());
        if (!workers.isEmpty()) {
            facts.put("cluster workers", workers);
        }
        String iterations = distinct(view.configurations(),
                c -> RunView.usesCpu(c) ? c.cpuIterations().toString() : null);
        if (!iterations.isEmpty()) {
            facts.put("cpu iterations per request", iterations);
        }
        String delays = distinct(view.configurations(), c -> c.workload().equals("io") || c.workload().equals("mixed")
                ? c.backendDelayMillis() + " ms" : null);
        if (!delays.isEmpty()) {
            facts.put("io backend delay", delays);
        }
        facts.put("trials", trials(run.options()));
        facts.put("order of trials", order(run));
        facts.put("configurations", run.configurations().size() + " ("
                + run.configurations().stream().filter(c -> !c.verdict().valid()).count() + " invalid)");
        facts.put("JDK", p.javaVersion() + " (" + p.javaVendor() + ", " + p.jvmName() + ")");
        facts.put("server JVM flags", p.serverJvmFlags().isEmpty() ? "none" : String.join(" ", p.serverJvmFlags()));
        facts.put("machine", p.os() + " " + p.osVersion() + " " + p.arch() + ", " + p.cores() + " cores, " + p.cpuModel());
        facts.put("CPUs of the load generator and the server", p.pinning() == null
                ? "not recorded (written before pinning was): shared" : p.pinning().note());
        facts.put("git commit", p.gitCommit() == null ? "unknown" : p.gitCommit());
        facts.put("corelab version", p.corelabVersion());
        facts.put("run", run.runId() + ", from " + run.startedAt() + " to " + run.endedAt());
        facts.put("command", p.command());
        return facts;
    }

    private static String loadModel(List<ConfigurationResult> configurations) {
        String models = distinct(configurations, Configuration::loadModel);
        String concurrency = distinct(configurations, c -> Integer.toString(c.concurrency()));
        String rates = distinct(configurations, c -> c.ratePerSecond() == null ? null : Numbers.compact(c.ratePerSecond()));
        return models + ", concurrency " + concurrency + (rates.isEmpty() ? "" : ", rate " + rates + " requests/s");
    }

    private static String trials(Map<String, String> options) {
        return options.getOrDefault("trials", "?") + " trials of " + options.getOrDefault("trialSeconds", "?")
                + " s per configuration, after " + options.getOrDefault("warmupSeconds", "?") + " s of warm-up";
    }

    /** The distinct values in the order measured, or in ascending order when they are all numbers. */
    private static String distinct(List<ConfigurationResult> configurations, Function<Configuration, String> field) {
        Set<String> values = new LinkedHashSet<>();
        configurations.stream().map(ConfigurationResult::configuration).map(field).filter(v -> v != null)
                .forEach(values::add);
        boolean numbers = values.stream().allMatch(v -> v.matches("[0-9]+(\\.[0-9]+)?"));
        return values.stream().sorted(numbers ? Comparator.comparingDouble(Double::parseDouble) : (a, b) -> 0)
                .collect(Collectors.joining(", "));
    }

    static String statusMeaning(RunResult.Status status) {
        return switch (status) {
            case COMPLETE -> "every configuration was measured.";
            case RUNNING -> "it was saved part-way while still going (or its process died before it could say how it"
                    + " ended).";
            case INTERRUPTED -> "it was stopped (Ctrl-C or a signal) before every configuration was measured.";
            case FAILED -> "it stopped on an error before every configuration was measured.";
        };
    }
}
