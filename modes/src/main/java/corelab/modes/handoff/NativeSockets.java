package corelab.modes.handoff;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Every native socket call corelab makes (the harness pins its load generator threads in its own
 * ThreadAffinity), through the Foreign Function & Memory API: the Linux socket
 * calls that let one process accept a TCP connection and hand its file descriptor to another
 * over a Unix domain socket ({@code SCM_RIGHTS}), which the JDK has no public API for.
 * Descriptors are plain ints here; whoever gets one closes it.
 *
 * <p>Each call blocks its thread in the kernel, and a virtual thread that makes one pins its
 * carrier for that long: call these from platform threads. The layouts are Linux's on 64-bit
 * machines (x86-64 and AArch64 lay out {@code msghdr} and {@code cmsghdr} alike).
 */
public final class NativeSockets {
    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_SEQPACKET = 5;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int SO_PEERCRED = 17;
    private static final int SCM_RIGHTS = 1;
    /** A peer that died gives EPIPE, not a SIGPIPE. */
    private static final int MSG_NOSIGNAL = 0x4000;
    /** A received descriptor is closed on exec, like every descriptor the JDK opens. */
    private static final int MSG_CMSG_CLOEXEC = 0x40000000;
    private static final int SHUT_RDWR = 2;
    private static final int EINTR = 4;

    private static final long SOCKADDR_STORAGE_BYTES = 128;
    private static final long SUN_PATH_BYTES = 108;
    /** CMSG_SPACE(sizeof(int)): a 16-byte cmsghdr and one int, padded to 8. */
    private static final long CONTROL_BYTES = 24;
    /** CMSG_LEN(sizeof(int)). */
    private static final long CMSG_LEN_ONE_FD = 20;
    private static final long MSGHDR_BYTES = 56;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SOCKET = call("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle SETSOCKOPT = call("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKOPT = call("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle BIND = call("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle LISTEN = call("listen", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle ACCEPT4 = call("accept4", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    private static final MethodHandle CONNECT = call("connect", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SENDMSG = call("sendmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle RECVMSG = call("recvmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKNAME = call("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle GETPEERNAME = call("getpeername", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle SHUTDOWN = call("shutdown", JAVA_INT, JAVA_INT, JAVA_INT);
    /** Without errno capture: close is never repeated (on Linux an interrupted close has closed the descriptor anyway). */
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LIBC.find("close").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(),
            FunctionDescriptor.of(ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(256, ValueLayout.JAVA_BYTE)), JAVA_INT));

    /** Who is at the other end of a Unix domain socket, as the kernel saw it connect. */
    public record PeerCredentials(long pid, int uid, int gid) {
    }

    private NativeSockets() {
    }

    private static MethodHandle call(String name, ValueLayout result, ValueLayout... arguments) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(),
                FunctionDescriptor.of(result, arguments), Linker.Option.captureCallState("errno"));
    }

    /** A TCP socket bound to {@code host:port} (0: any free port) and listening, blocking; a busy port is a {@link BindException}. */
    public static int listenTcp(String host, int port, int backlog) throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IOException("cannot listen on " + host + ": unknown host", e);
        }
        int family = address instanceof Inet4Address ? AF_INET : AF_INET6;
        int fd = socket(family, SOCK_STREAM);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocateFrom(JAVA_INT, 1);
            check("setsockopt", invoke(SETSOCKOPT, fd, SOL_SOCKET, SO_REUSEADDR, one, 4));
            MemorySegment sockaddr = inetSockaddr(arena, family, address, port);
            Outcome bound = invoke(BIND, fd, sockaddr, (int) sockaddr.byteSize());
            if (bound.value() < 0) {
                throw new BindException("bind: " + strerror(bound.errno()));
            }
            check("listen", invoke(LISTEN, fd, backlog));
            return fd;
        } catch (IOException | RuntimeException e) {
            close(fd);
            throw e;
        }
    }

