package corelab.results;

import java.io.IOException;
import java.nio.file.Path;

/** A run's results folder: {@code results.json} and the CSV tables, each written atomically. */
public final class ResultsFolder {
    private final Path folder;

    public ResultsFolder(Path folder) {
        this.folder = folder;
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
    }
}
