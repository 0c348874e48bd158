package corelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceUseTest {
    private static final Map<String, String> GENERATOR_MEMORY = Map.of("generator.memory", "threads of the harness");

    @Test
    void aBucketWithoutAReasonIsRefused() {
        ResourceBucket cpu = ResourceBucket.of(1.0, 1000, 10L, 8L);
        assertThrows(IllegalArgumentException.class,
                () -> new ResourceUse(cpu, null, ResourceBucket.of(0.5, 1000, 1L, 1L), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ResourceUse(cpu, cpu, ResourceBucket.of(0.5, 1000, null, null), Map.of()));
        ResourceUse use = new ResourceUse(cpu, null, ResourceBucket.of(0.5, 1000, null, null),
                Map.of("downstream", "none", "generator.memory", "threads of the harness"));
        assertEquals("none", use.why(ResourceUse.DOWNSTREAM));
        assertNull(use.why(ResourceUse.SERVER));
    }

    @Test
    void cpuPerRequestIsMicrosecondsAndUnknownWithoutAnswers() {
        assertEquals(1000.0, ResourceBucket.of(1.0, 1000, null, null).cpuMicrosPerRequest(), 1e-9);
        assertNull(ResourceBucket.of(1.0, 0, null, null).cpuMicrosPerRequest());
    }

    /** Written and read back equal, with a bucket missing and its reason; a trial without buckets has no field. */
    @Test
    void theBucketsRoundTripThroughJsonAndAreAbsentWhereNotMeasured() throws Exception {
        ResourceUse use = new ResourceUse(ResourceBucket.of(0.4, 2000, 150_000_000L, 110_000_000L), null,
                ResourceBucket.of(0.5, 2000, null, null), Map.of("downstream", "calls none",
                "generator.memory", "threads of the harness"));
        List<TrialResult> trials = List.of(SampleRuns.trial(1, 990).withResources(use),
                SampleRuns.trial(2, 1000).withResources(use), SampleRuns.trial(3, 1010).withResources(use));
        ConfigurationResult plain = SampleRuns.configuration("single", 1000);
        Summary s = plain.summary();
        Summary summary = new Summary(s.throughputPerSecond(), s.throughputPerCore(), s.requestsPerCpuSecond(),
                s.p50Micros(), s.p99Micros(), s.p999Micros(), s.uncorrectedP99Micros(), s.serverCpuCores(),
                s.serverRssBytes(), s.generatorUtilization(), s.errorPercent(), ResourceSummary.of(trials));
        ConfigurationResult measured = new ConfigurationResult(plain.configuration(), plain.verdict(),
                plain.warmupSeconds(), null, summary, trials, null);
        RunResult run = SampleRuns.runOf(measured);
        String json = ResultsJson.toJson(run);
        assertEquals(run, ResultsJson.fromJson(json, "test"));
        assertTrue(json.contains("\"downstream\" : \"calls none\""), json);
        assertFalse(ResultsJson.toJson(SampleRuns.run()).contains("\"resources\""),
                "trials without buckets (files before them, fault runs) carry no resources field");
    }

    @Test
    void theSummaryEstimatesEachBucketOverTheTrialsThatHaveIt() {
        ResourceUse a = new ResourceUse(ResourceBucket.of(1.0, 1000, 300L, 200L), null,
                ResourceBucket.of(0.2, 1000, null, null), Map.of("downstream", "none", "generator.memory", "-"));
        ResourceUse b = new ResourceUse(ResourceBucket.of(1.2, 1000, 320L, 220L), null,
                ResourceBucket.of(0.3, 1000, null, null), Map.of("downstream", "none", "generator.memory", "-"));
        ResourceSummary summary = ResourceSummary.of(List.of(SampleRuns.trial(1, 1000).withResources(a),
                SampleRuns.trial(2, 1000).withResources(b), SampleRuns.trial(3, 1000)));
        assertEquals(1100.0, summary.serverCpuMicrosPerRequest().mean(), 1e-9);
        assertEquals(2, summary.serverCpuMicrosPerRequest().n());
        assertEquals(250.0, summary.generatorCpuMicrosPerRequest().mean(), 1e-9);
        assertEquals(210.0, summary.serverPssBytes().mean(), 1e-9);
        assertEquals(0, summary.downstreamCpuMicrosPerRequest().n(), "no trial had a downstream: no estimate");
        assertTrue(Double.isNaN(summary.downstreamCpuMicrosPerRequest().mean()));
        assertNull(ResourceSummary.of(List.of(SampleRuns.trial(1, 1000))), "no trial measured: no summary");
    }

    /** Each request's CPU in its three buckets and the server's PSS are columns of the configurations table, empty where
     * not measured (a fault run, a file written before the buckets). */
    @Test
    void theBucketsAreColumnsOfTheConfigurationsTable() {
        ResourceUse use = new ResourceUse(ResourceBucket.of(0.4, 2000, 150_000_000L, 110_000_000L), null,
                ResourceBucket.of(0.5, 2000, null, null), Map.of("downstream", "calls none",
                "generator.memory", "threads of the harness"));
        List<TrialResult> trials = List.of(SampleRuns.trial(1, 990).withResources(use),
                SampleRuns.trial(2, 1000).withResources(use));
        ConfigurationResult plain = SampleRuns.configuration("single", 1000);
        Summary s = plain.summary();
        ConfigurationResult measured = new ConfigurationResult(plain.configuration(), plain.verdict(),
                plain.warmupSeconds(), null, new Summary(s.throughputPerSecond(), s.throughputPerCore(),
                s.requestsPerCpuSecond(), s.p50Micros(), s.p99Micros(), s.p999Micros(), s.uncorrectedP99Micros(),
                s.serverCpuCores(), s.serverRssBytes(), s.generatorUtilization(), s.errorPercent(),
                ResourceSummary.of(trials)), trials, null);
        RunResult sample = SampleRuns.run();
        RunResult run = new RunResult(sample.schemaVersion(), sample.runId(), sample.status(), null,
                sample.startedAt(), sample.endedAt(), sample.provenance(), sample.options(), null, null,
                List.of(measured, SampleRuns.configuration("platform", 1200)), List.of());

        String[] lines = ResultsCsv.configurations(run).split("\n");
        List<String> header = List.of(lines[0].split(","));
        int server = header.indexOf("server_cpu_us_per_request_mean");
        assertEquals(List.of("downstream_cpu_us_per_request_mean", "generator_cpu_us_per_request_mean",
                "server_pss_bytes_mean"), List.of(header.get(server + 3), header.get(server + 6), header.get(server + 9)));
        List<String> bucketed = List.of(lines[1].split(",", -1));
        assertEquals(header.size(), bucketed.size(), lines[1]);
        assertEquals(List.of("200", "", "250", "110000000"), List.of(bucketed.get(server), bucketed.get(server + 3),
                bucketed.get(server + 6), bucketed.get(server + 9)), lines[1]);
        assertEquals(List.of("", "", ""), List.of(lines[2].split(",", -1)).subList(server, server + 3), lines[2]);
    }
}
