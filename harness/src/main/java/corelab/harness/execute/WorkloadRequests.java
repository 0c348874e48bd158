package corelab.harness.execute;

import corelab.harness.load.CounterLedger;
import corelab.harness.load.RequestTemplate;
import corelab.harness.load.SingleRequest;
import corelab.harness.measure.RunFailure;
import corelab.modes.options.ServerOptions;
import corelab.workloads.Workload;
import corelab.workloads.WorkloadRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests a configuration sends: distinct seeds and tokens, each with the answer a
 * correct server must give, worked out before the load starts so that checking an answer
 * under load costs a byte comparison, not a recomputation.
 */
final class WorkloadRequests {
    static final int DISTINCT_REQUESTS = 64;

    private WorkloadRequests() {
    }

    static List<RequestTemplate> templates(Workload workload, ServerOptions server) {
        if (workload == Workload.COUNTER) {
            // one request, whose answer only has a known form: its counts go to the CounterLedger
            return List.of(new RequestTemplate(workload.path(), WorkloadRequest.COUNTER_ANSWER_PREFIX, true));
        }
        List<RequestTemplate> templates = new ArrayList<>();
        int count = workload == Workload.HELLO ? 1 : DISTINCT_REQUESTS;
        for (int i = 1; i <= count; i++) {
            WorkloadRequest request = new WorkloadRequest(workload, i, server.workloads().cpuIterations(),
                    1_000_000L + i, server.workloads().backendDelayMillis());
            templates.add(new RequestTemplate(request.target(), request.expectedAnswer()));
        }
        return templates;
    }

    /**
     * Asks once, before any load, and stops the run if the answer is wrong, judged as the load
     * generator judges every answer ({@link SingleRequest}). A {@code counter} answer must carry
     * a positive count, which goes to {@code counterAnswers}: the server counted it.
     */
    static void verify(InetSocketAddress server, String serverName, RequestTemplate request,
                       CounterLedger counterAnswers) throws RunFailure {
        SingleRequest.Answer answer;
        try {
            answer = SingleRequest.send(server, request);
        } catch (IOException e) {
            throw new RunFailure(serverName + " did not answer " + request.target() + ": " + e.getMessage());
        }
        if (!answer.correct()) {
            String expected = request.countAnswer() ? request.expectedBody() + "<a positive count>\n" : request.expectedBody();
            throw new RunFailure(serverName + " answered " + request.target() + " wrongly: expected 200 with '"
                    + printable(expected) + "', got " + answer.status() + " with '" + printable(answer.body()) + "'");
        }
        if (request.countAnswer()) {
            counterAnswers.record(answer.count());
        }
    }

    private static String printable(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine;
    }
}
