package corelab.workloads;

import java.util.StringJoiner;

/**
 * One request for work, as both sides see it: the client builds its path, the server
 * parses it back, and both can format the answer, so the client can check every byte.
 *
 * @param seed        the {@code cpu} kernel's seed
 * @param iterations  the {@code cpu} kernel's size
 * @param token       an arbitrary number the backend must echo for {@code io}
 * @param delayMillis how long the backend waits for {@code io}
 */
public record WorkloadRequest(Workload workload, long seed, int iterations, long token, int delayMillis) {

    public static final String HELLO_ANSWER = "Hello from corelab\n";
    /** A {@code counter} answer is this, then the count in decimal (1 for the first request), then a newline. */
    public static final String COUNTER_ANSWER_PREFIX = "counter value=";

    public WorkloadRequest {
        if (workload == null) {
            throw new IllegalArgumentException("workload is required");
        }
        WorkloadSettings.checkIterations(iterations);
        WorkloadSettings.checkDelay(delayMillis);
    }

    public static WorkloadRequest of(Workload workload, long seed, long token, WorkloadSettings settings) {
        return new WorkloadRequest(workload, seed, settings.cpuIterations(), token, settings.backendDelayMillis());
    }


    /** The request target a client sends, for instance {@code /cpu?seed=7&iterations=1000}. */
    public String target() {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (QueryParameter parameter : workload.queryParameters()) {
            query.add(parameter.key() + "=" + parameter.valueIn(this));
        }
        return workload.path() + query;
    }

    /**
     * Parses the query of a request for {@code workload}; parameters that are absent take
     * the server's defaults. Throws {@link IllegalArgumentException} with a message fit
     * for a 400 answer when a parameter is unknown or not a valid number.
     */
    public static WorkloadRequest parse(Workload workload, String query, WorkloadSettings defaults) {
        long seed = 1;
        long token = 0;
        int iterations = defaults.cpuIterations();
        int delayMillis = defaults.backendDelayMillis();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                switch (QueryParameter.fromKey(name)) {
                    case SEED -> seed = parseLong(name, value);
                    case TOKEN -> token = parseLong(name, value);
                    case ITERATIONS -> iterations = (int) parseLong(name, value, 0, WorkloadSettings.MAX_CPU_ITERATIONS);
                    case DELAY_MILLIS -> delayMillis = (int) parseLong(name, value, 0, WorkloadSettings.MAX_BACKEND_DELAY_MILLIS);
                }
            }
        }
        return new WorkloadRequest(workload, seed, iterations, token, delayMillis);
    }

    /**
     * The body the server sends once the work is done: {@code value} is the kernel's result
     * for {@code cpu} and {@code mixed}, the count for {@code counter}, and ignored otherwise.
     */
    public String answer(long value) {
        return switch (workload) {
            case HELLO -> HELLO_ANSWER;
            case COUNTER -> COUNTER_ANSWER_PREFIX + value + "\n";
            case CPU -> "cpu seed=" + seed + " iterations=" + iterations + " result=" + Long.toHexString(value) + "\n";
            case IO -> "io token=" + token + " delayMillis=" + delayMillis + "\n";
            case MIXED -> "mixed seed=" + seed + " iterations=" + iterations + " result=" + Long.toHexString(value)
                    + " token=" + token + " delayMillis=" + delayMillis + "\n";
        };
    }

    /**
     * The answer a correct server gives; computes the kernel, so clients should cache it per
     * request. A {@code counter} has none (see {@link Workload#hasExactAnswer()}).
     */
    public String expectedAnswer() {
        if (!workload.hasExactAnswer()) {
            throw new IllegalStateException("a " + workload.word() + " answer cannot be known in advance;"
                    + " check it with WorkloadRequest.countIn");
        }
        return answer(workload.usesCpu() ? CpuKernel.compute(seed, iterations) : 0);
    }

    /**
     * The count a {@code counter} answer carries, or -1 if {@code body} is not one: exactly
     * {@value #COUNTER_ANSWER_PREFIX}, a positive decimal of at most 18 digits without leading zeros, a newline.
     * That is all a client can check of one answer; that a counter is right shows only across
     * many (no value twice, the highest equal to the number of requests).
     */
    public static long countIn(String body) {
        int start = COUNTER_ANSWER_PREFIX.length();
        int end = body.length() - 1;
        if (!body.startsWith(COUNTER_ANSWER_PREFIX) || end <= start || body.charAt(end) != '\n'
                || end - start > 18 || body.charAt(start) == '0') {
            return -1;
        }
        long count = 0;
        for (int i = start; i < end; i++) {
            char c = body.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            count = count * 10 + (c - '0');
        }
        return count;
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a whole number, was '" + value + "'");
        }
    }

    private static long parseLong(String name, String value, long min, long max) {
        long parsed = parseLong(name, value);
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(
                    "query parameter '" + name + "' must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }
}
