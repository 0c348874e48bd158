package corelab.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import corelab.results.ResultsFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The single-core rate of the {@code cpu} workload, read from the JSON that JMH writes for
 * corelab's microbenchmarks ({@code microbenchmarks/run.sh}, {@code -rf json}): an array of
 * results, each with its {@code benchmark}, {@code params} and {@code primaryMetric}
 * ({@code score}, {@code scoreError}, {@code scoreUnit}). With it, the cpu limit line of a
 * report is drawn from a measurement of this machine rather than corelab's estimate, and its
 * caption names the file, the kernel size, the error and the JDK.
 */
public final class JmhResults {
    /** The benchmark that times the cpu kernel alone: {@code corelab.microbenchmarks.CpuKernelBenchmark#kernel}. */
    public static final String CPU_KERNEL_BENCHMARK = "corelab.microbenchmarks.CpuKernelBenchmark.kernel";
    /** Its parameter: the kernel's size, as {@code -DcpuIterations=}. */
    public static final String ITERATIONS_PARAM = "iterations";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JmhResults() {
    }

    /**
     * The rate of one core measured by {@link #CPU_KERNEL_BENCHMARK} at the size nearest to
     * {@code cpuIterations} (nearest as a ratio, the larger size on a tie: per-call overheads
     * weigh least there), or empty when the file does not exist or holds no such result.
     *
     * @throws ResultsFormatException the file exists but is not JMH's JSON, or its cpu kernel results are damaged
     */
    public static Optional<SingleCoreRate> singleCoreRate(Path jmhJson, int cpuIterations)
            throws ResultsFormatException {
        if (cpuIterations < 1) {
            throw new IllegalArgumentException("cpuIterations must be >= 1, was " + cpuIterations);
        }
        String source = jmhJson.toString();
        JsonNode results;
        try {
            results = MAPPER.readTree(Files.readString(jmhJson));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(source + " is damaged (not valid JSON: " + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new ResultsFormatException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (results == null || !results.isArray()) {
            throw new ResultsFormatException(source + " is not JMH's JSON results (an array of benchmark results)", null);
        }
        JsonNode best = null;
        int bestIterations = 0;
        for (JsonNode result : results) {
            if (!CPU_KERNEL_BENCHMARK.equals(result.path("benchmark").asText())) {
                continue;
            }
            int iterations = iterations(result, source);
            if (best == null || closer(iterations, bestIterations, cpuIterations)) {
                best = result;
                bestIterations = iterations;
            }
        }
        return best == null ? Optional.empty() : Optional.of(rate(best, bestIterations, source));
    }

    private static int iterations(JsonNode result, String source) throws ResultsFormatException {
        String text = result.path("params").path(ITERATIONS_PARAM).asText("");
        try {
            int iterations = Integer.parseInt(text);
            if (iterations >= 1) {
                return iterations;
            }
        } catch (NumberFormatException ignored) {
            // the message below says what is wrong
        }
        throw new ResultsFormatException(source + ": a " + CPU_KERNEL_BENCHMARK + " result has no valid params."
                + ITERATIONS_PARAM + " (was '" + text + "')", null);
    }

    private static boolean closer(int candidate, int best, int wanted) {
        double candidateDistance = Math.abs(Math.log((double) candidate / wanted));
        double bestDistance = Math.abs(Math.log((double) best / wanted));
        return candidateDistance < bestDistance || (candidateDistance == bestDistance && candidate > best);
    }

    private static SingleCoreRate rate(JsonNode result, int iterations, String source) throws ResultsFormatException {
        JsonNode metric = result.path("primaryMetric");
        double score = metric.path("score").asDouble(Double.NaN);
        double error = metric.path("scoreError").asDouble(Double.NaN); // "NaN" with a single iteration
        String unit = metric.path("scoreUnit").asText("");
        double opsPerSecond = opsPerSecond(score, unit, source);
        String percent = Double.isFinite(error) && score > 0 ? Numbers.compact(100 * error / score) + "%" : Numbers.UNKNOWN;
        String what = "JMH, " + source + ": " + Numbers.compact(opsPerSecond) + " ops/s \u00b1 " + percent
                + " (99.9% CI) at " + iterations + " iterations, JDK " + result.path("jdkVersion").asText("?");
        try {
            return new SingleCoreRate(iterations, opsPerSecond, what);
        } catch (IllegalArgumentException e) {
            throw new ResultsFormatException(source + ": the " + CPU_KERNEL_BENCHMARK + " result at " + iterations
                    + " iterations is not a rate: " + e.getMessage(), e);
        }
    }

    /** JMH's units: ops/s, ops/ms, ops/us, ops/ns, ops/min for throughput; s/op and the like for time per operation. */
    private static double opsPerSecond(double score, String unit, String source) throws ResultsFormatException {
        String[] parts = unit.split("/", -1);
        if (parts.length == 2 && parts[0].equals("ops")) {
            return score / secondsIn(parts[1], unit, source);
        }
        if (parts.length == 2 && parts[1].equals("op")) {
            return 1 / (score * secondsIn(parts[0], unit, source));
        }
        throw new ResultsFormatException(source + ": unknown JMH score unit '" + unit + "'", null);
    }

    private static double secondsIn(String timeUnit, String unit, String source) throws ResultsFormatException {
        return switch (timeUnit) {
            case "min" -> 60;
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            default -> throw new ResultsFormatException(source + ": unknown JMH score unit '" + unit + "'", null);
        };
    }
}
