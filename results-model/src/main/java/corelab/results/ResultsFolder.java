package corelab.results;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's results folder: {@code results.json}, the CSV tables and each configuration's {@code .hlog} and
 * {@code .hgrm} ({@link HistogramFiles}), each written atomically.
 */
public final class ResultsFolder {
    private final Path folder;

    public ResultsFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * Creates a new folder {@code parent/name}, or {@code name-2}, {@code name-3} ... when that one exists.
     * The creation itself is the claim (one atomic mkdir), so two runs started in the same second,
     * even in two processes, never share a folder.
     */
    public static ResultsFolder createUnique(Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        Path candidate = parent.resolve(name);
        for (int suffix = 2; ; suffix++) {
            try {
                Files.createDirectory(candidate);
                AtomicFiles.forceDirectory(parent.toAbsolutePath());
                return new ResultsFolder(candidate);
            } catch (FileAlreadyExistsException taken) {
                candidate = parent.resolve(name + "-" + suffix);
            }
        }
    }

    public Path path() {
        return folder;
    }

    /** Saves everything; safe to call again and again as the run goes on. */
    public synchronized void save(RunResult run) throws IOException {
        AtomicFiles.write(folder.resolve(ResultsJson.FILE_NAME), ResultsJson.toJson(run));
        AtomicFiles.write(folder.resolve(ResultsCsv.CONFIGURATIONS), ResultsCsv.configurations(run));
        AtomicFiles.write(folder.resolve(ResultsCsv.TRIALS), ResultsCsv.trials(run));
        AtomicFiles.write(folder.resolve(ResultsCsv.INTERVALS), ResultsCsv.intervals(run));
        HistogramFiles.write(folder, run);
    }
}
