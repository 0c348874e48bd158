package corelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderTest {
    @Test
    void runsStartedInTheSameSecondGetTheirOwnFolders(@TempDir Path results) throws IOException {
        Path first = ResultsFolder.createUnique(results, "20261130-203000").path();
        Path second = ResultsFolder.createUnique(results, "20261130-203000").path();
        Path third = ResultsFolder.createUnique(results, "20261130-203000").path();
        assertEquals(results.resolve("20261130-203000"), first);
        assertEquals(results.resolve("20261130-203000-2"), second);
        assertEquals(results.resolve("20261130-203000-3"), third);
        assertTrue(Files.isDirectory(third));
    }

    @Test
    void concurrentRunsNeverShareAFolder(@TempDir Path results) throws Exception {
        int runs = 16;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Callable<Path>> starts = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                starts.add(() -> ResultsFolder.createUnique(results, "same-second").path());
            }
            Set<Path> folders = new HashSet<>();
            for (Future<Path> folder : pool.invokeAll(starts)) {
                folders.add(folder.get());
            }
            assertEquals(runs, folders.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void atomicWritesWriteEveryByteOfALargeFile(@TempDir Path folder) throws IOException {
        String large = "0123456789abcdef".repeat(1 << 20) + "end"; // 16 MiB: more than one write may take
        Path file = folder.resolve("large.json");
        AtomicFiles.write(file, large);
        assertEquals(large, Files.readString(file));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary file is left beside it");
        }
    }
}
