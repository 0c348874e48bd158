package corelab.modes.http;

import java.util.Locale;

/**
 * A checked request line (RFC 9112 3): method, target split into path and query, and the
 * version. The target may be in origin form ({@code /hello?x}), absolute form
 * ({@code http://host/hello}, which a server MUST accept, RFC 9112 3.2.2; routed by its
 * path), {@code *} for OPTIONS or an authority for CONNECT (both then refused by
 * {@link Methods}, but as 405, not as garbage).
 */
record RequestLine(String method, String path, String query, String version) {
    static final String HTTP_1_0 = "HTTP/1.0";
    static final String HTTP_1_1 = "HTTP/1.1";

    static RequestLine parse(String line) throws HttpException {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3) {
            throw new HttpException(400, "malformed request line '" + RequestDecoder.printable(line) + "'");
        }
        String method = parts[0];
        if (method.isEmpty() || !RequestDecoder.isToken(method)) {
            throw new HttpException(400, "malformed method '" + RequestDecoder.printable(method) + "'");
        }
        String version = version(parts[2]);
        String target = parts[1];
        if (target.isEmpty() || !isVisible(target)) {
            throw new HttpException(400, "malformed request target '" + RequestDecoder.printable(target) + "'");
        }
        String pathAndQuery = pathAndQuery(method, target);
        int question = pathAndQuery.indexOf('?');
        return question < 0
                ? new RequestLine(method, pathAndQuery, "", version)
                : new RequestLine(method, pathAndQuery.substring(0, question), pathAndQuery.substring(question + 1),
                        version);
    }

    /**
     * {@code HTTP/} DIGIT {@code .} DIGIT, or 400 (RFC 9112 2.3); a major other than 1 is
     * well formed but not served: 505. A later 1.x minor is answered as 1.1 (RFC 9110 6.2).
     */
    private static String version(String version) throws HttpException {
        if (version.length() != 8 || !version.startsWith("HTTP/") || !isDigit(version.charAt(5))
                || version.charAt(6) != '.' || !isDigit(version.charAt(7))) {
            throw new HttpException(400, "malformed HTTP version '" + RequestDecoder.printable(version) + "'");
        }
        if (version.charAt(5) != '1') {
            throw new HttpException(505, "only HTTP/1.0 and HTTP/1.1 are served, not " + version);
        }
        return version.equals(HTTP_1_0) ? HTTP_1_0 : HTTP_1_1;
    }

    private static String pathAndQuery(String method, String target) throws HttpException {
        if (target.startsWith("/")) {
            return target;
        }
        String lower = target.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"http://", "https://"}) {
            if (lower.startsWith(scheme)) {
                int authorityEnd = firstOf(target, scheme.length(), "/?");
                if (authorityEnd == scheme.length()) {
                    throw new HttpException(400, "absolute target without a host '"
                            + RequestDecoder.printable(target) + "'");
                }
                String rest = target.substring(authorityEnd);
                return rest.startsWith("/") ? rest : "/" + rest; // "http://x?q" is "/?q"
            }
        }
        if ((target.equals("*") && method.equals("OPTIONS")) || method.equals("CONNECT")) {
            return target;
        }
        throw new HttpException(400, "malformed request target '" + RequestDecoder.printable(target) + "'");
    }

    private static int firstOf(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isVisible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
