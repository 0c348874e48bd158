package corelab.modes.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec on its own, no sockets: bytes in, requests or refusals out. Each refusal is
 * checked for its status, because the status is what a client sees and what the
 * transports act on (close or not).
 */
class RequestDecoderTest {
    /** Small limits, so that going over them takes a few hundred bytes, not megabytes. */
    private static final HttpLimits LIMITS = new HttpLimits(1024, 1000, 500);

    private final RequestDecoder decoder = new RequestDecoder(LIMITS);

    @Test
    void parsesSimpleGet() throws HttpException {
        HttpRequest request = feedAndNext("GET /cpu?seed=7&iterations=10 HTTP/1.1\r\nHost: example\r\nX-Mixed-Case: Value \r\n\r\n");

        assertNotNull(request);
        assertEquals("GET", request.method());
        assertEquals("/cpu", request.path());
        assertEquals("seed=7&iterations=10", request.query());
        assertEquals("HTTP/1.1", request.version());
        assertEquals("example", request.header("host"));
        assertEquals("Value", request.header("x-mixed-case"), "names are lower-cased, values stripped");
        assertEquals(0, request.body().length);
        assertTrue(request.keepAlive(), "HTTP/1.1 keeps the connection by default");
        assertFalse(decoder.hasPartialRequest());
        assertNull(decoder.next(), "nothing more was sent");
    }

    @Test
    void parsesRequestWithoutHeadersOrQuery() throws HttpException {
        HttpRequest request = feedAndNext("GET /hello HTTP/1.0\r\n\r\n"); // HTTP/1.1 would need a Host

        assertEquals("/hello", request.path());
        assertEquals("", request.query());
        assertTrue(request.headers().isEmpty());
    }

    @Test
    void parsesPostWithContentLengthBody() throws HttpException {
        HttpRequest request = feedAndNext("POST /hello HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world");

        assertEquals("POST", request.method());
        assertEquals("hello world", new String(request.body(), StandardCharsets.US_ASCII));
        assertFalse(decoder.hasPartialRequest());
    }

