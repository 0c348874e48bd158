package corelab.modes.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Any bytes a client may send, through the decoder: it answers with requests or with its
 * own 4xx/5xx refusal and nothing else, never waits for more while it already holds more
 * than its limits allow, never hands out a request over them, and decodes the same
 * requests to the same end however the bytes are cut into reads.
 *
 * <p>Without {@code JAZZER_FUZZ} (every build) it replays the committed inputs in
 * {@code src/test/resources/corelab/modes/http/RequestDecoderFuzzTestInputs/decodesAnyBytesAlikeHoweverRead/}
 * and a fixed, seeded set of variations on them: a few seconds in all. Fuzzing, by hand, for
 * {@code maxDuration} (inputs that reach new code go to {@code modes/.cifuzz-corpus/}, a
 * failing one into the inputs folder above, and the test fails):
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl modes -am test -Dtest=RequestDecoderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The committed inputs are the named seeds plus what ten minutes of that fuzzing found, cut
 * down by libFuzzer's {@code -merge=1 -use_counters=0} to the fewest inputs that still reach
 * every branch it reached.
 */
class RequestDecoderFuzzTest {
    /** Tight limits, so that fuzzed inputs of a few hundred bytes cross them. */
    private static final HttpLimits TIGHT = new HttpLimits(128, 16, 1000);
    /** Roomy ones, so that the same inputs also get past the limits into the requests. */
    private static final HttpLimits ROOMY = new HttpLimits(2048, 1024, 1000);
    /** Above this length an input is cut at evenly spaced points only, to keep fuzzing fast. */
    private static final int EVERY_CUT_MAX_BYTES = 512;
    /** The committed inputs: replayed one by one, and varied by {@link #decodesSeededVariationsAlike}. */
    private static final String INPUTS = "RequestDecoderFuzzTestInputs/decodesAnyBytesAlikeHoweverRead";
    private static final int VARIATIONS = 500;

    @FuzzTest(maxDuration = "5m")
    // libFuzzer's dictionary syntax: a CR LF is written \x0D\x0A.
    @DictionaryEntries({"GET", "POST", " / HTTP/1.1\\x0D\\x0A", " HTTP/1.0", "\\x0D\\x0A", "\\x0D\\x0A\\x0D\\x0A",
            "Host: a", "Content-Length: ", "Transfer-Encoding: chunked", "Connection: close", "keep-alive", "?q=1", ","})
    void decodesAnyBytesAlikeHoweverRead(byte[] input) {
        assertDecodesAlike(input);
    }

    /**
     * A fixed budget of variations on the committed inputs, the same in every build and
     * without the fuzzer: bytes flipped, inserted, dropped, and inputs spliced together.
     */
    @Test
    void decodesSeededVariationsAlike() throws IOException {
        List<byte[]> inputs = committedInputs();
        Random random = new Random(12);
        for (int i = 0; i < VARIATIONS; i++) {
            byte[] variation = vary(inputs.get(random.nextInt(inputs.size())), inputs.get(random.nextInt(inputs.size())), random);
            try {
                assertDecodesAlike(variation);
            } catch (AssertionError e) {
                throw new AssertionError("variation " + i + ": " + HexFormat.of().formatHex(variation), e);
            }
        }
    }

    private static void assertDecodesAlike(byte[] input) {
        for (HttpLimits limits : List.of(TIGHT, ROOMY)) {
            Decoded whole = checked(limits, decode(limits, input, new int[0]));
            assertAlike(whole, checked(limits, decode(limits, input, everyByte(input.length))), "one byte per read");
            int step = Math.max(1, input.length / EVERY_CUT_MAX_BYTES);
            for (int cut = 1; cut < input.length; cut += step) {
                assertAlike(whole, checked(limits, decode(limits, input, new int[] {cut})), "cut at " + cut);
            }
        }
    }

