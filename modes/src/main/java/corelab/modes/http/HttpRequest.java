package corelab.modes.http;

import java.util.Map;

/**
 * One parsed request. Header names are lower-cased; {@code query} is the raw text after
 * {@code ?} (or empty), and {@code keepAlive} already applies the HTTP/1.0 and 1.1 rules.
 */
public record HttpRequest(String method, String path, String query, String version,
                          Map<String, String> headers, byte[] body, boolean keepAlive) {

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
