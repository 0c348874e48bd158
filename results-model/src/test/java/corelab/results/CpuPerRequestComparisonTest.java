package corelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.stats.Outcome;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * hello on a machine the generator shares: configurations INVALID only because the generator was saturated are
 * compared on the server's CPU per request, with the same statistics as throughput; constructed samples, known
 * answers.
 */
class CpuPerRequestComparisonTest {
    private static final String SATURATED = Verdict.GENERATOR_SATURATED + " in trial 1 (96% of its CPU, limit 90%)";

    @Test
    void saturatedHelloIsComparedOnCpuPerRequestWhenTheGeneratorSharedTheCpus() {
        // single costs 7.2 us of server CPU a request, virtual twice that, offload the same as single
        List<ConfigurationResult> run = List.of(
                hello("single", SATURATED, 7.1, 7.3, 7.2, 7.15, 7.25),
                hello("virtual", SATURATED, 14.2, 14.6, 14.4, 14.3, 14.5),
                hello("offload", null, 7.12, 7.28, 7.2, 7.17, 7.23),
                hello("cluster", "3.00% of requests failed (limit 1.00%)", 9, 9.1, 9.2, 9.3, 9.4));
        List<ComparisonResult> compared = Comparisons.of(run, 5.0, true);

        assertEquals(3, compared.size(), "cluster failed requests: its CPU per request is not comparable");
        assertTrue(compared.stream().allMatch(r -> r.metric().equals(Comparisons.CPU_PER_REQUEST)), compared.toString());
        ComparisonResult singleVirtual = find(compared, "single", "virtual");
        assertEquals(Outcome.DIFFERENT, singleVirtual.comparison().outcome());
        assertEquals(-50.0, singleVirtual.comparison().differencePercent(), 0.01);
        assertEquals(3, singleVirtual.comparison().familySize(), "Holm over hello's three pairs");
        assertTrue(singleVirtual.sentence().startsWith("on hello, by server CPU per request (not throughput), single"
                + " is 50.0% cheaper than virtual"), singleVirtual.sentence());
        assertEquals(Outcome.PRACTICALLY_SAME, find(compared, "single", "offload").comparison().outcome());
    }

    @Test
    void withCpusOfItsOwnTheGeneratorsSaturationLeavesNothingToCompare() {
        List<ConfigurationResult> run = List.of(hello("single", SATURATED, 7.1, 7.3, 7.2),
                hello("virtual", SATURATED, 14.2, 14.6, 14.4));
        assertEquals(List.of(), Comparisons.of(run, 5.0, false));
        assertEquals(List.of(), Comparisons.of(run, 5.0), "the two-argument form: CPUs of its own");
        assertEquals(Comparisons.THROUGHPUT, Comparisons.metric(hello("single", null, 7), false));
        assertEquals(null, Comparisons.metric(hello("single", SATURATED, 7), false));
    }

    @Test
    void onlyASaturatedGeneratorKeepsTheServersOwnFigures() {
        assertTrue(new Verdict(false, List.of(SATURATED)).onlyGeneratorSaturated());
        assertFalse(new Verdict(false, List.of(SATURATED, "no request was answered correctly")).onlyGeneratorSaturated());
        assertFalse(Verdict.VALID.onlyGeneratorSaturated(), "valid is not 'invalid only because...'");
    }

    @Test
    void pinningIsReadFromProvenanceAndAbsentMeansShared() {
        assertTrue(CorePinning.shared(null));
        CorePinning pinned = new CorePinning(List.of(3), List.of(0, 1, 2), "pinned");
        assertFalse(CorePinning.shared(provenance(pinned)));
        assertTrue(CorePinning.shared(provenance(CorePinning.notPinned("fewer than 4 cores"))));
        assertTrue(CorePinning.shared(provenance(null)), "a file from before pinning was recorded");
    }

    private static Provenance provenance(CorePinning pinning) {
        return new Provenance("development", "0", "25", "v", "vm", "/jdk", List.of(), List.of(), "Linux", "6", "amd64",
                4, "cpu", "corelab", pinning);
    }

    private static ComparisonResult find(List<ComparisonResult> compared, String a, String b) {
        return compared.stream().filter(r -> r.comparison().nameA().startsWith(a + "/")
                && r.comparison().nameB().startsWith(b + "/")).findFirst().orElseThrow();
    }

    /** A hello configuration whose trials cost these microseconds of server CPU per request; invalid for a reason. */
    private static ConfigurationResult hello(String mode, String invalidReason, double... cpuMicrosPerRequest) {
        List<TrialResult> trials = IntStream.range(0, cpuMicrosPerRequest.length).mapToObj(i -> {
            TrialResult base = SampleRuns.trial(i + 1, 90_000);
            ServerUsage s = base.server();
            ServerUsage server = new ServerUsage(s.coresAllowed(), s.cpuSeconds(), s.cpuCoresUsed(),
                    1e6 / cpuMicrosPerRequest[i], s.rssBytesMax(), s.threadsMax(), s.refusedConnections(), s.processes(),
                    s.rssBytesAtEnd(), s.pssBytesAtEnd());
            return new TrialResult(base.index(), base.seconds(), base.completed(), base.sent(), base.intendedRequests(),
                    base.errors(), base.throughputPerSecond(), base.latency(), null, server, base.generator(),
                    base.intervals(), base.histogram(), null, base.otherServersCpuCores(), null);
        }).toList();
        ConfigurationResult sample = SampleRuns.configuration(mode, 90_000);
        return new ConfigurationResult(new Configuration(mode + "/hello/closed/c64", mode, "hello", "closed", 64, null,
                null, null, null, 20, null, 2, "mode=" + mode, List.of("java")),
                invalidReason == null ? Verdict.VALID : Verdict.of(List.of(invalidReason)), 4, null, sample.summary(),
                trials, null);
    }
}