    private static List<byte[]> committedInputs() throws IOException {
        URL folder = RequestDecoderFuzzTest.class.getResource(INPUTS);
        assertNotNull(folder, INPUTS + " is on the test class path");
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<byte[]> inputs = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                inputs.add(Files.readAllBytes(file));
            }
            return inputs;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] vary(byte[] input, byte[] other, Random random) {
        byte[] out = input.clone();
        int at = random.nextInt(out.length + 1);
        return switch (random.nextInt(4)) {
            case 0 -> {
                if (out.length > 0) {
                    out[Math.min(at, out.length - 1)] ^= (byte) (1 << random.nextInt(8));
                }
                yield out;
            }
            case 1 -> splice(out, at, new byte[] {(byte) "\r\n :,0 /".charAt(random.nextInt(8))}, at);
            case 2 -> splice(out, at, new byte[0], Math.min(out.length, at + 1 + random.nextInt(8)));
            default -> splice(out, at, other, out.length); // this one's start, then the other one
        };
    }

    /** {@code input} with its bytes from {@code at} to {@code resumeAt} replaced by {@code inserted}. */
    private static byte[] splice(byte[] input, int at, byte[] inserted, int resumeAt) {
        byte[] out = new byte[at + inserted.length + input.length - resumeAt];
        System.arraycopy(input, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(input, resumeAt, out, at + inserted.length, input.length - resumeAt);
        return out;
    }

    /**
     * What a connection got out of its bytes: the requests (each described in full, with how
     * many bytes it took and how many of them were body), then a refusal's status (0: none)
     * or a request left half-sent, and the most it held while waiting for more.
     */
    record Decoded(List<String> requests, List<Integer> requestBytes, List<Integer> bodyBytes,
                   int refusalStatus, boolean partial, int mostBufferedWhileWaiting) {}

    /**
     * Same requests, same end, the same refusal. The decoder never looks past its limit, so a
     * line that is both too long and malformed is refused for its length however it arrives.
     */
    private static void assertAlike(Decoded expected, Decoded actual, String reads) {
        assertEquals(expected.requests(), actual.requests(), reads);
        assertEquals(expected.requestBytes(), actual.requestBytes(), reads);
        assertEquals(expected.partial(), actual.partial(), reads);
        assertEquals(expected.refusalStatus(), actual.refusalStatus(), reads);
    }

    private static Decoded checked(HttpLimits limits, Decoded decoded) {
        if (decoded.refusalStatus() != 0) {
            assertTrue(decoded.refusalStatus() >= 400 && decoded.refusalStatus() <= 599,
                    "refused with " + decoded.refusalStatus());
        }
        assertTrue(decoded.mostBufferedWhileWaiting() <= limits.maxHeaderBytes() + limits.maxBodyBytes(),
                "waited for more while holding " + decoded.mostBufferedWhileWaiting() + " bytes");
        for (int i = 0; i < decoded.requests().size(); i++) {
            int body = decoded.bodyBytes().get(i);
            assertTrue(body <= limits.maxBodyBytes(), "accepted a body of " + body + " bytes");
            int head = decoded.requestBytes().get(i) - body;
            assertTrue(head <= limits.maxHeaderBytes(), "accepted a head of " + head + " bytes");
        }
        return decoded;
    }

    /**
     * The one place that drives {@link RequestDecoder}, as a transport does: each read goes
     * into its buffer (as much as fits at a time), then requests are taken until it wants
     * more; a refusal ends the connection. {@code cuts} are where one read ends and the next
     * begins.
     */
    static Decoded decode(HttpLimits limits, byte[] input, int[] cuts) {
        RequestDecoder decoder = new RequestDecoder(limits);
        List<String> requests = new ArrayList<>();
        List<Integer> requestBytes = new ArrayList<>();
        List<Integer> bodyBytes = new ArrayList<>();
        int mostBuffered = 0;
        int fed = 0;
        int taken = 0; // bytes handed out as requests so far
        int cutIndex = 0;
        try {
            while (fed < input.length) {
                int readEnd = cutIndex < cuts.length ? cuts[cutIndex++] : input.length;
                while (fed < readEnd) {
                    ByteBuffer buffer = decoder.writable();
                    int n = Math.min(buffer.remaining(), readEnd - fed);
                    buffer.put(input, fed, n);
                    fed += n;
                    HttpRequest request;
                    while ((request = decoder.next()) != null) {
                        int buffered = decoder.writable().position();
                        requests.add(describe(request));
                        requestBytes.add(fed - buffered - taken);
                        bodyBytes.add(request.body().length);
                        taken = fed - buffered;
                    }
                    mostBuffered = Math.max(mostBuffered, decoder.writable().position());
                }
            }
        } catch (HttpException e) {
            return new Decoded(requests, requestBytes, bodyBytes, e.status(), false, mostBuffered);
        }
        return new Decoded(requests, requestBytes, bodyBytes, 0, decoder.hasPartialRequest(), mostBuffered);
    }

    private static String describe(HttpRequest r) {
        Map<String, String> headers = new TreeMap<>(r.headers());
        return r.method() + " " + r.path() + " ? " + r.query() + " " + r.version() + " " + headers
                + " keepAlive=" + r.keepAlive() + " body=" + HexFormat.of().formatHex(r.body());
    }

    private static int[] everyByte(int length) {
        int[] cuts = new int[Math.max(0, length - 1)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        return cuts;
    }
}
