package corelab.modes.handoff;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.List;

/**
 * Makes a descriptor received from the primary into a {@code java.nio} channel that the
 * worker's mode serves like one it accepted itself: a selector can register it, a virtual
 * thread can block on it. The JDK has no public way to do that, but its own
 * {@code System.inheritedChannel()} does exactly this with the package-private constructors of
 * {@code sun.nio.ch.SocketChannelImpl} and {@code ServerSocketChannelImpl} (JDK 25), so the
 * worker calls them too. That needs {@link #JVM_FLAGS} on the worker's JVM, which corelab
 * starts itself; {@link #check()} runs once at start-up so that a JDK without those
 * constructors refuses {@code rr} and {@code shared} with one message.
 *
 * <p>What the channel believes is what the descriptor is: blocking (accept4 and SCM_RIGHTS
 * keep it so) until the mode makes it non-blocking. Under {@code shared} that flag lives on
 * the one open file description every worker holds, so one worker's non-blocking listener is
 * every worker's; the JDK's blocking accept polls when it meets one, so either way works.
 * {@code ServerSocketChannelImpl} labels an adopted listener INET6 whenever IPv6 is
 * available, as it labels an inherited one; the label matters only for IP_TOS and multicast
 * options, which corelab does not set.
 */
public final class ChannelAdoption {
    /** The flags a worker JVM needs to adopt descriptors. */
    public static final List<String> JVM_FLAGS = List.of("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");

    private static final String MISSING = "-Dbalance=rr and -Dbalance=shared hand sockets to workers, which adopt"
            + " them through the JDK's sun.nio.ch channel constructors; this JVM does not give access to them (%s):"
            + " use another balance, or a JDK 25 whose worker JVMs run with " + JVM_FLAGS;

    private static volatile Access access;

    private record Access(Method newFd, Constructor<?> socketChannel, Constructor<?> serverSocketChannel) {
    }

    private ChannelAdoption() {
    }

    /** Looks the constructors up once; an {@link IllegalStateException} with one message if they are out of reach. */
    public static void check() {
        access();
    }

    private static Access access() {
        Access found = access;
        if (found != null) {
            return found;
        }
        try {
            Method newFd = Class.forName("sun.nio.ch.IOUtil").getMethod("newFD", int.class);
            Constructor<?> socket = Class.forName("sun.nio.ch.SocketChannelImpl").getDeclaredConstructor(
                    SelectorProvider.class, ProtocolFamily.class, FileDescriptor.class, SocketAddress.class);
            Constructor<?> server = Class.forName("sun.nio.ch.ServerSocketChannelImpl").getDeclaredConstructor(
                    SelectorProvider.class, ProtocolFamily.class, FileDescriptor.class, boolean.class);
            newFd.setAccessible(true);
            socket.setAccessible(true);
            server.setAccessible(true);
            found = new Access(newFd, socket, server);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(String.format(MISSING, e), e);
        }
        access = found;
        return found;
    }

    /** A connected socket's descriptor as a channel that owns it (closing the channel closes it). */
    public static SocketChannel socket(int fd) throws IOException {
        Access reach = access();
        try {
            return (SocketChannel) reach.socketChannel().newInstance(SelectorProvider.provider(), family(fd),
                    reach.newFd().invoke(null, fd), NativeSockets.remoteAddress(fd));
        } catch (InvocationTargetException e) {
            throw rethrown(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(String.format(MISSING, e), e);
        }
    }

    /** A listening socket's descriptor as a bound server channel that owns it. */
    public static ServerSocketChannel listener(int fd) throws IOException {
        Access reach = access();
        try {
            return (ServerSocketChannel) reach.serverSocketChannel().newInstance(SelectorProvider.provider(),
                    family(fd), reach.newFd().invoke(null, fd), true);
        } catch (InvocationTargetException e) {
            throw rethrown(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(String.format(MISSING, e), e);
        }
    }

    private static ProtocolFamily family(int fd) throws IOException {
        return NativeSockets.family(fd) == NativeSockets.AF_INET ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    private static IOException rethrown(InvocationTargetException e) {
        return e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
}
