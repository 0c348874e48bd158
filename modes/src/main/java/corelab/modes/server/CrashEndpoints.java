package corelab.modes.server;

import corelab.modes.http.HttpResponse;
import corelab.modes.options.ServerOptions;
import corelab.modes.wire.ReadyLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@code /crash/throw} and {@code /crash/exit}, the fault labs' endpoints: off (404) unless
 * {@code crashEndpoints=true}, and then only with this run's secret as {@code ?secret=}. A plain
 * GET that kills a server is one any web page open in a browser on this machine could send
 * (an image tag will do); a secret the page cannot know stops that (403).
 */
public final class CrashEndpoints {
    public static final String THROW_PATH = "/crash/throw";
    public static final String EXIT_PATH = "/crash/exit";
    /** What {@code /crash/exit} exits with: EX_SOFTWARE, "an internal software error". */
    public static final int EXIT_CODE = 70;
    private static final String SECRET_PARAMETER = "secret";
    private static final int SECRET_BYTES = 16;

    private final boolean on;
    private final byte[] secret;

    CrashEndpoints(ServerOptions options) {
        this.on = options.crashEndpoints();
        this.secret = options.crashSecret().getBytes(StandardCharsets.US_ASCII);
    }

    /** A new secret: 128 random bits in hex. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The request target that fires {@code path} ({@link #THROW_PATH} or {@link #EXIT_PATH}) with {@code secret}. */
    public static String target(String path, String secret) {
        return path + "?" + SECRET_PARAMETER + "=" + secret;
    }

    /** Answers a request for one of the two paths, or throws or exits, as asked. */
    HttpResponse answer(String path, String query) {
        if (!on) {
            return HttpResponse.refusal(404, "the crash endpoints are off; start with crashEndpoints=true");
        }
        if (secret.length == 0 || !MessageDigest.isEqual(secret, givenSecret(query))) {
            return HttpResponse.refusal(403, path + " needs ?" + SECRET_PARAMETER
                    + "= with this run's secret, printed at start-up (" + ReadyLine.CRASH_SECRET + "= in the ready line)");
        }
        if (path.equals(EXIT_PATH)) {
            // A process that dies takes every request in flight with it; in a cluster,
            // only this worker's, and the primary starts another.
            Runtime.getRuntime().halt(EXIT_CODE);
        }
        // An exception in a handler fails this one request (500); the server goes on.
        throw new IllegalStateException(THROW_PATH + " was asked to fail");
    }

    private static byte[] givenSecret(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(SECRET_PARAMETER + "=")) {
                    return pair.substring(SECRET_PARAMETER.length() + 1).getBytes(StandardCharsets.US_ASCII);
                }
            }
        }
        return new byte[0];
    }
}
