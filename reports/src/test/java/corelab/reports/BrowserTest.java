package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.results.ResultsFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: headless Chromium (Debian's {@code chromium}) opens it from
 * disk, every image must load, the console must stay free of errors, and a screenshot must
 * show a page, not a blank. Without Chromium the test is skipped, unless
 * {@code CORELAB_REQUIRE_BROWSER=true} (as CI sets it), when a missing browser fails it.
 */
@Tag("slow")
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long BROWSER_TIMEOUT_SECONDS = 120;

    @Test
    void theReportOpensFromDiskWithEveryImageLoadedAndNoConsoleError(@TempDir Path results) throws Exception {
        boolean required = "true".equals(System.getenv("CORELAB_REQUIRE_BROWSER"));
        if (required) {
            assertTrue(Files.isExecutable(CHROMIUM), "CORELAB_REQUIRE_BROWSER is set but " + CHROMIUM
                    + " is missing: apt-get install chromium");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");

        Path folder = results.resolve("run");
        new ResultsFolder(folder).save(Fixtures.closedRun());
        Path report = Report.render(folder);
        String html = Files.readString(report);
        int images = count(html, "<img ");
        assertTrue(images > 5, "the report should have charts: " + images);

        // A checker page loads the report in a frame and writes down how each image fared.
        Path checker = folder.resolve("check.html");
        Files.writeString(checker, """
                <!doctype html><html><body><div id="result">pending</div>
                <iframe id="r" src="report.html" style="width:1280px;height:800px"></iframe>
                <script>
                document.getElementById('r').addEventListener('load', () => {
                  const imgs = [...document.getElementById('r').contentDocument.images];
                  const broken = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).length;
                  document.getElementById('result').textContent = 'images=' + imgs.length + ' broken=' + broken;
                });
                </script></body></html>
                """);
        Browser checked = chromium(folder, List.of("--allow-file-access-from-files", "--dump-dom",
                checker.toUri().toString()));
        assertTrue(checked.output().contains("images=" + images + " broken=0"),
                "in the browser: " + between(checked.output(), "<div id=\"result\">", "</div>"));

        Browser opened = chromium(folder, List.of("--screenshot=" + folder.resolve("shot.png"), "--window-size=1280,1600",
                report.toUri().toString()));
        // Chromium logs every console message as ":CONSOLE"; the report has no script, so any is an error.
        List<String> consoleMessages = opened.log().lines().filter(line -> line.contains(":CONSOLE")).toList();
        assertEquals(List.of(), consoleMessages, "console messages while opening the report");
        BufferedImage shot = ImageIO.read(folder.resolve("shot.png").toFile());
        assertTrue(colours(shot) > 50, "the screenshot looks blank: " + colours(shot) + " colours");
    }

    private record Browser(String output, String log) {
    }

    private static Browser chromium(Path folder, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + Files.createTempDirectory(folder, "profile"),
                "--virtual-time-budget=5000", "--run-all-compositor-stages-before-draw"));
        command.addAll(arguments);
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within " + BROWSER_TIMEOUT_SECONDS + " s");
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        return new Browser(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static int count(String text, String fragment) {
        int count = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
            count++;
        }
        return count;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        return from < 0 || to < 0 ? text.substring(0, Math.min(400, text.length())) : text.substring(from, to + end.length());
    }
}
