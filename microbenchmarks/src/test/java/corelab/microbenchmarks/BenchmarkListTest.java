package corelab.microbenchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.reports.JmhResults;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The build, not the benchmarks: JMH's annotation processor must have run (since JDK 23 javac
 * runs it only when the pom names it), or the jar holds no benchmark and JMH says only "No
 * matching benchmarks". And the reports must look for the kernel under the name it has here.
 */
class BenchmarkListTest {
    private static final List<Class<?>> BENCHMARKS = List.of(CpuKernelBenchmark.class, HttpCodecBenchmark.class,
            ThreadStartBenchmark.class, HandOffBenchmark.class, ParkUnparkBenchmark.class, PinningBenchmark.class);

    @Test
    void everyBenchmarkMethodWasGeneratedIntoJmhsList() throws IOException {
        String list;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertNotNull(in, "no META-INF/BenchmarkList: JMH's annotation processor did not run");
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> missing = new ArrayList<>();
        int methods = 0;
        for (Class<?> benchmark : BENCHMARKS) {
            for (Method method : benchmark.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Benchmark.class)) {
                    methods++;
                    String generated = benchmark.getName().replace("corelab.microbenchmarks.",
                            "corelab.microbenchmarks.jmh_generated.") + "_" + method.getName() + "_jmhTest";
                    if (!list.contains(generated)) {
                        missing.add(benchmark.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertEquals(12, methods, "a benchmark was added or removed: update the README's figures");
        assertTrue(missing.isEmpty(), "not in META-INF/BenchmarkList: " + missing);
    }

    @Test
    void theReportsLookForTheKernelUnderItsRealNameAndParameter() throws NoSuchMethodException, NoSuchFieldException {
        Method kernel = CpuKernelBenchmark.class.getMethod("kernel", CpuKernelBenchmark.Work.class);
        assertEquals(JmhResults.CPU_KERNEL_BENCHMARK, CpuKernelBenchmark.class.getName() + "." + kernel.getName());
        assertTrue(CpuKernelBenchmark.Work.class.getField(JmhResults.ITERATIONS_PARAM).isAnnotationPresent(Param.class));
    }
}
