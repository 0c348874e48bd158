package corelab.microbenchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.http.HttpRequest;
import corelab.workloads.CpuKernel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark method called once, outside JMH: it must do the work its name says and give
 * the right answer, so that a figure never times an exception, an empty request or a rally
 * cut short. (The figures themselves come from microbenchmarks/run.sh, never from the tests.)
 */
class BenchmarksDoTheWorkTest {
    @Test
    void theKernelBenchmarkComputesTheKernel() {
        CpuKernelBenchmark benchmark = new CpuKernelBenchmark();
        CpuKernelBenchmark.Work work = new CpuKernelBenchmark.Work();
        work.iterations = 25_000;
        assertEquals(CpuKernel.compute(7, 25_000), benchmark.kernel(work));
    }

    @Test
    void theCodecBenchmarksParseTheGeneratorsRequestAgainAndAgainAndEncodeHello() throws Exception {
        HttpCodecBenchmark codec = new HttpCodecBenchmark();
        codec.prepare();
        for (int i = 0; i < 3; i++) { // the decoder is reused: every round must give the whole request
            HttpRequest request = codec.decodeRequest();
            assertEquals("/cpu", request.path());
            assertEquals("seed=7&iterations=250000", request.query());
            assertEquals("127.0.0.1:8080", request.header("host"));
        }
        ByteBuffer response = codec.encodeResponse();
        // The Date header changes every second: compared by its shape, the rest byte for byte.
        String encoded = StandardCharsets.US_ASCII.decode(response).toString()
                .replaceFirst("Date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT", "Date: *");
        assertEquals("HTTP/1.1 200 OK\r\nDate: *\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 19\r\n\r\n"
                + "Hello from corelab\n", encoded);
    }

    @Test
    void theThreadBenchmarksLeaveEveryThreadFinished() throws Exception {
        ThreadStartBenchmark start = new ThreadStartBenchmark();
        for (Thread thread : start.platformStartJoin()) {
            assertEquals(Thread.State.TERMINATED, thread.getState());
            assertFalse(thread.isVirtual());
        }
        Thread[] virtual = start.virtualStartJoin();
        assertEquals(ThreadStartBenchmark.BATCH, virtual.length);
        for (Thread thread : virtual) {
            assertEquals(Thread.State.TERMINATED, thread.getState());
            assertTrue(thread.isVirtual());
        }

        HandOffBenchmark handOff = new HandOffBenchmark();
        handOff.startExecutors();
        try {
            assertNull(handOff.platformPoolSubmitGet());
            assertNull(handOff.virtualPerTaskSubmitGet());
        } finally {
            handOff.stopExecutors();
        }
    }

    @Test
    void aRallyMakesEveryPassOnBothKindsOfThread() throws Exception {
        assertEquals(2L * ParkUnparkBenchmark.ROUND_TRIPS, new ParkUnparkBenchmark().platformRoundTrip());
        assertEquals(2L * ParkUnparkBenchmark.ROUND_TRIPS, new ParkUnparkBenchmark().virtualRoundTrip());
    }

    @Test
    void aPinningBatchRunsEveryThreadAndBlocksAtLeastOnce() throws Exception {
        PinningBenchmark pinning = new PinningBenchmark();
        long begin = System.nanoTime();
        assertEquals(PinningBenchmark.THREADS, pinning.blockInsideSynchronized());
        assertEquals(PinningBenchmark.THREADS, pinning.blockInsideReentrantLock());
        assertTrue(System.nanoTime() - begin >= 2 * PinningBenchmark.BLOCK_MILLIS * 1_000_000L, "each batch sleeps");
    }
}
