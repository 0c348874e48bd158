package corelab.modes.http.conformance;

import static corelab.modes.http.conformance.ConformanceServer.MAX_HEADER_BYTES;
import static corelab.modes.http.conformance.ConformanceServer.closes;
import static corelab.modes.http.conformance.ConformanceServer.keeps;

import corelab.modes.http.conformance.ConformanceServer.Case;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * RFC 9112 2 and 3: the request line. Absolute-form targets are accepted (3.2.2), a target
 * over the limit is 414, the version is checked (2.3: malformed 400, another major 505), a
 * bare LF is refused at once rather than waited on (2.2), and empty lines before a request
 * are skipped (2.2).
 */
class RequestLineConformanceTest extends CaseConformance {
    @Override
    List<Case> cases() {
        return List.of(
                keeps("absolute form", "GET http://t/hello HTTP/1.1\r\nHost: t\r\n\r\n", 200),
                keeps("absolute form with a port and a query", "GET http://t:8080/cpu?seed=3 HTTP/1.1\r\nHost: t\r\n\r\n",
                        200),
                keeps("empty lines before the request", "\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n", 200),
                keeps("HTTP/1.0", "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", 200),
                closes("target over the limit", "GET /" + "a".repeat(MAX_HEADER_BYTES + 10) + " HTTP/1.1\r\nHost: t\r\n\r\n",
                        414),
                closes("target over the limit, line unfinished", "GET /" + "a".repeat(MAX_HEADER_BYTES + 10), 414),
                closes("HTTP/1", "GET /hello HTTP/1\r\nHost: t\r\n\r\n", 400),
                closes("CR inside the version", "GET /hello HTTP/1.1\r\r\nHost: t\r\n\r\n", 400),
                closes("lower-case version", "GET /hello http/1.1\r\nHost: t\r\n\r\n", 400),
                closes("HTTP/2.0", "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n", 505),
                closes("HTTP/3.0", "GET /hello HTTP/3.0\r\nHost: t\r\n\r\n", 505),
                closes("bare LF ending the request line", "GET /hello HTTP/1.1\nHost: t\r\n\r\n", 400),
                // No empty line follows: a server that waited for one would hang until its idle timeout.
                closes("bare LF ending a header line", "GET /hello HTTP/1.1\r\nHost: t\n", 400),
                closes("bare LF ending the header section", "GET /hello HTTP/1.1\r\nHost: t\r\n\n", 400),
                closes("too many empty lines", "\r\n".repeat(20) + "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n", 400),
                closes("target in another scheme", "GET ftp://t/hello HTTP/1.1\r\nHost: t\r\n\r\n", 400));
    }
}
