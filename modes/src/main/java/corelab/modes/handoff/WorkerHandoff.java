package corelab.modes.handoff;

import corelab.modes.server.ModeServer;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A worker's side of the hand-off: it connects to the Unix socket its primary named in
 * {@link #SOCKET_ENV}, checks with {@code SO_PEERCRED} that the process at the other end is
 * its parent, and then either receives the one listening socket every worker accepts from
 * ({@code shared}) or, for as long as the primary lives, one accepted connection after
 * another ({@code rr}), each answered with {@link #ACCEPTED} or {@link #REFUSED}, as a Node.js
 * worker answers {@code newconn}.
 */
public final class WorkerHandoff {
    /** The environment variable that names the primary's Unix socket in the abstract namespace. */
    public static final String SOCKET_ENV = "CORELAB_HANDOFF_SOCKET";
    /** The worker serves the connection: the primary closes its copy. */
    public static final byte ACCEPTED = 1;
    /** The worker is stopping: the primary deals the connection to another. */
    public static final byte REFUSED = 0;

    private WorkerHandoff() {
    }

    /** {@code shared}: the listening socket, once; the connection to the primary is closed after. */
    public static ServerSocketChannel receiveListener() throws IOException {
        checkAdoption();
        int link = connectToParent();
        try {
            int fd = NativeSockets.receiveDescriptor(link);
            if (fd < 0) {
                throw new IOException("the primary closed the hand-off socket before it sent the listening socket");
            }
            return ChannelAdoption.listener(fd);
        } finally {
            NativeSockets.close(link);
        }
    }

    /**
     * {@code rr}: connects now, then receives connections on a platform thread (each receive
     * is a native call, which would pin a virtual thread's carrier) until the primary closes.
     */
    public static void receiveConnections(ModeServer adopter) throws IOException {
        checkAdoption();
        int link = connectToParent();
        Thread.ofPlatform().daemon(true).name("corelab-handoff").start(() -> receive(link, adopter));
    }

    private static void receive(int link, ModeServer adopter) {
        try {
            while (true) {
                int fd = NativeSockets.receiveDescriptor(link);
                if (fd < 0) {
                    return; // the primary is gone; the stdin lifeline ends this process
                }
                if (!adopter.accepting()) {
                    // Closed before any channel wraps it: a channel's close would shut the
                    // connection down for the worker the primary deals it to next.
                    NativeSockets.close(fd);
                    NativeSockets.sendByte(link, REFUSED);
                    continue;
                }
                SocketChannel connection;
                try {
                    connection = ChannelAdoption.socket(fd);
                } catch (IOException e) {
                    NativeSockets.close(fd); // the client left already: nothing to deal on
                    NativeSockets.sendByte(link, ACCEPTED);
                    continue;
                }
                adopter.adopt(connection);
                NativeSockets.sendByte(link, ACCEPTED);
            }
        } catch (IOException e) {
            System.out.println("corelab: the hand-off from the primary failed: " + e.getMessage());
        } finally {
            NativeSockets.close(link);
        }
    }

    /** Once, before anything is received: a JVM that cannot adopt refuses with one message. */
    private static void checkAdoption() throws IOException {
        try {
            ChannelAdoption.check();
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static int connectToParent() throws IOException {
        String name = System.getenv(SOCKET_ENV);
        if (name == null || name.isEmpty()) {
            throw new IOException("this worker was started without " + SOCKET_ENV
                    + ": -Dbalance=rr and shared workers are started by their primary");
        }
        int link = NativeSockets.connectSeqpacket(name);
        try {
            long peer = NativeSockets.peer(link).pid();
            long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
            if (peer != parent) {
                throw new IOException("the hand-off socket " + name + " belongs to pid " + peer
                        + ", not to this worker's primary (pid " + parent + ")");
            }
            return link;
        } catch (IOException | RuntimeException e) {
            NativeSockets.close(link);
            throw e;
        }
    }
}
