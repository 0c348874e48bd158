package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.ResultsFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter lab's report: divergence and exact counts side by side, with the throughput each fix keeps. */
class CounterChartTest {
    @Test
    void theReportShowsRequestsAgainstTheHighestCountPerConfiguration(@TempDir Path results) throws Exception {
        Path folder = results.resolve("run");
        new ResultsFolder(folder).save(Fixtures.counterRun());
        String html = Files.readString(Report.render(folder));
        assertTrue(html.contains("<h2 id=\"" + Html.anchor(CounterChart.TITLE) + "\">"), "the section is there");
        assertTrue(html.contains("<img alt=\"" + Html.text(CounterChart.TITLE) + "\""), "with its chart");
        assertTrue(html.contains("cluster counter=local: highest count 63240 after 126001 requests (50"), html);
        assertTrue(html.contains("62761 counts handed out twice or more"), html);
        for (String exact : new String[] {"platform counter=local", "platform counter=redis", "cluster counter=primary",
                "cluster counter=redis"}) {
            assertTrue(html.contains(exact + ": exact"), exact);
        }
        // the series of the throughput chart tell the stores apart too
        assertEquals(5, RunViewLabels.distinct(Fixtures.counterRun()));
    }

    @Test
    void aRunWithoutTheCounterSaysWhyTheSectionIsEmpty(@TempDir Path results) throws Exception {
        Path folder = results.resolve("run");
        new ResultsFolder(folder).save(Fixtures.closedRun());
        String html = Files.readString(Report.render(folder));
        assertTrue(html.contains("The counter workload was not measured in this run"), "the absent section says why");
    }

    /** How many different series labels a run's configurations get. */
    private static final class RunViewLabels {
        static long distinct(corelab.results.RunResult run) {
            RunView view = new RunView(run);
            return run.configurations().stream().map(view::label).distinct().count();
        }
    }
}
