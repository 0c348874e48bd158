package corelab.modes.http.conformance;

import static corelab.modes.http.conformance.ConformanceServer.closes;
import static corelab.modes.http.conformance.ConformanceServer.keeps;

import corelab.modes.http.conformance.ConformanceServer.Case;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * RFC 9112 3.2 (Host), RFC 9110 5.5 (field values: no control characters, only SP and HTAB
 * trimmed, obs-text allowed), RFC 9110 7.6.1 ({@code Connection} as a token list), and the
 * framings a request smuggler plays with (RFC 9112 6.3), which never reach a handler.
 */
class HeaderConformanceTest extends CaseConformance {
    @Override
    List<Case> cases() {
        return List.of(
                closes("no Host on HTTP/1.1", "GET /hello HTTP/1.1\r\n\r\n", 400),
                closes("two Hosts", "GET /hello HTTP/1.1\r\nHost: t\r\nHost: t\r\n\r\n", 400),
                closes("invalid Host", "GET /hello HTTP/1.1\r\nHost: t/x\r\n\r\n", 400),
                keeps("empty Host", "GET /hello HTTP/1.1\r\nHost:\r\n\r\n", 200),
                keeps("no Host on HTTP/1.0", "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", 200),
                closes("CR in a value", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\rb\r\n\r\n", 400),
                closes("NUL in a value", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\u0000b\r\n\r\n", 400),
                closes("vertical tab before Content-Length's digits",
                        "GET /hello HTTP/1.1\r\nHost: t\r\nContent-Length: \u000b5\r\n\r\n12345", 400),
                keeps("obs-text and tabs in a value", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A:\t caf\u00e9\t\r\n\r\n", 200),
                keeps("Connection: x-close-hint does not close",
                        "GET /hello HTTP/1.1\r\nHost: t\r\nConnection: x-close-hint\r\n\r\n", 200),
                closes("Connection: keep-alive, close closes",
                        "GET /hello HTTP/1.1\r\nHost: t\r\nConnection: keep-alive, close\r\n\r\n", 200),
                closes("Content-Length with Transfer-Encoding",
                        "POST /hello HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "0\r\n\r\n", 400),
                closes("differing Content-Lengths",
                        "POST /hello HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n123456", 400),
                closes("chunked body", "POST /hello HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5\r\nhello\r\n0\r\n\r\n", 501));
    }
}
