package corelab.modes.http.conformance;

import static corelab.modes.http.conformance.ConformanceServer.NO_ANSWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import corelab.modes.http.conformance.ConformanceServer.Case;
import corelab.modes.options.Balance;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The conformance cases behind {@code -Dbalance=nginx}: Debian's nginx parses each request
 * first and answers some itself, in its own words. Every case where its answer differs from
 * the workers' is in {@link #NGINX_ANSWERS}, with the reason (the README's table says the same);
 * every other case must be answered as the in-process modes answer it.
 */
@Tag("slow")
class NginxConformanceTest extends FrontConformance {
    /** What nginx answers where it differs from the workers, by case name. */
    static final Map<String, NginxAnswer> NGINX_ANSWERS = Map.ofEntries(
            // nginx's parser: a target starts with '/' or a scheme; then 400, which closes (as every 400 of nginx's).
            Map.entry("OPTIONS *", new NginxAnswer(400, true, "nginx refuses the asterisk form")),
            Map.entry("CONNECT", new NginxAnswer(400, true, "nginx refuses the authority form")),
            Map.entry("lower-case get is another method",
                    new NginxAnswer(400, true, "nginx takes only A-Z and _ in a method")),
            // nginx answers TRACE itself, before proxying, without Allow, and closes (it does not read a body of TRACE).
            Map.entry("TRACE", new NginxAnswer(405, true, false, "nginx refuses TRACE itself, without Allow, and closes")),
            // The target fits nginx's buffers (8 KB): the worker's 414 comes back, and nginx, which read the
            // request whole, keeps its client's connection.
            Map.entry("target over the limit", new NginxAnswer(414, false, "nginx read it whole: in step")),
            // nginx waits for the line end until client_header_timeout, then closes without a word.
            Map.entry("target over the limit, line unfinished",
                    new NginxAnswer(NO_ANSWER, true, "nginx waits for the line end, then closes silently")),
            Map.entry("bare LF ending a header line",
                    new NginxAnswer(NO_ANSWER, true, "nginx takes LF as a line end and waits for the empty line")),
            // nginx takes a bare LF as a line end (RFC 9112 2.2 allows a recipient to) and forwards with CRLF.
            Map.entry("bare LF ending the request line", new NginxAnswer(200, false, "nginx takes LF as a line end")),
            Map.entry("bare LF ending the header section", new NginxAnswer(200, false, "nginx takes LF as a line end")),
            Map.entry("too many empty lines", new NginxAnswer(200, false, "nginx skips any number of empty lines")),
            Map.entry("target in another scheme",
                    new NginxAnswer(200, false, "nginx accepts any scheme and forwards the path only")),
            Map.entry("empty Host", new NginxAnswer(400, true, "nginx refuses an empty Host")),
            // nginx looks for "close" anywhere in the value (a substring, not a token).
            Map.entry("Connection: x-close-hint does not close",
                    new NginxAnswer(200, true, "nginx finds 'close' as a substring")),
            // nginx reads the chunked body and forwards it with a Content-Length: the worker's 405 for POST.
            Map.entry("chunked body", new NginxAnswer(405, false, "nginx de-chunks the body for the worker")),
            // nginx never forwards Expect, and ignores expectations other than 100-continue (RFC 9110 10.1.1: MAY 417).
            Map.entry("another expectation", new NginxAnswer(200, false, "nginx ignores other expectations")));

    /** nginx's answer to a case: status (or {@link ConformanceServer#NO_ANSWER}), and why it differs. */
    record NginxAnswer(int status, boolean closes, boolean allows, String why) {
        NginxAnswer(int status, boolean closes, String why) {
            this(status, closes, true, why);
        }
    }

    @Override
    Balance balance() {
        return Balance.NGINX;
    }

    @Override
    Case behindThisFront(Case c) {
        NginxAnswer answer = NGINX_ANSWERS.get(c.name());
        return answer == null ? c
                : new Case(c.name() + " (" + answer.why() + ")", c.request(), answer.status(), answer.closes(),
                        answer.allows());
    }

    /**
     * nginx answers the 413 itself (client_max_body_size) and then lingers by time only
     * ({@code lingering_time}, 30 s by default, {@code lingering_timeout} 5 s between reads), with
     * no bound in bytes: it drains all of what a fast client sends, where the workers stop at 64 KB.
     */
    @Override
    @Test
    void lingersForABoundedNumberOfBytes() throws IOException {
        assertNull(ResponseConformanceTest.sendAfterAnError(clusterAddress()),
                "nginx stopped draining: its lingering close has a bound in bytes after all");
    }

    @Test
    void everyNginxAnswerNamesACase() {
        Set<String> names = rfcCases().stream().map(Case::name).collect(Collectors.toSet());
        assertEquals(Set.of(), NGINX_ANSWERS.keySet().stream().filter(n -> !names.contains(n))
                .collect(Collectors.toSet()), "answers for cases that do not exist (renamed?)");
    }
}
