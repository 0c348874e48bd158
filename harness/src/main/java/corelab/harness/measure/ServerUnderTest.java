package corelab.harness.measure;

import corelab.harness.server.ServerProcess;
import corelab.modes.BackendProcess;
import corelab.modes.wire.StatsLine;
import corelab.modes.wire.ChannelMessage;
import corelab.modes.wire.ProfileDumped;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The server a configuration measures: a process tree corelab started (a mode, or any
 * command), or a server somewhere else that only the load can see ({@code -Dtarget}).
 */
public interface ServerUnderTest extends AutoCloseable {
    InetSocketAddress address();

    /** The root of the server's process tree, or null when corelab cannot see it. */
    ProcessHandle handle();

    /** The latest stats line of each process that reports one, by pid (see {@link ServerProcess#statsByProcess}). */
    Map<Long, StatsLine> statsByProcess();

    String description();

    List<String> command();

    boolean isAlive();

    List<String> recentOutput();

    /**
     * The io backend's process this server calls, or null when it has none of its own: not part
     * of {@link #handle()}'s tree, so that its CPU and memory are measured apart, as downstream.
     */
    default ProcessHandle downstream() {
        return null;
    }

    /** One message to a corelab server ({@code profile start}, ...); false where the server cannot hear it. */
    default boolean send(ChannelMessage message) {
        return false;
    }

    /** The server's answers to {@code profile dump} so far; empty where it cannot profile. */
    default List<ProfileDumped> profileDumps() {
        return List.of();
    }

    @Override
    void close();

    static ServerUnderTest of(ServerProcess process) {
        return of(process, null);
    }

    /** {@code process} calling {@code backend} (null: none), which it closes after the server. */
    static ServerUnderTest of(ServerProcess process, BackendProcess backend) {
        return new ServerUnderTest() {
            public InetSocketAddress address() {
                return process.address();
            }

            public ProcessHandle handle() {
                return process.handle();
            }

            public Map<Long, StatsLine> statsByProcess() {
                return process.statsByProcess();
            }

            public String description() {
                return process.description();
            }

            public List<String> command() {
                return process.command();
            }

            public boolean isAlive() {
                return process.isAlive();
            }

            public List<String> recentOutput() {
                return process.recentOutput();
            }

            public ProcessHandle downstream() {
                return backend == null ? null : ProcessHandle.of(backend.pid()).orElse(null);
            }

            public boolean send(ChannelMessage message) {
                return process.send(message);
            }

            public List<ProfileDumped> profileDumps() {
                return process.profileDumps();
            }

            public void close() {
                try {
                    process.close();
                } finally {
                    if (backend != null) {
                        backend.close();
                    }
                }
            }
        };
    }

    static ServerUnderTest remote(URI target) {
        InetSocketAddress address = new InetSocketAddress(target.getHost(), target.getPort());
        return new ServerUnderTest() {
            public InetSocketAddress address() {
                return address;
            }

            public ProcessHandle handle() {
                return null;
            }

            public Map<Long, StatsLine> statsByProcess() {
                return Map.of();
            }

            public String description() {
                return "target " + target;
            }

            public List<String> command() {
                return List.of();
            }

            public boolean isAlive() {
                return true;
            }

            public List<String> recentOutput() {
                return List.of();
            }

            public void close() {
                // not ours to stop
            }
        };
    }
}
