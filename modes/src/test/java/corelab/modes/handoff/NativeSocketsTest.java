package corelab.modes.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The native calls on real sockets: a descriptor crosses a Unix socket between two threads and still works. */
class NativeSocketsTest {
    private static String uniqueName() {
        return "corelab-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @Test
    void aDescriptorSentOverSeqpacketIsTheSameConnection() throws Exception {
        String name = uniqueName();
        int unixListener = NativeSockets.listenSeqpacket(name);
        int tcpListener = NativeSockets.listenTcp("127.0.0.1", 0, 16);
        try (Socket client = new Socket()) {
            CompletableFuture<Integer> receiverSide = CompletableFuture.supplyAsync(() -> {
                try {
                    return NativeSockets.connectSeqpacket(name);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            int senderSide = NativeSockets.accept(unixListener);
            int receiver = receiverSide.get(10, TimeUnit.SECONDS);
            client.connect(NativeSockets.localAddress(tcpListener));
            int accepted = NativeSockets.accept(tcpListener);
            assertEquals(client.getLocalPort(), NativeSockets.remoteAddress(accepted).getPort());

            NativeSockets.sendDescriptor(senderSide, accepted);
            NativeSockets.close(accepted); // the sender's copy; the receiver's keeps the connection open
            int received = NativeSockets.receiveDescriptor(receiver);

            try (var channel = ChannelAdoption.socket(received)) {
                assertEquals(new InetSocketAddress(client.getLocalAddress(), client.getLocalPort()),
                        channel.getRemoteAddress());
                client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                var buffer = java.nio.ByteBuffer.allocate(4);
                while (buffer.hasRemaining()) {
                    channel.read(buffer);
                }
                assertEquals("ping", new String(buffer.array(), StandardCharsets.US_ASCII));
                channel.write(java.nio.ByteBuffer.wrap("pong".getBytes(StandardCharsets.US_ASCII)));
                assertEquals("pong", new String(client.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));
            }
            assertEquals(-1, client.getInputStream().read(), "closing the adopted channel closes the connection");

            NativeSockets.close(senderSide);
            assertEquals(-1, NativeSockets.receiveDescriptor(receiver), "the sender closed: end of stream");
            NativeSockets.close(receiver);
        } finally {
            NativeSockets.close(unixListener);
            NativeSockets.close(tcpListener);
        }
    }

    @Test
    void peerCredentialsNameThisProcess() throws Exception {
        String name = uniqueName();
        int listener = NativeSockets.listenSeqpacket(name);
        try {
            int client = NativeSockets.connectSeqpacket(name);
            int server = NativeSockets.accept(listener);
            NativeSockets.PeerCredentials peer = NativeSockets.peer(server);
            assertEquals(ProcessHandle.current().pid(), peer.pid());
            NativeSockets.close(client);
            NativeSockets.close(server);
        } finally {
            NativeSockets.close(listener);
        }
    }

    @Test
    void anAdoptedListenerAccepts() throws Exception {
        int fd = NativeSockets.listenTcp("127.0.0.1", 0, 16);
        try (var listener = ChannelAdoption.listener(fd); Socket client = new Socket()) {
            InetSocketAddress address = (InetSocketAddress) listener.getLocalAddress();
            client.connect(new InetSocketAddress("127.0.0.1", address.getPort()));
            try (var accepted = listener.accept()) {
                accepted.write(java.nio.ByteBuffer.wrap(new byte[] {42}));
                InputStream in = client.getInputStream();
                assertEquals(42, in.read());
            }
        }
    }

    @Test
    void aBusyPortIsABindException() throws Exception {
        int fd = NativeSockets.listenTcp("127.0.0.1", 0, 16);
        try {
            int port = NativeSockets.localAddress(fd).getPort();
            assertThrows(BindException.class, () -> NativeSockets.listenTcp("127.0.0.1", port, 16));
        } finally {
            NativeSockets.close(fd);
        }
    }

    @Test
    void shutdownWakesABlockedAccept() throws Exception {
        int fd = NativeSockets.listenTcp("127.0.0.1", 0, 16);
        CompletableFuture<Throwable> accepting = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                NativeSockets.accept(fd);
                accepting.complete(null);
            } catch (IOException e) {
                accepting.complete(e);
            }
        });
        Thread.sleep(200); // let it block; if it has not yet, accept fails at once all the same
        NativeSockets.shutdown(fd);
        assertTrue(accepting.get(10, TimeUnit.SECONDS) instanceof IOException);
        NativeSockets.close(fd);
    }
}
