package corelab.modes.http;

import java.util.concurrent.CompletionStage;

/**
 * Turns a request into a response. A handler that finishes at once returns a completed
 * stage; one that waits (on a backend, on a worker pool) completes it later, from
 * whatever thread the wait ends on. The transport takes it from there.
 */
@FunctionalInterface
public interface Handler {
    CompletionStage<HttpResponse> handle(HttpRequest request);
}
