package corelab.modes.cluster;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/** The nginx.conf that {@link NginxFront} runs: a plain reverse proxy, tuned as production would be. */
final class NginxConfig {
    private NginxConfig() {
    }

    static String render(InetSocketAddress listen, List<InetSocketAddress> workers, Path directory) {
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
                    # The workers enforce their own limits on requests; nginx passes everything on.
                    client_max_body_size 0;
                    upstream corelab_workers {
                %2$s        keepalive 64;
                    }
                    server {
                        listen %3$s backlog=4096;
                        location / {
                            proxy_pass http://corelab_workers;
                            # HTTP/1.1 without a Connection header: what keepalive to the upstream needs.
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                        }
                    }
                }
                """.formatted(dir, servers, hostPort(listen));
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
