package corelab.harness.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Linux's {@code net.ipv4.tcp_migrate_req} (5.14+), for one run. When a listening socket of an
 * {@code SO_REUSEPORT} group closes, the connections queued on it (handshake done, not yet
 * accepted) are reset with 0, and with 1 handed to a sibling listener of the same group ("migrate
 * child sockets from a listener to another in the same reuseport group after close() or
 * shutdown()", the commit that added it). A rolling reload under {@code balance=kernel} closes
 * one such listener per worker. {@code -DtcpMigrateReq=0|1} sets it for the run's duration where
 * it can be written (root); the value found is written back when the run ends, and by a shutdown
 * hook if the JVM ends first (an interrupt, Ctrl-C). Where it cannot be written, one message, and
 * the run goes on with the value found, which provenance records either way.
 */
public final class TcpMigrateReq implements AutoCloseable {
    static final Path SETTING = Path.of("/proc/sys/net/ipv4/tcp_migrate_req");

    private final Path setting;
    private final String found;
    private final String inEffect;
    private final Thread restorer;

    private TcpMigrateReq(Path setting, String found, String inEffect, Thread restorer) {
        this.setting = setting;
        this.found = found;
        this.inEffect = inEffect;
        this.restorer = restorer;
    }

    /** Sets it to {@code wanted} (null: leaves it as found), saying what it did or why it could not. */
    public static TcpMigrateReq apply(Integer wanted, Consumer<String> say) {
        return apply(SETTING, wanted, say);
    }

    static TcpMigrateReq apply(Path setting, Integer wanted, Consumer<String> say) {
        String found = read(setting).orElse(null);
        if (wanted == null || found == null || found.equals(wanted.toString())) {
            if (wanted != null && found == null) {
                say.accept("corelab: -DtcpMigrateReq=" + wanted + ": this kernel has no net.ipv4.tcp_migrate_req"
                        + " (Linux 5.14 or later has it); the run goes on without it");
            }
            return new TcpMigrateReq(setting, found, found, null);
        }
        try {
            Files.writeString(setting, wanted.toString(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            say.accept("corelab: cannot set net.ipv4.tcp_migrate_req to " + wanted + " (it needs root: sudo sysctl -w"
                    + " net.ipv4.tcp_migrate_req=" + wanted + "); the run goes on with " + found);
            return new TcpMigrateReq(setting, found, found, null);
        }
        Thread restorer = new Thread(() -> write(setting, found), "corelab-restore-tcp-migrate-req");
        Runtime.getRuntime().addShutdownHook(restorer);
        say.accept("corelab: net.ipv4.tcp_migrate_req is " + wanted + " for this run (it was " + found
                + ", and is set back at the end)");
        return new TcpMigrateReq(setting, found, wanted.toString(), restorer);
    }

    /** The value now, empty where the kernel has no such setting. */
    public static Optional<String> read() {
        return read(SETTING);
    }

    private static Optional<String> read(Path setting) {
        try {
            return Optional.of(Files.readString(setting, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void write(Path setting, String value) {
        try {
            Files.writeString(setting, value, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            System.err.println("corelab: could not set net.ipv4.tcp_migrate_req back to " + value + ": " + e.getMessage()
                    + " (sudo sysctl -w net.ipv4.tcp_migrate_req=" + value + ")");
        }
    }

    /** The value during the run, null where the kernel has none. */
    public String inEffect() {
        return inEffect;
    }

    /** Writes back the value found, if the run changed it. Idempotent. */
    @Override
    public synchronized void close() {
        if (restorer == null || found.equals(read(setting).orElse(found))) {
            return;
        }
        write(setting, found);
        try {
            Runtime.getRuntime().removeShutdownHook(restorer);
        } catch (IllegalStateException ignored) {
            // shutting down: the hook writes it too, harmlessly
        }
    }
}
