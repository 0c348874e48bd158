package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.Configuration;
import corelab.results.ConfigurationResult;
import corelab.results.ProfileResult;
import corelab.results.ResultsFolder;
import corelab.results.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profiled run's report: "Where the time goes" shows each profiled configuration's flame
 * graph and tables, the profiler's cost on the configuration measured both ways, and never
 * ranks that unprofiled baseline against the profiled configurations.
 */
@Tag("slow")
class ProfileReportTest {
    @Test
    void profiledConfigurationsHaveTheirGraphsAndAreRankedOnlyAmongThemselves(@TempDir Path results) throws Exception {
        RunResult closed = Fixtures.closedRun();
        Path folder = results.resolve(closed.runId());
        Files.createDirectories(folder.resolve("profiles"));
        List<ConfigurationResult> configurations = new ArrayList<>();
        for (ConfigurationResult c : closed.configurations()) {
            Configuration k = c.configuration();
            if (!k.workload().equals("hello") || k.concurrency() != 64) {
                continue;
            }
            if (k.mode().equals("single")) {
                configurations.add(c); // the baseline: the same configuration, unprofiled
            }
            String stem = k.mode() + "-hello";
            Files.writeString(folder.resolve("profiles/" + stem + ".collapsed"),
                    "java/lang/Thread.run;corelab/modes/http/EventLoop.run;sun/nio/ch/SocketDispatcher.write0;"
                            + "tcp_sendmsg_[k] 60\njava/lang/Thread.run;corelab/modes/http/RequestLine.parse 40\n");
            Configuration profiled = new Configuration(k.id() + "/profile-cpu", k.mode(), k.workload(), k.loadModel(),
                    k.concurrency(), k.ratePerSecond(), k.threads(), k.workers(), k.cpuIterations(),
                    k.backendDelayMillis(), k.counter(), k.coresAllowed(), k.server(), k.serverCommand());
            configurations.add(new ConfigurationResult(profiled, c.verdict(), c.warmupSeconds(), c.counterCheck(),
                    c.summary(), c.trials(), null, new ProfileResult("cpu", "perf_events", 100,
                    "profiles/" + stem + ".html", "profiles/" + stem + ".collapsed", List.of(
                    new ProfileResult.ProcessProfile("server", 0, 4242, 100, "profiles/" + stem + ".html",
                            "profiles/" + stem + ".collapsed")))));
        }
        RunResult run = new RunResult(closed.schemaVersion(), closed.runId(), closed.status(), closed.failure(),
                closed.startedAt(), closed.endedAt(), closed.provenance(), closed.options(), closed.schedule(),
                closed.calibration(), configurations, List.of());
        new ResultsFolder(folder).save(run);
        String html = Files.readString(Report.render(folder));

        int section = html.indexOf("<h2 id=\"where-the-time-goes\">Where the time goes</h2>");
        assertTrue(section > 0, "the section");
        String profiles = html.substring(section, html.indexOf("<h2 id=\"figures\">"));
        assertTrue(profiles.contains("<a href=\"profiles/platform-hello.html\"><svg"), "a thumbnail links to the graph");
        assertTrue(profiles.contains("sampled by perf_events"), "the engine");
        assertTrue(profiles.contains("<td>tcp_sendmsg_[k]</td><td class=\"num\">60.0%</td><td>kernel socket calls</td>"),
                profiles);
        assertTrue(profiles.contains("<strong>The profiler's cost</strong>, on single/cores2/hello/closed/c64"), profiles);
        assertTrue(profiles.contains("µs with cpu profiling (+0.0%)"), "the same figures both ways: no cost");
        assertEquals(5, profiles.split("<figure>").length - 1, "every mode on hello at c64, once each");
        String summary = html.substring(html.indexOf("<h2 id=\"summary\">"),
                html.indexOf("</ul>", html.indexOf("<h2 id=\"summary\">")));
        assertFalse(summary.contains("single/cores2/hello/closed/c64 "), "the unprofiled baseline is not ranked: " + summary);
        assertTrue(summary.contains("On hello"), summary);
        assertFalse(html.contains("could not be drawn"));
    }
}
