package corelab.modes;

import java.net.InetSocketAddress;

/** A running server of some mode: where it listens, and how to stop it. */
public interface ModeServer extends AutoCloseable {
    InetSocketAddress address();

    /** Stops accepting, closes every connection and releases every thread and process it started. */
    @Override
    void close();
}
