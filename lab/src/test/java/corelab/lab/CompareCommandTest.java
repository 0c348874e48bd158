package corelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.OptionException;
import corelab.results.ResultsJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final Path GOLDEN = Path.of("../results-model/src/test/resources/corelab/results/golden-results.json");

    @TempDir
    Path results;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void twoRunsAreTheOptionWithTheMarginAndTheResultsDirectoryOnly() {
        CompareCommand command = LabOptions.parse(props("compare", "a, results/b", "equivalencePercent", "2",
                "resultsDir", "elsewhere")).compare();
        assertEquals(new CompareCommand("a", "results/b", 2.0, Path.of("elsewhere")), command);
        assertEquals(5.0, LabOptions.parse(props("compare", "a,b")).compare().equivalencePercent(), "the run's default");
        OptionException one = assertThrows(OptionException.class, () -> LabOptions.parse(props("compare", "a")));
        assertTrue(one.getMessage().startsWith("-Dcompare= takes two runs"), one.getMessage());
        OptionException other = assertThrows(OptionException.class,
                () -> LabOptions.parse(props("compare", "a,b", "mode", "single")));
        assertTrue(other.getMessage().endsWith("got mode"), other.getMessage());
    }

    @Test
    void aSavedRunComparedWithItselfPrintsItsSummaryAndWhereThePageIs() throws Exception {
        Path run = Files.createDirectories(results.resolve("20261121-120000"));
        Files.copy(GOLDEN, run.resolve(ResultsJson.FILE_NAME));
        assertEquals(0, command("20261121-120000", run.toString()).run(print(out), print(err)), text(err));
        String printed = text(out);
        assertTrue(printed.contains("3 configuration(s) compared: 3 practically the same; 1 not compared"), printed);
        assertTrue(printed.contains("corelab: comparison: " + results.toAbsolutePath().resolve(
                "compare-20261121-120000-vs-20261121-120000").resolve("compare.html")), printed);
    }

    @Test
    void aMissingOrDamagedRunIsOneMessageAndExitCodeOne() throws Exception {
        Path damaged = Files.createDirectories(results.resolve("20261120-080000"));
        Files.writeString(damaged.resolve(ResultsJson.FILE_NAME), "{ \"schemaVersion\": 3, \"runId\": ");
        Path good = Files.createDirectories(results.resolve("20261121-120000"));
        Files.copy(GOLDEN, good.resolve(ResultsJson.FILE_NAME));

        assertEquals(1, command("20261121-120000", "20261120-080000").run(print(out), print(err)));
        assertTrue(text(err).startsWith("corelab: cannot compare: ") && text(err).contains("is damaged"), text(err));
        assertEquals(1, text(err).lines().count(), "one message");

        err.reset();
        assertEquals(1, command("20261121-120000", "nope").run(print(out), print(err)));
        assertTrue(text(err).startsWith("corelab: cannot compare: no run 'nope'"), text(err));
        assertEquals("", text(out));
    }

    private CompareCommand command(String baseline, String other) {
        return new CompareCommand(baseline, other, 5.0, results);
    }

    private static Properties props(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
