package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.ResultsFolder;
import corelab.results.RunResult;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run with fault runs renders their time series and figures, and keeps them out of the rankings. */
@Tag("slow")
class FaultReportTest {
    private static final Pattern IMAGE = Pattern.compile("<img alt=\"([^\"]*)\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");

    private static String render(Path results, RunResult run) throws Exception {
        Path folder = results.resolve(run.runId());
        new ResultsFolder(folder).save(run);
        return Files.readString(Report.render(folder));
    }

    @Test
    void aFaultRunHasItsChartFiguresAndNoConfidenceInterval(@TempDir Path results) throws Exception {
        String html = render(results, Fixtures.faultRun(true));
        assertTrue(html.contains("<h2 id=\"faults-under-load\">Faults under load</h2>"), "the section");
        assertTrue(html.contains("<strong>cluster kill-worker on cpu: kill-worker at 3.0 s.</strong>"), html);
        assertTrue(html.contains("<strong>single kill-server on cpu: kill-server at 3.0 s.</strong>"));
        assertTrue(html.contains("killing worker 1 of 2 (SIGKILL at 3.0 s) failed"), "the figures, in words");
        assertTrue(html.contains("killing the server (SIGKILL at 3.0 s) failed"));
        assertTrue(html.contains("nothing was answered for 1.2 s"), "the single server's outage");
        assertTrue(html.contains("1 restart by the supervisor (ready 400 ms after the kill)"));
        assertTrue(html.contains("1 worker restart (ready 600 ms after the kill)"));
        assertTrue(html.contains("One run, one observation: no confidence interval"), "said in the summary");
        assertTrue(html.contains("A fault run is one observation of one event"), "said in the section");
        assertFalse(html.contains("could not be drawn"));
        int faultImages = 0;
        Matcher images = IMAGE.matcher(html);
        while (images.find()) {
            assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(2)))));
            if (images.group(1).contains(" at 3.0 s")) {
                faultImages++;
            }
        }
        assertEquals(2, faultImages, "one time series per fault run");
        // The ranking of cpu names the two ordinary runs only.
        String summary = html.substring(html.indexOf("<h2 id=\"summary\">"), html.indexOf("</ul>", html.indexOf("<h2 id=\"summary\">")));
        assertTrue(summary.contains("On cpu (closed c64, 2 cores, 250000 iterations), throughput: cluster"), summary);
        assertFalse(summary.contains("throughput: cluster kill-worker"), summary);
    }

    @Test
    void aRunOfFaultsAloneRendersOnlyTheirSection(@TempDir Path results) throws Exception {
        String html = render(results, Fixtures.faultRun(false));
        assertTrue(html.contains("Faults under load"));
        assertFalse(html.contains("could not be drawn"), "no comparison chart tries to draw nothing");
        assertFalse(html.contains("Second by second"));
        assertEquals(2, html.split("<figure>", -1).length - 1);
    }
}
