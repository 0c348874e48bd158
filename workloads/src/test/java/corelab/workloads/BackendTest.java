package corelab.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BackendTest {
    @Test
    void echoesEachTokenOnOneConnection() throws Exception {
        try (Backend backend = Backend.start("127.0.0.1", 0);
             Socket socket = new Socket("127.0.0.1", backend.port())) {
            socket.setSoTimeout(30_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            socket.getOutputStream().write(BackendProtocol.request(1, 42));
            assertEquals("42", Backend.readLine(in));
            socket.getOutputStream().write(BackendProtocol.request(0, -7));
            assertEquals("-7", Backend.readLine(in));
        }
    }

    @Test
    void aMalformedRequestEndsOnlyItsOwnConnection() throws Exception {
        try (Backend backend = Backend.start("127.0.0.1", 0)) {
            try (Socket bad = new Socket("127.0.0.1", backend.port())) {
                bad.setSoTimeout(30_000);
                bad.getOutputStream().write("not a request\n".getBytes(StandardCharsets.US_ASCII));
                assertNull(Backend.readLine(new BufferedInputStream(bad.getInputStream())));
            }
            try (BlockingBackendClient client = new BlockingBackendClient(backend.address())) {
                client.call(0, 5);
            }
        }
    }

    @Test
    void manyCallersWaitAtOnce() throws Exception {
        try (Backend backend = Backend.start("127.0.0.1", 0);
             BlockingBackendClient client = new BlockingBackendClient(backend.address());
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long token = i;
                calls.add(callers.submit(() -> {
                    client.call(5, token);
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get(); // any mixed-up token would have thrown
            }
        }
    }

    @Test
    void anUnreachableBackendIsAClearError() throws Exception {
        int port;
        try (Backend backend = Backend.start("127.0.0.1", 0)) {
            port = backend.port();
        }
        try (BlockingBackendClient client = new BlockingBackendClient(
                new java.net.InetSocketAddress("127.0.0.1", port))) {
            IOException e = assertThrows(IOException.class, () -> client.call(0, 1));
            assertEquals(true, e.getMessage().contains("cannot reach the io backend"), e.getMessage());
        }
    }
}
