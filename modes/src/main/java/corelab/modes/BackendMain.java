package corelab.modes;

import corelab.modes.wire.BackendReadyLine;
import corelab.workloads.Backend;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * The io backend as a process of its own: {@code java -cp ... corelab.modes.BackendMain}. It
 * listens on 127.0.0.1 on a free port, prints its {@link BackendReadyLine} and serves until
 * SIGTERM. A process of its own so that any server, a corelab mode or a Node.js program, calls
 * the same backend over a socket, and so that what the backend costs (CPU, memory) is measured
 * apart from the server instead of inside its JVM. Started by {@link BackendProcess}.
 */
public final class BackendMain {
    private BackendMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Backend backend;
        try {
            backend = Backend.start(BackendReadyLine.HOST, 0);
        } catch (IOException e) {
            System.err.println("corelab: " + e.getMessage());
            System.exit(ServerMain.EXIT_CANNOT_START);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "corelab-backend-shutdown"));
        System.out.println(new BackendReadyLine(ProcessHandle.current().pid(), backend.port()).format());
        System.out.flush();
        // Ends on a signal only: its ChildProcess wrapper's watcher sends SIGTERM when the starter is gone.
        new CountDownLatch(1).await();
    }
}
