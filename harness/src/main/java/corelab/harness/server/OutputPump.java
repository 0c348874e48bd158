package corelab.harness.server;

import corelab.modes.process.LinePump;
import corelab.modes.process.RecentLines;
import corelab.modes.wire.ForwardedLine;
import corelab.modes.wire.ProfileDumped;
import corelab.modes.wire.ReadyLine;
import corelab.modes.wire.StatsLine;
import corelab.modes.wire.WorkerOnlineLine;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server's output (stdout and stderr merged), drained by a {@link LinePump} for as long as
 * the server lives. On the way it reads corelab's own lines, the {@link ReadyLine}, the
 * {@link StatsLine} counts, the {@link WorkerOnlineLine}s and the {@link ProfileDumped} answers, and keeps the last other lines
 * for error messages.
 */
final class OutputPump {
    static final int RECENT_LINES = 50;
    private static final int LINE_MAX_CHARS = 2000;
    private final boolean corelabLines;
    private final List<WorkerOnline> workersOnline = new CopyOnWriteArrayList<>();
    private final RecentLines recent = new RecentLines(RECENT_LINES);
    private final Map<Long, StatsLine> statsByPid = new ConcurrentHashMap<>();
    private final Map<Long, Long> requestsByPid = new ConcurrentHashMap<>();
    private final List<ProfileDumped> profileDumps = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ReadyLine> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private OutputPump(boolean corelabLines) {
        this.corelabLines = corelabLines;
    }

    /** Drains {@code stream}, one of {@code process}'s outputs. {@code corelabLines}: whether to look for ready and stats lines (not in a foreign server's output). */
    static OutputPump start(Process process, InputStream stream, boolean corelabLines) {
        OutputPump pump = new OutputPump(corelabLines);
        LinePump.start("corelab-server-" + process.pid() + "-output", stream,
                line -> pump.accept(line.length() <= LINE_MAX_CHARS ? line : line.substring(0, LINE_MAX_CHARS) + "..."),
                pump::ended);
        return pump;
    }

    private void ended() {
        ready.completeExceptionally(new IOException("the server's output ended before its ready line"));
        ended.complete(null);
    }

    /** Never throws (the wire's parsers do not): an exception here would stop the draining, and then the server. */
    private void accept(String line) {
        if (corelabLines) {
            // A cluster primary prints its workers' counts as forwarded lines.
            String original = ForwardedLine.original(line);
            Optional<ProfileDumped> dumped = ProfileDumped.parse(original);
            if (dumped.isPresent()) {
                profileDumps.add(dumped.get());
                return;
            }
            Optional<StatsLine> stats = StatsLine.parse(original);
            if (stats.isPresent()) {
                statsByPid.put(stats.get().pid(), stats.get());
                // Counted, not kept: one a second per worker would soon push out the lines
                // that explain a failure.
                return;
            }
            // Kept as output too: a worker coming online is worth seeing beside a failure.
            WorkerOnlineLine.parse(line).ifPresent(
                    online -> workersOnline.add(new WorkerOnline(online.id(), online.pid(), System.nanoTime())));
            if (!ready.isDone()) {
                ReadyLine.parse(line).ifPresent(ready::complete);
            }
        }
        recent.add(line);
    }

    /** Every {@link WorkerOnlineLine} so far, in order. */
    List<WorkerOnline> workersOnline() {
        return List.copyOf(workersOnline);
    }

    /** Completes with the ready line, or exceptionally when the output ends first. */
    CompletableFuture<ReadyLine> ready() {
        return ready;
    }

    /** Waits up to {@code timeout} for the output to end; whether it did. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        try {
            ended.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // never: ended only completes normally
        }
    }

    List<String> recentLines() {
        return recent.list();
    }

    /** The latest stats line (cumulative counts) of each process, by pid. */
    Map<Long, StatsLine> statsByPid() {
        return new TreeMap<>(statsByPid);
    }

    /** Every {@link ProfileDumped} so far, in order. */
    List<ProfileDumped> profileDumps() {
        return List.copyOf(profileDumps);
    }

    /** The latest cumulative count per process id, by pid. */
    Map<Long, Long> requestsByPid() {
        return new TreeMap<>(requestsByPid);
    }
}
