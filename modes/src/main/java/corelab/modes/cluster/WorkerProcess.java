package corelab.modes.cluster;

import corelab.modes.JvmCommand;
import corelab.modes.ReadyLine;
import corelab.modes.ServerMain;
import corelab.modes.ServerOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One worker JVM of a cluster, as its primary sees it: the process, the ready line it
 * printed, and its output, which the primary passes on with the worker's id in front.
 *
 * <p>The worker's standard input stays an open pipe from the primary and is never
 * written: it is the worker's lifeline (see {@link ServerMain}).
 */
final class WorkerProcess {
    private final int id;
    private final Process process;
    private final CompletableFuture<ReadyLine> ready = new CompletableFuture<>();

    private WorkerProcess(int id, Process process, Consumer<String> output) {
        this.id = id;
        this.process = process;
        Thread.ofPlatform().daemon(true).name("corelab-worker-" + id + "-output").start(() -> pump(output));
    }

    static WorkerProcess start(int id, ServerOptions workerOptions, Consumer<String> output) throws IOException {
        List<String> args = new ArrayList<>();
        args.add("workerId=" + id); // first, so a short listing of processes still shows it
        for (Map.Entry<String, String> option : workerOptions.toMap().entrySet()) {
            args.add(option.getKey() + "=" + option.getValue());
        }
        ProcessBuilder builder = new ProcessBuilder(JvmCommand.forMain(ServerMain.class, List.of(), args))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        return new WorkerProcess(id, builder.start(), output);
    }

    private void pump(Consumer<String> output) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                var readyLine = ReadyLine.parse(line);
                if (readyLine.isPresent() && !ready.isDone()) {
                    ready.complete(readyLine.get());
                } else {
                    output.accept("[worker " + id + "] " + line);
                }
            }
        } catch (IOException ignored) {
            // the worker is gone; onExit tells the primary
        }
        ready.completeExceptionally(new IOException("worker " + id + " exited before it was ready"));
    }

    int id() {
        return id;
    }

    long pid() {
        return process.pid();
    }

    CompletableFuture<ReadyLine> ready() {
        return ready;
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the worker to stop (SIGTERM): it closes its server and exits. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the worker to exit after {@link #terminate}, and SIGKILLs it after {@code graceMillis}. */
    void awaitOrKill(long graceMillis) {
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(graceMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
