package corelab.modes.http;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An {@link Error} that escapes an event loop halts the process (see {@link Halt}); here the
 * halt is injected, so the test JVM sees it instead of dying.
 */
class EventLoopHaltTest {
    @Test
    void anErrorOnTheLoopHaltsWithAClearMessage() throws Exception {
        CompletableFuture<String> message = new CompletableFuture<>();
        CompletableFuture<Error> cause = new CompletableFuture<>();
        try (EventLoop loop = new EventLoop("corelab-halt-test", (why, error) -> {
            cause.complete(error);
            message.complete(why);
        }).start()) {
            loop.execute(() -> {
                throw new OutOfMemoryError("test: no memory left");
            });

            String why = message.get(10, TimeUnit.SECONDS);
            assertInstanceOf(OutOfMemoryError.class, cause.get(10, TimeUnit.SECONDS));
            assertTrue(why.contains("corelab-halt-test") && why.contains("OutOfMemoryError")
                    && why.contains("halting"), why);
        }
    }

    @Test
    void anExceptionInATaskLeavesTheLoopRunning() throws Exception {
        CompletableFuture<String> halted = new CompletableFuture<>();
        try (EventLoop loop = new EventLoop("corelab-halt-test", (why, error) -> halted.complete(why)).start()) {
            loop.execute(() -> {
                throw new IllegalStateException("test: a bug in one task");
            });
            CompletableFuture<Boolean> after = new CompletableFuture<>();
            loop.execute(() -> after.complete(true));

            assertTrue(after.get(10, TimeUnit.SECONDS), "the loop stopped after a task's exception");
            assertTrue(!halted.isDone(), "an exception is not an Error: no halt");
        }
    }
}