    /** A {@code SOCK_SEQPACKET} Unix socket listening on {@code name} in Linux's abstract namespace (no file to clean up). */
    public static int listenSeqpacket(String name) throws IOException {
        int fd = socket(AF_UNIX, SOCK_SEQPACKET);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = abstractSockaddr(arena, name);
            check("bind", invoke(BIND, fd, sockaddr, (int) sockaddr.byteSize()));
            check("listen", invoke(LISTEN, fd, 64));
            return fd;
        } catch (IOException | RuntimeException e) {
            close(fd);
            throw e;
        }
    }

    /** A {@code SOCK_SEQPACKET} Unix socket connected to {@code name} in the abstract namespace. */
    public static int connectSeqpacket(String name) throws IOException {
        int fd = socket(AF_UNIX, SOCK_SEQPACKET);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = abstractSockaddr(arena, name);
            check("connect", invoke(CONNECT, fd, sockaddr, (int) sockaddr.byteSize()));
            return fd;
        } catch (IOException | RuntimeException e) {
            close(fd);
            throw e;
        }
    }

    /** Blocks until a connection arrives; the new descriptor is blocking and closed on exec. */
    public static int accept(int listenerFd) throws IOException {
        return (int) check("accept4", invoke(ACCEPT4, listenerFd, MemorySegment.NULL, MemorySegment.NULL, SOCK_CLOEXEC));
    }

    /** Sends one byte with {@code fd} attached ({@code SCM_RIGHTS}): the receiver gets its own descriptor of the same socket. */
    public static void sendDescriptor(int unixFd, int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = message(arena);
            MemorySegment control = message.get(ADDRESS, 32).reinterpret(CONTROL_BYTES);
            control.set(JAVA_LONG, 0, CMSG_LEN_ONE_FD);
            control.set(JAVA_INT, 8, SOL_SOCKET);
            control.set(JAVA_INT, 12, SCM_RIGHTS);
            control.set(JAVA_INT, 16, fd);
            check("sendmsg", invoke(SENDMSG, unixFd, message, MSG_NOSIGNAL));
        }
    }

    /** Waits for a message from {@link #sendDescriptor} and returns the descriptor it carried; -1 once the sender closed. */
    public static int receiveDescriptor(int unixFd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = message(arena);
            long received = check("recvmsg", invoke(RECVMSG, unixFd, message, MSG_CMSG_CLOEXEC));
            if (received == 0) {
                return -1;
            }
            MemorySegment control = message.get(ADDRESS, 32).reinterpret(CONTROL_BYTES);
            long controlLength = message.get(JAVA_LONG, 40);
            if (controlLength < CMSG_LEN_ONE_FD || control.get(JAVA_INT, 8) != SOL_SOCKET
                    || control.get(JAVA_INT, 12) != SCM_RIGHTS) {
                throw new IOException("recvmsg: a message without a descriptor");
            }
            return control.get(JAVA_INT, 16);
        }
    }

    /** Sends one byte, no descriptor (an acknowledgement). */
    public static void sendByte(int unixFd, byte value) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = message(arena);
            message.get(ADDRESS, 16).reinterpret(16).get(ADDRESS, 0).reinterpret(1).set(ValueLayout.JAVA_BYTE, 0, value);
            message.set(JAVA_LONG, 40, 0); // no control message
            check("sendmsg", invoke(SENDMSG, unixFd, message, MSG_NOSIGNAL));
        }
    }

    /** Waits for a message from {@link #sendByte} and returns its byte (0-255); -1 once the sender closed. */
    public static int receiveByte(int unixFd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = message(arena);
            long received = check("recvmsg", invoke(RECVMSG, unixFd, message, MSG_CMSG_CLOEXEC));
            if (received == 0) {
                return -1;
            }
            return Byte.toUnsignedInt(message.get(ADDRESS, 16).reinterpret(16).get(ADDRESS, 0).reinterpret(1)
                    .get(ValueLayout.JAVA_BYTE, 0));
        }
    }

    /** {@code SO_PEERCRED}: the process that connected a Unix domain socket. */
    public static PeerCredentials peer(int unixFd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment credentials = arena.allocate(12);
            MemorySegment length = arena.allocateFrom(JAVA_INT, 12);
            check("getsockopt", invoke(GETSOCKOPT, unixFd, SOL_SOCKET, SO_PEERCRED, credentials, length));
            return new PeerCredentials(credentials.get(JAVA_INT, 0), credentials.get(JAVA_INT, 4), credentials.get(JAVA_INT, 8));
        }
    }

    /** The address a TCP socket is bound to, and its family ({@link #AF_INET} or {@link #AF_INET6}). */
    public static InetSocketAddress localAddress(int fd) throws IOException {
        return inetName(GETSOCKNAME, "getsockname", fd);
    }

    /** The address a connected TCP socket's peer has. */
    public static InetSocketAddress remoteAddress(int fd) throws IOException {
        return inetName(GETPEERNAME, "getpeername", fd);
    }

    /** Wakes any thread blocked in {@link #accept} on a listener (Linux returns EINVAL to it): close alone would not. */
    public static void shutdown(int fd) {
        invoke(SHUTDOWN, fd, SHUT_RDWR);
    }

    /** Closes this process's descriptor; the socket lives on while another process holds one. */
    public static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable e) {
            throw new IllegalStateException("native call failed: " + e, e);
        }
    }

    private static int socket(int family, int type) throws IOException {
        return (int) check("socket", invoke(SOCKET, family, type | SOCK_CLOEXEC, 0));
    }

    private static InetSocketAddress inetName(MethodHandle call, String name, int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = arena.allocate(SOCKADDR_STORAGE_BYTES);
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) SOCKADDR_STORAGE_BYTES);
            check(name, invoke(call, fd, sockaddr, length));
            int family = sockaddr.get(JAVA_SHORT, 0);
            int port = Short.toUnsignedInt(sockaddr.get(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2));
            byte[] address = family == AF_INET ? sockaddr.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE)
                    : sockaddr.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE);
            if (family != AF_INET && family != AF_INET6) {
                throw new IOException(name + ": not an internet socket (family " + family + ")");
            }
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        }
    }

    /** The family of a socket: {@link #AF_INET} or {@link #AF_INET6}. */
    public static int family(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = arena.allocate(SOCKADDR_STORAGE_BYTES);
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) SOCKADDR_STORAGE_BYTES);
            check("getsockname", invoke(GETSOCKNAME, fd, sockaddr, length));
            return sockaddr.get(JAVA_SHORT, 0);
        }
    }

    private static MemorySegment inetSockaddr(Arena arena, int family, InetAddress address, int port) {
        byte[] bytes = address.getAddress();
        MemorySegment sockaddr = arena.allocate(family == AF_INET ? 16 : 28);
        sockaddr.set(JAVA_SHORT, 0, (short) family);
        sockaddr.set(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) port);
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, sockaddr, family == AF_INET ? 4 : 8, bytes.length);
        return sockaddr;
    }

    /** A sockaddr_un for {@code name} in the abstract namespace: a leading NUL, then the name, no terminator. */
    private static MemorySegment abstractSockaddr(Arena arena, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length + 1 > SUN_PATH_BYTES) {
            throw new IllegalArgumentException("a Unix socket name of at most " + (SUN_PATH_BYTES - 1) + " bytes: " + name);
        }
        MemorySegment sockaddr = arena.allocate(2 + 1 + bytes.length);
        sockaddr.set(JAVA_SHORT, 0, (short) AF_UNIX);
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, sockaddr, 3, bytes.length);
        return sockaddr;
    }

    /** A msghdr with one one-byte iovec and room for one descriptor. */
    private static MemorySegment message(Arena arena) {
        MemorySegment payload = arena.allocate(1);
        MemorySegment iovec = arena.allocate(16, 8);
        iovec.set(ADDRESS, 0, payload);
        iovec.set(JAVA_LONG, 8, 1);
        MemorySegment control = arena.allocate(CONTROL_BYTES, 8);
        MemorySegment message = arena.allocate(MSGHDR_BYTES, 8);
        message.set(ADDRESS, 16, iovec);
        message.set(JAVA_LONG, 24, 1);
        message.set(ADDRESS, 32, control);
        message.set(JAVA_LONG, 40, CONTROL_BYTES);
        return message;
    }

    /** What a call returned, and the errno it left (meaningful only when the value is negative). */
    private record Outcome(long value, int errno) {
    }

    /** Calls {@code handle} with a fresh errno capture, again while a signal interrupts it (EINTR). */
    private static Outcome invoke(MethodHandle handle, Object... arguments) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            Object[] withState = new Object[arguments.length + 1];
            withState[0] = state;
            System.arraycopy(arguments, 0, withState, 1, arguments.length);
            while (true) {
                Object result = handle.invokeWithArguments(withState);
                long value = result instanceof Integer i ? i : (Long) result;
                int errno = (int) ERRNO.get(state, 0L);
                if (value >= 0 || errno != EINTR) {
                    return new Outcome(value, errno);
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException("native call failed: " + e, e);
        }
    }

    /** The call's non-negative result, or an IOException that names the call and the error. */
    private static long check(String call, Outcome outcome) throws IOException {
        if (outcome.value() < 0) {
            throw new IOException(call + ": " + strerror(outcome.errno()));
        }
        return outcome.value();
    }

    private static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.getString(0) + " (errno " + errno + ")";
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }
}