    @Test
    void waitsForTheWholeBody() throws HttpException {
        feed("POST /hello HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n01234");
        assertNull(decoder.next(), "half the body is not a request");
        assertTrue(decoder.hasPartialRequest());

        feed("56789");
        HttpRequest request = decoder.next();

        assertEquals("0123456789", new String(request.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void parsesRequestArrivingOneByteAtATime() throws HttpException {
        byte[] bytes = ascii("POST /io?token=3 HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nbody");

        for (int i = 0; i < bytes.length - 1; i++) {
            decoder.writable().put(bytes[i]);
            assertNull(decoder.next(), "complete after only " + (i + 1) + " of " + bytes.length + " bytes");
            assertTrue(decoder.hasPartialRequest());
        }
        decoder.writable().put(bytes[bytes.length - 1]);
        HttpRequest request = decoder.next();

        assertNotNull(request);
        assertEquals("/io", request.path());
        assertEquals("token=3", request.query());
        assertEquals("h", request.header("host"));
        assertEquals("body", new String(request.body(), StandardCharsets.US_ASCII));
        assertFalse(decoder.hasPartialRequest());
    }

    @Test
    void pipelinedRequestsComeOutInOrder() throws HttpException {
        feed("GET /first HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /second HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
                + "GET /third?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"
                + "GET /fourth HTT");

        assertEquals("/first", decoder.next().path());
        HttpRequest second = decoder.next();
        assertEquals("/second", second.path());
        assertEquals("abc", new String(second.body(), StandardCharsets.US_ASCII));
        assertEquals("/third", decoder.next().path());
        assertNull(decoder.next(), "the fourth request is incomplete");
        assertTrue(decoder.hasPartialRequest(), "the start of the fourth stays buffered");

        feed("P/1.1\r\nHost: h\r\n\r\n");
        assertEquals("/fourth", decoder.next().path());
        assertFalse(decoder.hasPartialRequest());
    }

    @Test
    void bodyLargerThanTheInitialBufferArrivesWhole() throws HttpException {
        RequestDecoder large = new RequestDecoder(HttpLimits.DEFAULTS);
        byte[] body = new byte[100_000];
        Arrays.fill(body, (byte) 'x');
        byte[] head = ascii("POST /hello HTTP/1.1\r\nHost: h\r\nContent-Length: " + body.length + "\r\n\r\n");

        feed(large, head);
        feed(large, body);
        HttpRequest request = large.next();

        assertArrayEquals(body, request.body());
    }

    @Test
    void theBufferShrinksBackAfterALargeBodyAndKeepsWhatFollows() throws HttpException {
        RequestDecoder large = new RequestDecoder(HttpLimits.DEFAULTS);
        int initial = large.capacity();
        byte[] body = new byte[100_000];
        Arrays.fill(body, (byte) 'y');
        feed(large, ascii("POST /hello HTTP/1.1\r\nHost: h\r\nContent-Length: " + body.length + "\r\n\r\n"));
        feed(large, body);
        feed(large, ascii("GET /next HTTP/1.1\r\nHo"));
        assertTrue(large.capacity() > initial, "the body needed a larger buffer");

        assertArrayEquals(body, large.next().body());
        assertEquals(initial, large.capacity(), "an idle connection must not keep the large buffer");
        assertTrue(large.hasPartialRequest(), "the start of the next request is kept");

        feed(large, ascii("st: h\r\n\r\n"));
        assertEquals("/next", large.next().path());
        assertFalse(large.hasPartialRequest());
    }

    @Test
    void aBodyArrivingInPiecesIsReadWholeAndThenTheNextRequest() throws HttpException {
        feed("POST /hello HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n");
        assertNull(decoder.next());
        assertTrue(decoder.awaitingBody());
        for (char c : "0123456789".toCharArray()) {
            assertNull(decoder.next(), "not yet: the body is not all here");
            feed(String.valueOf(c));
        }
        feed("GET /after HTTP/1.1\r\nHost: h\r\n\r\n");

        assertEquals("0123456789", new String(decoder.next().body(), StandardCharsets.ISO_8859_1));
        assertFalse(decoder.awaitingBody());
        assertEquals("/after", decoder.next().path());
        assertFalse(decoder.hasPartialRequest());
    }

    @ParameterizedTest(name = "{0} with Connection: ''{1}'' -> keepAlive={2}")
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 |            | true",
            "HTTP/1.1 | close      | false",
            "HTTP/1.1 | Close      | false",
            "HTTP/1.1 | keep-alive | true",
            "HTTP/1.0 |            | false",
            "HTTP/1.0 | keep-alive | true",
            "HTTP/1.0 | Keep-Alive | true",
            "HTTP/1.0 | close      | false",
            "HTTP/1.1 | x-close-hint | true",
            "HTTP/1.1 | keep-alive, close | false",
            "HTTP/1.1 | Upgrade,CLOSE | false",
            "HTTP/1.0 | keep-alive, close | false",
            "HTTP/1.0 | x-keep-alive-hint | false",
    })
    void appliesKeepAliveRulesOfEachVersion(String version, String connection, boolean keepAlive) throws HttpException {
        String header = connection == null ? "" : "Connection: " + connection + "\r\n";

        HttpRequest request = feedAndNext("GET /hello " + version + "\r\nHost: h\r\n" + header + "\r\n");

        assertEquals(version, request.version());
        assertEquals(keepAlive, request.keepAlive());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "GARBAGE\r\n\r\n",
            "\n\r\n",                               // a bare LF is not an empty line
            "GET /hello\r\n\r\n",                  // no version
            "GET /hello HTTP/1.1\n\n",             // bare LF
            "GET /hello HTTP/1.1\nHost: h\r\n\r\n", // bare LF after the request line only
            "GET /a b HTTP/1.1\r\n\r\n",           // space inside the target
            "GET  /hello HTTP/1.1\r\n\r\n",        // two spaces
            "GET /hello HTTP/1.1 \r\n\r\n",        // trailing space
            " GET /hello HTTP/1.1\r\n\r\n",        // leading space
            "GET hello HTTP/1.1\r\n\r\n",          // target not starting with /
            "G(T /hello HTTP/1.1\r\n\r\n",         // method is not a token
            "GET /hello FTP/1.1\r\n\r\n",          // not HTTP at all
            "GET /h\u00e9llo HTTP/1.1\r\n\r\n",    // non-ASCII in the target
    })
    void refusesMalformedRequestLineWith400(String request) {
        assertStatus(400, request);
    }

