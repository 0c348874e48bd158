package corelab.modes.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LinePumpTest {
    /** Only an upper bound: the pump reads a few bytes from memory. */
    private static final long WAIT_SECONDS = 60;

    @Test
    void eachLineArrivesInOrderAndTheEndComesAfterTheLast() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<List<String>> atEnd = new CompletableFuture<>();
        LinePump.start("test-pump", utf8("one\nzwei \u00fc\n\nlast without a break"), lines::add,
                () -> atEnd.complete(List.copyOf(lines)));
        assertEquals(List.of("one", "zwei \u00fc", "", "last without a break"),
                atEnd.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aBrokenPipeEndsTheReadingAsItsEndDoes() throws Exception {
        InputStream breaks = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("broken pipe");
            }
        };
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<List<String>> atEnd = new CompletableFuture<>();
        LinePump.start("test-pump", new SequenceInputStream(utf8("before\n"), breaks), lines::add,
                () -> atEnd.complete(List.copyOf(lines)));
        assertEquals(List.of("before"), atEnd.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
