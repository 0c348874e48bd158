package corelab.modes.cluster;

import corelab.modes.http.HttpLimits;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/** The nginx.conf that {@link NginxFront} runs: a plain reverse proxy, tuned as production would be. */
final class NginxConfig {
    private NginxConfig() {
    }

    static String render(InetSocketAddress listen, List<InetSocketAddress> workers, Path directory, HttpLimits limits) {
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
                    worker_connections 10240;
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
                %2$s        keepalive 64;
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
                limits.headerTimeoutMillis(), limits.bodyTimeoutMillis(), limits.sendTimeoutMillis());
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