    @Test
    void refusesGarbageAsSoonAsTheRequestLineIsIn() {
        // No blank line yet: a server that waited for one would hold the connection until a timeout.
        assertStatus(400, "GARBAGE\r\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "GET /hello HTTP/1.1\r\nHost example\r\n\r\n",                 // no colon
            "GET /hello HTTP/1.1\r\nHost : example\r\n\r\n",               // space before the colon
            "GET /hello HTTP/1.1\r\nX-A: one\r\n two\r\n\r\n",             // obs-fold
            "GET /hello HTTP/1.1\r\nX-A: one\r\n\ttwo: three\r\n\r\n",     // obs-fold that looks like a header
            "GET /hello HTTP/1.1\r\n: no name\r\n\r\n",                   // empty name
            "GET /hello HTTP/1.1\r\nBad Name: x\r\n\r\n",                 // space inside the name
            "GET /hello HTTP/1.1\r\nHost: h\nX-A: b\r\n\r\n",             // bare LF between headers
    })
    void refusesMalformedHeaderLineWith400(String request) {
        assertStatus(400, request);
    }

    @Test
    void refusesHeaderSectionThatNeverEndsWith431() {
        String request = "GET /hello HTTP/1.1\r\nX-Long: " + "a".repeat(LIMITS.maxHeaderBytes()) + "\r\n";

        assertStatus(431, request);
    }

    @Test
    void refusesRequestLineThatNeverEndsWith414() {
        assertStatus(414, "GET /" + "a".repeat(LIMITS.maxHeaderBytes()));
    }

    @Test
    void refusesRequestLineOverTheLimitWith414EvenWhenItEnds() {
        assertStatus(414, "GET /" + "a".repeat(LIMITS.maxHeaderBytes()) + " HTTP/1.1\r\nHost: h\r\n\r\n");
    }

    @Test
    void refusesHeaderSectionOverTheLimitWith431EvenWhenItEnds() {
        String request = "GET /hello HTTP/1.1\r\nX-Long: " + "a".repeat(LIMITS.maxHeaderBytes()) + "\r\n\r\n";

        assertStatus(431, request);
    }

    @Test
    void acceptsHeaderSectionOfExactlyTheLimit() throws HttpException {
        String start = "GET /hello HTTP/1.1\r\nHost: h\r\nX-Fill: ";
        String end = "\r\n\r\n";
        String fill = "a".repeat(LIMITS.maxHeaderBytes() - start.length() - end.length());

        assertNotNull(feedAndNext(start + fill + end), "exactly maxHeaderBytes is allowed");

        RequestDecoder oneOver = new RequestDecoder(LIMITS);
        feed(oneOver, ascii(start + fill + "a" + end));
        assertEquals(431, assertThrows(HttpException.class, oneOver::next).status());
    }

    @Test
    void refusesBodyOverTheLimitWith413BeforeItArrives() {
        // Refused on the Content-Length alone: no need to receive (and buffer) the body first.
        assertStatus(413, "POST /hello HTTP/1.1\r\nHost: h\r\nContent-Length: " + (LIMITS.maxBodyBytes() + 1) + "\r\n\r\n");
    }

