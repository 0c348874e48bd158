package corelab.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.harness.server.CpuList;
import corelab.modes.RunningServer;
import corelab.testkit.Eventually;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The generator's own pinning, for real: a thread pins itself and the kernel reports its new affinity. */
class ThreadAffinityTest {
    @Test
    void aThreadPinnedToOneCpuIsAllowedThatCpuOnly() throws InterruptedException {
        List<Integer> before = CpuList.ofCurrentThread();
        for (int cpu : List.of(before.get(0), before.get(before.size() - 1))) {
            AtomicReference<List<Integer>> seen = new AtomicReference<>();
            Thread thread = Thread.ofPlatform().start(() -> {
                ThreadAffinity.pinCurrentThread(List.of(cpu));
                seen.set(CpuList.ofCurrentThread());
            });
            thread.join();
            assertEquals(List.of(cpu), seen.get(), "the kernel's Cpus_allowed_list of the pinned thread");
        }
        assertEquals(before, CpuList.ofCurrentThread(), "only the calling thread is pinned, not this one");
    }

    /** The path a pinned run takes: the spec's CPUs reach each generator thread, which pins itself. */
    @Test
    void theGeneratorsThreadsRunOnTheCpusOfTheirSpec() throws IOException, InterruptedException {
        List<Integer> allowed = CpuList.ofCurrentThread();
        List<Integer> last = List.of(allowed.get(allowed.size() - 1));
        try (RunningServer server = LoadTesting.startServer();
             LoadGenerator load = new LoadGenerator(server.address(),
                     new LoadSpec(LoadModel.CLOSED, 4, 2, 5000, 0, last), LoadTesting.mixedRequests())) {
            load.start();
            Map<String, List<Integer>> expected = Map.of("corelab-load-1", last, "corelab-load-2", last);
            Eventually.assertWithin(Duration.ofSeconds(10), () -> generatorThreadCpus().equals(expected),
                    () -> "generator threads and their CPUs: " + uncheckedThreadCpus() + ", expected " + expected);
            assertTrue(Eventually.within(Duration.ofSeconds(10), () -> load.sample().completed() > 0),
                    "pinned, they still get answers");
        }
        LoadTesting.assertNoLoadThreadLeft();
    }

    private static Map<String, List<Integer>> uncheckedThreadCpus() {
        try {
            return generatorThreadCpus();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** Each live generator thread of this JVM by name, with the CPUs the kernel lets it run on. */
    private static Map<String, List<Integer>> generatorThreadCpus() throws IOException {
        Map<String, List<Integer>> found = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                List<String> status;
                try {
                    status = Files.readAllLines(task.resolve("status"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                String name = field(status, "Name:");
                if (name.startsWith("corelab-load-")) {
                    found.put(name, CpuList.parse(field(status, "Cpus_allowed_list:")));
                }
            }
        }
        return found;
    }

    private static String field(List<String> status, String key) {
        return status.stream().filter(l -> l.startsWith(key)).findFirst().orElse(key).substring(key.length()).strip();
    }

    @Test
    void noCpuOrAnImpossibleOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ThreadAffinity.pinCurrentThread(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ThreadAffinity.pinCurrentThread(List.of(4096)));
    }
}
