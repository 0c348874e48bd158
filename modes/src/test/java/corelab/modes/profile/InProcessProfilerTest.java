package corelab.modes.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.wire.ProfileCommand;
import corelab.modes.wire.ProfileDumped;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profiler in this test's own JVM, as a server drives it: two configurations one after the
 * other, each with its own samples only (slow: it loads async-profiler's library into the JVM).
 */
@Tag("slow")
class InProcessProfilerTest {
    private static volatile long sink;

    @Test
    void eachDumpHoldsOnlyTheSamplesSinceItsOwnStart(@TempDir Path folder) throws Exception {
        InProcessProfiler profiler = new InProcessProfiler(0, "");
        ProfileDumped first = profile(profiler, folder.resolve("first"), InProcessProfilerTest::burnFirst);
        ProfileDumped second = profile(profiler, folder.resolve("second"), InProcessProfilerTest::burnSecond);
        String firstStacks = Files.readString(Path.of(first.file()));
        String secondStacks = Files.readString(Path.of(second.file()));
        assertTrue(firstStacks.contains("burnFirst"), firstStacks);
        assertTrue(secondStacks.contains("burnSecond"), secondStacks);
        assertFalse(secondStacks.contains("burnFirst"), "the second profile starts afresh: " + secondStacks);
        assertEquals(first.engine(), second.engine());
        assertTrue(Files.readString(Path.of(second.flameGraph())).strip().endsWith("</html>"));
    }

    private static ProfileDumped profile(InProcessProfiler profiler, Path prefix, Runnable work) throws Exception {
        profiler.handle(ProfileCommand.start("cpu"));
        work.run();
        profiler.handle(ProfileCommand.stop());
        return profiler.handle(ProfileCommand.dump(prefix.toString())).orElseThrow();
    }

    private static void burnFirst() {
        burn();
    }

    private static void burnSecond() {
        burn();
    }

    /** 300 ms of CPU: about 30 samples at async-profiler's 10 ms. */
    private static void burn() {
        long end = System.nanoTime() + 300_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.toString(x).hashCode();
        }
        sink = x;
    }
}
