package corelab.microbenchmarks;

import corelab.modes.http.HttpException;
import corelab.modes.http.HttpLimits;
import corelab.modes.http.HttpRequest;
import corelab.modes.http.HttpResponse;
import corelab.modes.http.RequestDecoder;
import corelab.workloads.WorkloadRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What corelab's HTTP/1.1 codec costs per request, the part of every answer that is neither
 * the workload nor the scheduling: parsing the request the load generator sends, and encoding
 * the {@code /hello} answer. Set beside the {@code hello} throughput of a report, it tells
 * how much of a request's time is the codec and how much is everything around it (system
 * calls, wake-ups, the generator).
 *
 * <p>The trap is timing the set-up instead of the thing. Wrong: build the request with
 * {@code ("GET " + target + ...).getBytes()} inside the benchmark, or a new
 * {@code RequestDecoder} (and its 4 KiB buffer) for every request: the figure then includes
 * string formatting and an allocation no server makes per request. Right: the bytes are made
 * once in {@link #prepare()}, and one decoder is reused, as a server keeps one per connection
 * (after {@code next()} its buffer is empty again, as after a request on a keep-alive connection).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class HttpCodecBenchmark {
    /** Byte for byte what corelab's load generator sends for a {@code cpu} request. */
    static final String REQUEST = "GET /cpu?seed=7&iterations=250000 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n";

    private byte[] requestBytes;
    private RequestDecoder decoder;
    private HttpResponse hello;

    @Setup
    public void prepare() {
        requestBytes = REQUEST.getBytes(StandardCharsets.US_ASCII);
        decoder = new RequestDecoder(HttpLimits.DEFAULTS);
        hello = HttpResponse.text(200, WorkloadRequest.HELLO_ANSWER);
    }

    /** Bytes in, one request out: the request line, the headers, the path and the query split. */
    @Benchmark
    public HttpRequest decodeRequest() throws HttpException {
        decoder.writable().put(requestBytes);
        return decoder.next();
    }

    /** One response to its bytes on the wire: status line, headers and body in one buffer. */
    @Benchmark
    public ByteBuffer encodeResponse() {
        return hello.encode(false);
    }
}
