package corelab.modes.http;

import java.util.Set;

/**
 * Which methods the core serves, decided once for every mode: GET, and HEAD as GET without
 * the body (RFC 9110 9.3.2). The other methods RFC 9110 defines (and PATCH) are known but
 * not served: 405 with {@code Allow}; any other method is unknown: 501 (RFC 9110 9.1).
 * Both answers come after the whole request was read, so the connection stays usable.
 */
final class Methods {
    static final String GET = "GET";
    static final String HEAD = "HEAD";
    /** The {@code Allow} value every 405 carries (RFC 9110 15.5.6). */
    static final String ALLOWED = "GET, HEAD";
    private static final Set<String> KNOWN_NOT_SERVED =
            Set.of("POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private Methods() {
    }

    /** The refusal for a method the handlers never see, or null for GET and HEAD. */
    static HttpResponse refusal(String method) {
        if (method.equals(GET) || method.equals(HEAD)) {
            return null;
        }
        if (KNOWN_NOT_SERVED.contains(method)) {
            return HttpResponse.refusal(405, "only " + ALLOWED + " are served, not " + method);
        }
        return HttpResponse.refusal(501, "unknown method " + RequestDecoder.printable(method));
    }
}
