package corelab.modes.cluster;

import com.sun.management.UnixOperatingSystemMXBean;
import corelab.modes.http.HttpLimits;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/** The nginx.conf that {@link NginxFront} runs: a plain reverse proxy, tuned as production would be. */
final class NginxConfig {
    /** Idle connections to the workers each nginx process keeps for reuse ({@code keepalive}). */
    static final int UPSTREAM_KEEPALIVE = 64;
    /** nginx's own connections beyond those of clients and the keep-alive cache: its listening socket, and slack. */
    private static final int OWN_CONNECTIONS = 16;

    private NginxConfig() {
    }

    static String render(InetSocketAddress listen, List<InetSocketAddress> workers, Path directory, HttpLimits limits) {
        return render(listen, workers, directory, limits, openFilesLimit());
    }

    /** {@code openFilesLimit}: what nginx, a child of this JVM, inherits (see {@link #workerConnections}). */
    static String render(InetSocketAddress listen, List<InetSocketAddress> workers, Path directory, HttpLimits limits,
                         long openFilesLimit) {
        StringBuilder servers = new StringBuilder();
        for (InetSocketAddress worker : workers) {
            // A worker that refuses (it died; its replacement will listen on the same port)
            // is skipped for a second, then tried again.
            servers.append("        server ").append(hostPort(worker)).append(" max_fails=1 fail_timeout=1s;\n");
        }
        String dir = directory.toString();
        return """
                # Written by corelab for balance=nginx: one upstream server per worker id, whose port outlives its processes.
                daemon off;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log stderr warn;
                events {
                    # Per nginx process, as maxConnections is per corelab process (see workerConnections).
                    worker_connections %9$d;
                }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    # The workers' body limit, answered by nginx itself (413): with 0 (no limit) nginx would
                    # buffer an over-limit body to disk and the client would wait for an answer that never comes.
                    client_max_body_size %4$d;
                    # The workers' deadlines for slow clients, which nginx now faces in their place: 408 from nginx.
                    # Its header timeout is a total, as the workers'; its body and send timeouts count from the
                    # last read or write only (nginx has no total for those).
                    client_header_timeout %6$dms;
                    client_body_timeout %7$dms;
                    send_timeout %8$dms;
                    upstream corelab_workers {
                %2$s        keepalive %10$d;
                        # Below the workers' idle timeout, so nginx closes an idle connection first and never
                        # sends a request on one a worker is closing (nginx's default is 60 s).
                        keepalive_timeout %5$dms;
                    }
                    server {
                        listen %3$s backlog=4096;
                        # $host, sent to the workers as Host, is this name when a request has no Host (HTTP/1.0):
                        # without one it would be empty, nginx would drop the header, and the workers, asked in
                        # HTTP/1.1, would refuse a request the client was free to send without Host.
                        server_name corelab;
                        location / {
                            proxy_pass http://corelab_workers;
                            # HTTP/1.1 without a Connection header: what keepalive to the upstream needs.
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                        }
                    }
                }
                """.formatted(dir, servers, hostPort(listen), bodyLimitBytes(limits), upstreamIdleMillis(limits),
                limits.headerTimeoutMillis(), limits.bodyTimeoutMillis(), limits.sendTimeoutMillis(),
                workerConnections(limits, openFilesLimit), UPSTREAM_KEEPALIVE);
    }

    /**
     * nginx's {@code worker_connections} for corelab's {@code maxConnections}: nginx counts every
     * connection a process opens, those to the proxied servers too (its documentation of
     * {@code worker_connections} says so), so a client being proxied costs two, its own and
     * the one to a worker; the idle keep-alive connections to the workers and nginx's listening
     * socket come on top. Fewer, and nginx would close clients corelab's cap admits ("worker_connections
     * are not enough" in its log); many more, and the front would hold clients the workers cannot.
     * Never more than the open files nginx may have ({@code openFilesLimit}, 0 if unknown): its
     * descriptors would run out first anyway, and nginx warns at every start that the figure
     * exceeds them (with the default cap of 10,000, 20,080 against a limit of 20,000 here).
     */
    static long workerConnections(HttpLimits limits, long openFilesLimit) {
        long wanted = 2L * limits.maxConnections() + UPSTREAM_KEEPALIVE + OWN_CONNECTIONS;
        return openFilesLimit > 0 ? Math.min(wanted, openFilesLimit) : wanted;
    }

    /** This JVM's limit on open files, which it raised to the hard limit at start and nginx inherits; 0 if unknown. */
    private static long openFilesLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : 0;
    }

    /** nginx reads 0 as "no limit", and has no "no body at all": then 1 byte, and the workers answer 413 for it. */
    static long bodyLimitBytes(HttpLimits limits) {
        return Math.max(1, limits.maxBodyBytes());
    }

    /** Half the workers' idle timeout: a margin for the two timers, which do not start at the same instant. */
    static long upstreamIdleMillis(HttpLimits limits) {
        return Math.max(1, limits.idleTimeoutMillis() / 2);
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