    @Test
    void acceptsBodyOfExactlyTheLimit() throws HttpException {
        String body = "b".repeat(LIMITS.maxBodyBytes());

        HttpRequest request = feedAndNext("POST /hello HTTP/1.1\r\nHost: h\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        assertEquals(body.length(), request.body().length);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "Content-Length: 5\r\nContent-Length: 6\r\n",
            "Content-Length: 6\r\nContent-Length: 5\r\n",
            "Content-Length: 5, 6\r\n",
            "Content-Length: 5\r\nContent-Length: 5, 6\r\n",
    })
    void refusesConflictingContentLengthWith400(String headers) {
        assertStatus(400, "POST /hello HTTP/1.1\r\nHost: h\r\n" + headers + "\r\n12345");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Content-Length: 5\r\nContent-Length: 5\r\n", "Content-Length: 5, 5\r\n"})
    void acceptsRepeatedIdenticalContentLength(String headers) throws HttpException {
        HttpRequest request = feedAndNext("POST /hello HTTP/1.1\r\nHost: h\r\n" + headers + "\r\n12345");

        assertEquals("12345", new String(request.body(), StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "[{index}] Content-Length: ''{0}''")
    @ValueSource(strings = {"abc", "-1", "+5", "", "5 5", "0x10", "1e3", "5;"})
    void refusesNonNumericContentLengthWith400(String value) {
        assertStatus(400, "POST /hello HTTP/1.1\r\nHost: h\r\nContent-Length: " + value + "\r\n\r\n12345");
    }

    /** Chunked bodies are not implemented (501); with a Content-Length too, two framings at once are 400. */
    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @CsvSource(delimiter = '|', value = {
            "501 | Transfer-Encoding: chunked",
            "501 | transfer-encoding: gzip, chunked",
            "400 | Transfer-Encoding: chunked + Content-Length: 5",
            "400 | Content-Length: 5 + Transfer-Encoding: chunked",
    })
    void refusesTransferEncoding(int status, String headers) {
        String lines = headers.replace(" + ", "\r\n") + "\r\n"; // " + " between two header lines
        assertStatus(status, "POST /hello HTTP/1.1\r\nHost: h\r\n" + lines + "\r\n5\r\nhello\r\n0\r\n\r\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"HTTP/2.0", "HTTP/3.0", "HTTP/0.9"})
    void refusesOtherHttpMajorVersionsWith505(String version) {
        assertStatus(505, "GET /hello " + version + "\r\nHost: h\r\n\r\n");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"HTTP/1", "HTTP/3", "HTTP/1.1\r", "HTTP/1.10", "HTTP/1.x", "http/1.1", "HTTP/11"})
    void refusesMalformedVersionWith400(String version) {
        assertStatus(400, "GET /hello " + version + "\r\nHost: h\r\n\r\n");
    }

    @Test
    void answersALaterMinorVersionAsHttp11() throws HttpException {
        assertEquals("HTTP/1.1", feedAndNext("GET /hello HTTP/1.2\r\nHost: h\r\n\r\n").version());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "GET /hello HTTP/1.1\r\n\r\n",                              // no Host on HTTP/1.1
            "GET /hello HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n",         // two, even equal
            "GET /hello HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n",         // two on HTTP/1.0 too
            "GET /hello HTTP/1.1\r\nHost: a b\r\n\r\n",                  // space inside
            "GET /hello HTTP/1.1\r\nHost: a/b\r\n\r\n",                  // a path in it
            "GET /hello HTTP/1.1\r\nHost: a:80x\r\n\r\n",                // a port that is not digits
            "GET /hello HTTP/1.1\r\nHost: a@b\r\n\r\n",                  // userinfo
            "GET /hello HTTP/1.1\r\nHost: [::1\r\n\r\n",                 // unclosed IPv6 literal
    })
    void refusesMissingRepeatedOrInvalidHostWith400(String request) {
        assertStatus(400, request);
    }

    @ParameterizedTest(name = "[{index}] Host: ''{0}''")
    @ValueSource(strings = {"example.com", "example.com:8080", "127.0.0.1:80", "[::1]:8080", "[::1]", "", "xn--n3h.example"})
    void acceptsValidHost(String host) throws HttpException {
        assertEquals(host, feedAndNext("GET /hello HTTP/1.1\r\nHost: " + host + "\r\n\r\n").header("host"));
    }

    @Test
    void acceptsHttp10WithoutHost() throws HttpException {
        assertNotNull(feedAndNext("GET /hello HTTP/1.0\r\n\r\n"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} ? {2}")
    @CsvSource(delimiter = '|', value = {
            "http://x/hello          | /hello | ''",
            "HTTP://x:8080/cpu?seed=1 | /cpu   | seed=1",
            "https://x/hello         | /hello | ''",
            "http://x                | /      | ''",
            "http://x?a=b            | /      | a=b",
    })
    void routesAbsoluteFormTargetsByTheirPath(String target, String path, String query) throws HttpException {
        HttpRequest request = feedAndNext("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertEquals(path, request.path());
        assertEquals(query, request.query());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"ftp://x/hello", "http:///hello", "hello", "*"})
    void refusesOtherTargetFormsOnGetWith400(String target) {
        assertStatus(400, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @Test
    void readsAsteriskAndAuthorityFormsSoTheirMethodsCanBeRefused() throws HttpException {
        assertEquals("OPTIONS", feedAndNext("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").method());
        assertEquals("x:443", feedAndNext("CONNECT x:443 HTTP/1.1\r\nHost: x:443\r\n\r\n").path());
    }

    @Test
    void skipsEmptyLinesBeforeARequest() throws HttpException {
        feed("\r\n\r\n");
        assertNull(decoder.next());
        assertFalse(decoder.hasPartialRequest(), "the empty lines are consumed");

        HttpRequest request = feedAndNext("\r\nGET /hello HTTP/1.1\r\nHost: h\r\n\r\n");

        assertEquals("/hello", request.path());
    }

    @Test
    void refusesTooManyEmptyLinesWith400() {
        assertStatus(400, "\r\n".repeat(RequestDecoder.MAX_EMPTY_LINES + 1) + "GET /hello HTTP/1.1\r\nHost: h\r\n\r\n");
    }

    @Test
    void refusesBareLfInTheHeadersAtOnceBeforeTheSectionEnds() {
        // No empty line yet: a decoder that waited for CRLFCRLF would hold the connection until a timeout.
        assertStatus(400, "GET /hello HTTP/1.1\r\nHost: h\n");
    }

    @ParameterizedTest(name = "[{index}] 0x{0}")
    @ValueSource(ints = {0x00, 0x01, 0x0b, 0x0c, 0x0d, 0x1f, 0x7f})
    void refusesControlCharactersInHeaderValuesWith400(int control) {
        assertStatus(400, "GET /hello HTTP/1.1\r\nHost: h\r\nX-A: a" + (char) control + "b\r\n\r\n");
    }

    @ParameterizedTest(name = "[{index}] 0x{0}")
    @ValueSource(ints = {0x0b, 0x0c, 0x00, 0x0d})
    void neverReadsAContentLengthAfterAControlCharacter(int control) {
        assertStatus(400, "POST /hello HTTP/1.1\r\nHost: h\r\nContent-Length: " + (char) control + "5\r\n\r\n12345");
    }

    @Test
    void trimsOnlySpaceAndTabAndKeepsObsText() throws HttpException {
        HttpRequest request = feedAndNext("GET /hello HTTP/1.1\r\nHost: h\r\nX-A: \t caf\u00e9 \u00ff\t \r\n\r\n");

        assertEquals("caf\u00e9 \u00ff", request.header("x-a"), "obs-text (0x80-0xFF) is allowed in a value");
    }

    @Test
    void asksForContinueOnceWhileTheBodyIsAwaited() throws HttpException {
        feed("POST /hello HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 5\r\n\r\n");
        assertNull(decoder.next());
        assertTrue(decoder.takeContinue(), "the client waits for 100 Continue");
        assertNull(decoder.next());
        assertFalse(decoder.takeContinue(), "sent once");

        feed("12345");
        assertEquals("12345", new String(decoder.next().body(), StandardCharsets.US_ASCII));
        assertFalse(decoder.takeContinue());
    }

    @Test
    void needsNoContinueForARequestThatIsAlreadyWhole() throws HttpException {
        assertNotNull(feedAndNext("GET /hello HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n"));
        assertFalse(decoder.takeContinue());
    }

    @Test
    void ignoresExpectOnHttp10() throws HttpException {
        feed("POST /hello HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
        assertNull(decoder.next());
        assertFalse(decoder.takeContinue(), "RFC 9110 10.1.1: an HTTP/1.0 expectation is ignored");
    }

    @Test
    void refusesAContinueForABodyOverTheLimitWith413() {
        assertStatus(413, "POST /hello HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: "
                + (LIMITS.maxBodyBytes() + 1) + "\r\n\r\n");
    }

    @ParameterizedTest(name = "[{index}] Expect: {0}")
    @ValueSource(strings = {"200-ok", "100-continue, foo", "continue"})
    void refusesOtherExpectationsWith417(String expectation) {
        assertStatus(417, "GET /hello HTTP/1.1\r\nHost: h\r\nExpect: " + expectation + "\r\n\r\n");
    }

    private void assertStatus(int expected, String request) {
        feed(request);
        HttpException refused = assertThrows(HttpException.class, decoder::next,
                () -> "expected " + expected + " for " + request.replace("\r", "\\r").replace("\n", "\\n"));
        assertEquals(expected, refused.status(), refused.getMessage());
    }

    private HttpRequest feedAndNext(String request) throws HttpException {
        feed(request);
        return decoder.next();
    }

    private void feed(String text) {
        feed(decoder, ascii(text));
    }

    /** Puts bytes in as a transport would: into whatever room {@link RequestDecoder#writable()} gives. */
    private static void feed(RequestDecoder target, byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length) {
            ByteBuffer room = target.writable();
            int n = Math.min(room.remaining(), bytes.length - offset);
            room.put(bytes, offset, n);
            offset += n;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
