package corelab.lab;

import corelab.harness.execute.BenchmarkRunner;
import corelab.harness.measure.RunFailure;
import corelab.modes.RunningServer;
import corelab.modes.options.Mode;
import corelab.modes.options.Vocabulary;
import corelab.modes.options.OptionException;
import corelab.modes.options.ServerOptions;
import corelab.modes.server.CrashEndpoints;
import corelab.reports.Report;
import corelab.results.ResultsFormatException;
import corelab.results.ResultsJson;
import corelab.workloads.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * corelab's command line, run as {@code ./mvnw -q compile exec:java -D...} from the
 * repository root. Options are {@code -D} properties; {@code -Dhelp=true} lists them all.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LabOptions options;
        try {
            options = LabOptions.fromSystemProperties();
        } catch (OptionException e) {
            System.err.println("corelab: " + e.getMessage());
            System.err.println("corelab: -Dhelp=true lists every option with its default.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(usage());
            return;
        }
        if (options.serve()) {
            serve(options);
            return;
        }
        if (options.compare() != null) {
            System.exit(options.compare().run(System.out, System.err));
            return;
        }
        if (options.report() != null) {
            System.exit(render(options.report()) ? 0 : 1);
            return;
        }
        BenchmarkRunner runner = new BenchmarkRunner(options.benchmark(), options.given(), System.out);
        try {
            runner.run();
            render(runner.resultsFolder());
        } catch (RunFailure e) {
            System.err.println("corelab: " + e.getMessage());
            if (Files.exists(runner.resultsFolder().resolve(ResultsJson.FILE_NAME))) {
                render(runner.resultsFolder()); // a report of what was measured, marked as failed
            }
            System.exit(1);
        }
    }

    /** Renders a results folder's report and the index beside it; false, with one message, if it cannot. */
    private static boolean render(Path resultsFolder) {
        try {
            Path report = Report.render(resultsFolder, MeasuredCpuRate.of(resultsFolder, Path.of(""), System.err));
            System.out.println("corelab: report: " + report.toAbsolutePath());
            System.out.println("corelab: all runs: " + report.toAbsolutePath().getParent().resolveSibling("index.html"));
            return true;
        } catch (ResultsFormatException | IOException e) {
            System.err.println("corelab: cannot render a report: " + e.getMessage());
            return false;
        }
    }

    /** {@code -Dserve=true}: one server in the foreground until Ctrl-C, with a curl line to try it. */
    private static void serve(LabOptions options) {
        ServerOptions server = options.server();
        RunningServer running;
        try {
            running = RunningServer.start(server, 0, System.out);
        } catch (IOException e) {
            System.err.println("corelab: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            System.out.println("corelab: stopped");
            stopped.countDown();
        }, "corelab-shutdown"));
        String base = "http://" + running.readyLine().host() + ":" + running.readyLine().port();
        System.out.println(running.readyLine().format());
        System.out.println("corelab: serving mode " + server.mode().word() + " (" + server.mode().description() + ")");
        System.out.println("corelab: try it:  curl " + base + "/hello   (the workloads: " + Workload.paths()
                + "; and /info); Ctrl-C stops it");
        running.readyLine().crashSecret().ifPresent(secret -> System.out.println("corelab: crash endpoints on, with"
                + " this run's secret:  curl '" + base + CrashEndpoints.target(CrashEndpoints.THROW_PATH, secret)
                + "'   (or " + CrashEndpoints.EXIT_PATH + ")"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String usage() {
        StringBuilder out = new StringBuilder();
        out.append("corelab: how one server uses many cores.\n\n")
                .append("usage: ./mvnw -q compile exec:java [-Dname=value ...]\n\n")
                .append("modes (-Dmode=all measures ").append(Mode.defaultRun().stream().map(Mode::word)
                        .collect(java.util.stream.Collectors.joining(", "))).append("):\n").append(Vocabulary.modeLines())
                .append("\nbalancing a cluster's connections (-Dbalance=):\n").append(Vocabulary.balanceLines());
        out.append("\noptions (with their defaults):\n").append(LabOptions.OPTIONS.help());
        return out.toString();
    }
}
