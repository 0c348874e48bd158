package corelab.modes.http;

import java.util.Locale;

/** What the decoder checks in header values, each rule from RFC 9110/9112 in one place. */
final class HeaderRules {
    private HeaderRules() {
    }

    /**
     * A field value with only SP and HTAB trimmed around it (RFC 9110 5.5), or null if it
     * holds a control character other than HTAB (CR, LF, NUL, VT, DEL ...). obs-text
     * (0x80-0xFF, here as ISO-8859-1 chars) is allowed, as the RFC allows it.
     */
    static String fieldValue(String raw) {
        int from = 0;
        int to = raw.length();
        for (int i = 0; i < to; i++) {
            char c = raw.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f) {
                return null;
            }
        }
        while (from < to && isBlank(raw.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(raw.charAt(to - 1))) {
            to--;
        }
        return raw.substring(from, to);
    }

    /**
     * RFC 9112 3.2: an HTTP/1.1 request without Host, and any request with an invalid one,
     * gets 400 (a repeated Host is refused while the headers are read). Host is
     * {@code uri-host [":" port]}; an empty value is allowed.
     */
    static void checkHost(String version, String host) throws HttpException {
        if (host == null) {
            if (version.equals(RequestLine.HTTP_1_1)) {
                throw new HttpException(400, "an HTTP/1.1 request needs a Host header");
            }
            return;
        }
        if (!validHost(host)) {
            throw new HttpException(400, "invalid Host '" + RequestDecoder.printable(host) + "'");
        }
    }

    private static boolean validHost(String host) {
        int portColon;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || !host.substring(1, close).chars().allMatch(c -> isHex(c) || c == ':' || c == '.')) {
                return false;
            }
            portColon = close + 1;
            if (portColon < host.length() && host.charAt(portColon) != ':') {
                return false;
            }
        } else {
            portColon = host.indexOf(':');
            if (portColon < 0) {
                portColon = host.length();
            }
            // reg-name or IPv4: unreserved, pct-encoded and sub-delims (RFC 3986 3.2.2).
            for (int i = 0; i < portColon; i++) {
                char c = host.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || "-._~%!$&'()*+,;=".indexOf(c) >= 0;
                if (!ok) {
                    return false;
                }
            }
        }
        for (int i = portColon + 1; i < host.length(); i++) {
            if (host.charAt(i) < '0' || host.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code Connection} as a comma-separated list of case-insensitive tokens (RFC 9110 7.6.1):
     * HTTP/1.1 stays open unless {@code close} is among them; HTTP/1.0 only with
     * {@code keep-alive} and no {@code close}. {@code x-close-hint} is neither.
     */
    static boolean keepAlive(boolean http11, String connection) {
        boolean close = false;
        boolean keepAlive = false;
        if (connection != null) {
            for (String option : connection.split(",", -1)) {
                String token = option.strip().toLowerCase(Locale.ROOT);
                close |= token.equals("close");
                keepAlive |= token.equals("keep-alive");
            }
        }
        return !close && (http11 || keepAlive);
    }

    /**
     * True when the client waits for {@code 100 Continue} before its body (RFC 9110 10.1.1);
     * an HTTP/1.0 request's expectation is ignored, as the RFC says; any expectation other
     * than {@code 100-continue} gets 417.
     */
    static boolean expectsContinue(boolean http11, String expect) throws HttpException {
        if (expect == null || !http11) {
            return false;
        }
        if (!expect.equalsIgnoreCase("100-continue")) {
            throw new HttpException(417, "only the expectation 100-continue is met, not '"
                    + RequestDecoder.printable(expect) + "'");
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
