package corelab.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.harness.server.CpuList;
import corelab.modes.options.OptionException;
import corelab.results.CorePinning;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Who runs where, decided from a list of CPUs given here (the machines this one is not: it has two) and, once,
 * from this machine's own.
 */
class PinningTest {
    @Test
    void onTwoOrThreeCpusNothingIsPinnedAndTheNoteSaysWhy() {
        Pinning two = Pinning.decide(true, cpus(2), true, 1, List.of(0));
        assertFalse(two.pinned());
        assertEquals("not pinned: fewer than 4 CPUs (2): the generator and the server share them", two.note());
        assertEquals(List.of(), two.generatorCpus());
        assertEquals(0, two.serverCores(0), "the server unrestricted, as before");
        assertEquals(List.of(), two.generatorCommandPrefix());
        assertTrue(CorePinning.shared(null));
        assertFalse(Pinning.decide(true, cpus(3), true, 1, List.of(0)).pinned());
    }

    @Test
    void fromFourCpusTheGeneratorGetsTheLastAndTheServerTheRest() {
        Pinning four = Pinning.decide(true, cpus(4), true, 1, List.of(0));
        assertEquals(List.of(3), four.generatorCpus());
        assertEquals(3, four.serverCores(0), "-Dcores=0: every CPU the generator leaves, taskset -c 0-2");
        assertEquals(3, four.coresAllowed(0));
        assertEquals(2, four.serverCores(2), "-Dcores=2 stays 2: CPUs 0-1");
        assertEquals(List.of("taskset", "-c", "3"), four.generatorCommandPrefix(), "wrk and ab");
        assertEquals(new CorePinning(List.of(3), List.of(0, 1, 2), "load generator on CPUs 3, server on CPUs 0-2"),
                four.record());

        Pinning eight = Pinning.decide(true, cpus(8), true, 2, List.of(0, 4));
        assertEquals(List.of(6, 7), eight.generatorCpus(), "one CPU per generator thread");
        assertEquals(List.of(0, 1, 2, 3, 4, 5), eight.record().serverCpus(), "the widest of the -Dcores sweep");
        assertEquals(4, eight.serverCores(4));

        Pinning sixteen = Pinning.decide(true, cpus(16), true, 4, List.of(0));
        assertEquals("load generator on CPUs 12-15, server on CPUs 0-11", sixteen.note());
        assertEquals(List.of("taskset", "-c", "12-15"), sixteen.generatorCommandPrefix());
        assertTrue(sixteen.generatorCpus().stream().noneMatch(sixteen.record().serverCpus()::contains), "disjoint");
    }

    /** Four CPUs, two cores of two hyperthreads each, numbered as many x86 machines do: 0 and 2 share a core. */
    @Test
    void smtSiblingsAcrossTheSplitAreNamed() {
        Pinning four = Pinning.decide(true, cpus(4), cpu -> List.of(cpu % 2, cpu % 2 + 2), true, 1, List.of(0));
        assertEquals("load generator on CPUs 3, server on CPUs 0-2; but CPUs 3 and 1 are SMT siblings of one core:"
                + " there the generator and the server share its execution units", four.note());
        Pinning paired = Pinning.decide(true, cpus(4), cpu -> List.of(cpu / 2 * 2, cpu / 2 * 2 + 1), true, 2,
                List.of(0));
        assertEquals("load generator on CPUs 2-3, server on CPUs 0-1", paired.note(),
                "siblings 2 and 3 both the generator's");
    }

    @Test
    void pinningThatCannotBeHonestIsLeftOffAndSaysWhy() {
        assertEquals("not pinned: -Dpin=false", Pinning.decide(false, cpus(8), true, 1, List.of(0)).note());
        assertEquals("not pinned: this process may use CPUs 2-5, not 0-3 (a taskset or cpuset around corelab)",
                Pinning.decide(true, CpuList.parse("2-5"), true, 1, List.of(0)).note());
        assertEquals("not pinned: 'taskset' (apt-get install util-linux) is not on the PATH",
                Pinning.decide(true, cpus(8), false, 1, List.of(0)).note());
        assertEquals("not pinned: which CPUs this process may use cannot be read (Linux only)",
                Pinning.decide(true, List.of(), true, 1, List.of(0)).note());
    }

    @Test
    void aCoresSweepThatDoesNotFitBesideTheGeneratorIsRefusedInOneMessage() {
        OptionException e = assertThrows(OptionException.class,
                () -> Pinning.decide(true, cpus(4), true, 1, List.of(1, 4)));
        assertTrue(e.getMessage().contains("-Dcores=4 is more than the 3 CPUs left beside the load generator's 1")
                && e.getMessage().contains("-Dpin=false lets them share"), e.getMessage());
    }

    @Test
    void theOptionIsDeclaredOnceAndReadWithTheRest() {
        assertTrue(BenchmarkOptions.OPTIONS.help().contains("-Dpin="), "listed by -Dhelp");
        assertEquals("not pinned: -Dpin=false",
                BenchmarkOptions.parse(Map.of("pin", "false")).generator().pinning().note());
        assertEquals("not pinned: the server is not one corelab starts (-Dtarget)", BenchmarkOptions.parse(
                Map.of("target", "http://127.0.0.1:8080")).generator().pinning().note());
    }

    /** This machine, as a default run sees it: on fewer than four CPUs (this one has two), not pinned, and why. */
    @Test
    void thisMachinesDefaultRunPinsOnlyFromFourCpus() {
        Pinning pinning = BenchmarkOptions.defaults().generator().pinning();
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 4) {
            assertEquals("not pinned: fewer than 4 CPUs (" + cpus + "): the generator and the server share them",
                    pinning.note());
            assertEquals(List.of(), BenchmarkOptions.defaults().generator().spec(
                    BenchmarkOptions.defaults().load().points().get(0)).cpus());
        } else {
            assertEquals(List.of(cpus - 1), pinning.generatorCpus(), pinning.note());
        }
    }

    private static List<Integer> cpus(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
