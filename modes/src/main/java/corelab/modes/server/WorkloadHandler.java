package corelab.modes.server;

import corelab.modes.counter.Counter;
import corelab.modes.http.Handler;
import corelab.modes.http.HttpRequest;
import corelab.modes.http.HttpResponse;
import corelab.workloads.Workload;
import corelab.workloads.WorkloadRequest;
import corelab.workloads.WorkloadSettings;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * The routes every mode serves, identical everywhere: each {@link Workload} at the path its
 * route table gives ({@code /hello}, {@code /cpu}, {@code /io}, {@code /mixed}, {@code /counter}),
 * and {@code /info}. What differs by mode is passed in: where CPU work runs ({@link CpuWork}),
 * how the wait for the backend happens ({@link BackendWait}), and, through the context, where
 * the count lives ({@link Counter}).
 */
public final class WorkloadHandler implements Handler {

    /** Runs the {@code cpu} kernel: on the calling thread, or handed to a pool. */
    @FunctionalInterface
    public interface CpuWork {
        CompletableFuture<Long> run(long seed, int iterations);
    }

    /** Waits for the backend: by blocking the calling thread, or without blocking on an event loop. */
    @FunctionalInterface
    public interface BackendWait {
        CompletableFuture<Void> call(int delayMillis, long token);
    }

    /** The server's own route beside the workloads': what it is and which process answers. */
    private static final String INFO_PATH = "/info";
    /** For a 404: "/hello, /cpu, /io, /mixed, /counter or /info". */
    private static final String EVERY_PATH = Workload.paths() + " or " + INFO_PATH;
    private static final CompletableFuture<HttpResponse> HELLO =
            CompletableFuture.completedFuture(HttpResponse.text(200, WorkloadRequest.HELLO_ANSWER));

    private final WorkloadSettings settings;
    private final CpuWork cpu;
    private final BackendWait backend;
    private final String info;
    private final LongAdder requestsHandled;
    private final CrashEndpoints crash;
    private final Counter counter;

    public WorkloadHandler(ServerContext context, CpuWork cpu, BackendWait backend) {
        this.settings = context.options().workloads();
        this.cpu = cpu;
        this.backend = backend;
        this.info = context.info();
        this.requestsHandled = context.requestsHandled();
        this.crash = new CrashEndpoints(context.options());
        this.counter = context.counter();
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request) {
        requestsHandled.increment(); // a LongAdder: threads that count at once do not contend
        // Only GET and HEAD reach here: the HTTP core refuses every other method itself.
        Optional<Workload> workload = Workload.forPath(request.path());
        if (workload.isPresent()) {
            return serve(workload.get(), request.query());
        }
        return switch (request.path()) {
            case INFO_PATH -> done(HttpResponse.text(200, info + "\n"));
            case CrashEndpoints.THROW_PATH, CrashEndpoints.EXIT_PATH -> done(crash.answer(request.path(), request.query()));
            default -> done(HttpResponse.refusal(404, "no such path " + request.path() + "; try " + EVERY_PATH));
        };
    }

    /** A workload's answer; {@code hello} and {@code counter} take no parameters, so their query is not read. */
    private CompletionStage<HttpResponse> serve(Workload workload, String query) {
        if (workload == Workload.HELLO) {
            return HELLO;
        }
        if (workload == Workload.COUNTER) {
            return counter.increment()
                    .thenApply(value -> HttpResponse.text(200, WorkloadRequest.COUNTER_ANSWER_PREFIX + value + "\n"))
                    .exceptionally(error -> failed("the counter", error));
        }
        WorkloadRequest work;
        try {
            work = WorkloadRequest.parse(workload, query, settings);
        } catch (IllegalArgumentException e) {
            return done(HttpResponse.refusal(400, e.getMessage()));
        }
        return switch (workload) {
            case CPU -> cpu.run(work.seed(), work.iterations())
                    .thenApply(result -> HttpResponse.text(200, work.answer(result)));
            case IO -> backend.call(work.delayMillis(), work.token())
                    .thenApply(ignored -> HttpResponse.text(200, work.answer(0)))
                    .exceptionally(WorkloadHandler::backendFailed);
            case MIXED -> cpu.run(work.seed(), work.iterations())
                    .thenCompose(result -> backend.call(work.delayMillis(), work.token())
                            .thenApply(ignored -> HttpResponse.text(200, work.answer(result))))
                    .exceptionally(WorkloadHandler::backendFailed);
            case HELLO, COUNTER -> throw new IllegalStateException(workload + " is answered above");
        };
    }

    private static HttpResponse backendFailed(Throwable error) {
        return failed("the io backend", error);
    }

    private static HttpResponse failed(String what, Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return HttpResponse.refusal(502, what + " failed: " + (cause.getMessage() != null ? cause.getMessage() : cause));
    }

    private static CompletableFuture<HttpResponse> done(HttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
