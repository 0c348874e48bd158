package corelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.OptionException;
import corelab.reports.Report;
import corelab.reports.ReportChart;
import corelab.results.ResultsJson;
import corelab.results.RunResult;
import corelab.testkit.Eventually;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebooks' API, in this JVM as a kernel runs it: a tiny real run comes back with its
 * results, its report and its charts as images, and bad options stop it before anything starts.
 */
@Tag("slow")
class LabsTest {
    @TempDir
    static Path results;
    static LabRun run;
    static String console;

    @BeforeAll
    static void aTinyRun() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run = Labs.run(Labs.parse("-Dmode=single,platform", "workload=hello,cpu", "-Dconcurrency=4",
                        "-DcpuIterations=2000"), "tiny", results.toString(), Labs.projectRoot(Path.of("").toAbsolutePath()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        console = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRunIsSavedReportedAndCutShortByTheVariable() throws Exception {
        assertEquals(RunResult.Status.COMPLETE, run.result().status());
        assertEquals(4, run.result().configurations().size());
        assertEquals(results.toAbsolutePath().normalize(), run.resultsFolder().getParent());
        assertEquals(run.result().runId(), ResultsJson.read(run.resultsFolder()).runId());
        assertTrue(Files.isRegularFile(run.report()));
        assertEquals(run.resultsFolder().resolve(Report.FILE_NAME), run.report());
        run.result().configurations().forEach(c -> assertEquals(3, c.trials().size(), c.configuration().id()));
        assertTrue(console.contains("CORELAB_LAB_DURATIONS=tiny"), console);
        assertTrue(console.contains("corelab: report: " + run.report()), console);
    }

    @Test
    void theCommandIsTheLabsOwnLineWithoutCisCuts() {
        String line = "./mvnw -q compile exec:java -Dmode=single,platform -Dworkload=hello,cpu -Dconcurrency=4"
                + " -DcpuIterations=2000";
        assertEquals(line, run.command());
        assertTrue(console.contains("  " + line + "\n"), console);
        // The results record what really ran, cuts included, for their provenance.
        assertTrue(run.result().provenance().command().contains("-Dtrials=3"), run.result().provenance().command());
    }

    @Test
    void chartsComeBackAsImagesBySection() throws Exception {
        assertEquals(Report.charts(run.resultsFolder(), java.util.Optional.empty()).size(), run.charts().size());
        assertTrue(run.sections().containsAll(List.of("Throughput by mode", "Latency percentile spectrum",
                "Throughput per core")), run.sections().toString());
        BufferedImage throughput = run.chart("Throughput by mode");
        assertTrue(throughput.getWidth() > 200 && throughput.getHeight() > 200);
        // One spectrum per workload: both, one below the other, in one image.
        List<ReportChart> spectra = run.charts().stream()
                .filter(c -> c.section().equals("Latency percentile spectrum")).toList();
        assertEquals(2, spectra.size());
        BufferedImage first = ImageIO.read(new ByteArrayInputStream(spectra.get(0).png()));
        BufferedImage both = run.chart("Latency percentile spectrum");
        assertEquals(first.getWidth(), both.getWidth());
        assertTrue(both.getHeight() > 2 * first.getHeight(), both.getHeight() + " for two of " + first.getHeight());
        assertTrue(run.caption("Throughput by mode").contains("Look for"), run.caption("Throughput by mode"));
        assertFalse(run.findings().isBlank());
        assertTrue(run.invalid().startsWith("every configuration") || run.invalid().contains("INVALID"));
    }

    @Test
    void aSectionTheRunDoesNotHaveIsRefusedWithWhatItHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run.chart("Fairness: requests per cluster worker"));
        assertTrue(e.getMessage().contains("it has: Throughput by mode"), e.getMessage());
    }

    @Test
    void badOptionsStopBeforeAnythingStarts(@TempDir Path nothing) throws Exception {
        Path root = Labs.projectRoot(Path.of("").toAbsolutePath());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        OptionException unknown = assertThrows(OptionException.class,
                () -> Labs.run(Map.of("mdoe", "single"), null, nothing.toString(), root, quiet));
        assertTrue(unknown.getMessage().contains("unknown option 'mdoe'"), unknown.getMessage());
        assertThrows(OptionException.class, () -> Labs.run(Map.of("serve", "true"), null, nothing.toString(), root, quiet));
        assertThrows(OptionException.class, () -> Labs.run(Map.of("mode", "single"), "short", nothing.toString(), root, quiet));
        assertThrows(OptionException.class, () -> Labs.parse("-Dmode"));
        assertThrows(OptionException.class, () -> Labs.parse("-Dmode=single", "mode=cluster"));
        try (var files = Files.list(nothing)) {
            assertEquals(0, files.count(), "nothing was started, nothing saved");
        }
    }

    /** Jupyter's stop button interrupts the thread that runs the cell: what was measured is saved, marked, reported. */
    @Test
    void anInterruptedRunSavesWhatItMeasuredAndSaysSo(@TempDir Path dir) throws Exception {
        Path root = Labs.projectRoot(Path.of("").toAbsolutePath());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                Labs.run(Labs.parse("-Dmode=single,platform", "-Dworkload=hello", "-Dconcurrency=2,4,8"), "tiny",
                        dir.toString(), root, console);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        cell.start();
        // Trials run in rounds, one of every configuration each: interrupted in the second round,
        // every configuration has its first trial and none has all three.
        String secondRound = "(round 2 of 3)";
        Eventually.assertWithin(Duration.ofSeconds(120),
                () -> out.toString(StandardCharsets.UTF_8).contains(secondRound) || !cell.isAlive(),
                () -> out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(secondRound), out.toString(StandardCharsets.UTF_8));
        cell.interrupt();
        cell.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(cell.isAlive());
        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        assertTrue(thrown.get().getMessage().contains("interrupted; what was measured is saved"), thrown.get().getMessage());
        Path folder;
        try (var folders = Files.list(dir)) {
            folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        RunResult saved = ResultsJson.read(folder);
        assertEquals(RunResult.Status.INTERRUPTED, saved.status());
        assertEquals(6, saved.configurations().size(), "every configuration has its first round's trial");
        for (var configuration : saved.configurations()) {
            int trials = configuration.trials().size();
            assertTrue(trials >= 1 && trials < 3, configuration.configuration().id() + ": " + trials + " trials");
        }
        assertTrue(thrown.get().getMessage().contains("report of what was measured: " + folder.resolve(Report.FILE_NAME)),
                thrown.get().getMessage());
    }

    @Test
    void theProjectRootIsFoundFromAnyFolderInsideIt(@TempDir Path outside) {
        Path root = Labs.projectRoot(Path.of("").toAbsolutePath());
        assertTrue(Files.isRegularFile(root.resolve(".mvn/corelab-jdk.sh")));
        assertEquals(root, Labs.projectRoot(root.resolve("notebooks")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Labs.projectRoot(outside));
        assertTrue(e.getMessage().contains("from its notebooks/ folder"), e.getMessage());
    }
}
