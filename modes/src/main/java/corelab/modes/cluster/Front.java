package corelab.modes.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * What holds the cluster's port and gets connections to the workers: one per
 * {@link corelab.modes.options.Balance} strategy. It takes the port before any worker starts, so a
 * busy port is one clear error and no worker is started in vain.
 */
interface Front extends AutoCloseable {
    /** Where clients connect. */
    InetSocketAddress address();

    /** Environment variables every worker is started with: where to find the front. */
    default Map<String, String> workerEnvironment() {
        return Map.of();
    }

    /** JVM flags every worker is started with. */
    default List<String> workerJvmFlags() {
        return List.of();
    }

    /** Called once every first worker listens; the front may start serving from here on. */
    default void workersListening() throws IOException {
    }

    /** Releases the port and everything the front started. Idempotent. */
    @Override
    void close();
}
