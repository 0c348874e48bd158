package corelab.modes.http;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What both transports do around a handler: call it safely, and put its answer on the wire. */
final class Exchanges {
    private Exchanges() {
    }

    /**
     * Calls the handler for GET and HEAD (the handler answers HEAD as GET; {@link #encode}
     * leaves the body out), and refuses every other method without calling it. A handler
     * that throws fails this one request with a 500, nothing more.
     */
    static CompletionStage<HttpResponse> call(Handler handler, HttpRequest request) {
        HttpResponse refused = Methods.refusal(request.method());
        if (refused != null) {
            return CompletableFuture.completedFuture(refused);
        }
        try {
            CompletionStage<HttpResponse> stage = handler.handle(request);
            return stage != null ? stage : CompletableFuture.completedFuture(
                    HttpResponse.error(500, "the handler gave no answer"));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
    }

    static HttpResponse failure(Throwable error) {
        Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException
                ? error.getCause() : error;
        return HttpResponse.error(500, cause.getClass().getSimpleName()
                + (cause.getMessage() != null ? ": " + cause.getMessage() : ""));
    }

    /** The response as sent for this request: closing when either side asked for it. */
    static ByteBuffer encode(HttpRequest request, HttpResponse response) {
        boolean close = response.close() || !request.keepAlive();
        HttpResponse sent = close ? response.closing() : response;
        return sent.encode(!close && request.version().equals(RequestLine.HTTP_1_0),
                request.method().equals(Methods.HEAD));
    }

    static boolean closesAfter(HttpRequest request, HttpResponse response) {
        return response.close() || !request.keepAlive();
    }
}
