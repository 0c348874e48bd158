package corelab.modes.wire;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one line a server process prints once it accepts connections, for whoever started
 * it to read: {@code corelab-ready mode=single pid=4242 address=127.0.0.1:8080}.
 * Nothing may be sent to a server before its ready line.
 */
public record ReadyLine(Map<String, String> fields) {
    public static final String PREFIX = "corelab-ready";
    /** The field that carries the secret {@code /crash/*} needs, when the crash endpoints are on. */
    public static final String CRASH_SECRET = "crashSecret";

    public ReadyLine {
        fields = Map.copyOf(fields);
        for (String required : new String[] {"mode", "pid", "address"}) {
            if (!fields.containsKey(required)) {
                throw new IllegalArgumentException("a ready line needs '" + required + "'");
            }
        }
    }

    public static ReadyLine of(String mode, InetSocketAddress address, Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("mode", mode);
        fields.put("pid", Long.toString(ProcessHandle.current().pid()));
        fields.put("address", address.getAddress().getHostAddress() + ":" + address.getPort());
        fields.putAll(extra);
        return new ReadyLine(fields);
    }

    public static Optional<ReadyLine> parse(String line) {
        if (!line.startsWith(PREFIX + " ")) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : line.substring(PREFIX.length() + 1).trim().split(" +")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        try {
            return Optional.of(new ReadyLine(fields));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String mode() {
        return fields.get("mode");
    }

    public long pid() {
        return Long.parseLong(fields.get("pid"));
    }

    public String host() {
        String address = fields.get("address");
        return address.substring(0, address.lastIndexOf(':'));
    }

    public int port() {
        String address = fields.get("address");
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** The secret {@code /crash/*} needs; empty when the crash endpoints are off. */
    public Optional<String> crashSecret() {
        return Optional.ofNullable(fields.get(CRASH_SECRET));
    }

    public String format() {
        StringBuilder line = new StringBuilder(PREFIX);
        // mode, pid and address first, in that order, then the rest
        for (String key : new String[] {"mode", "pid", "address"}) {
            line.append(' ').append(key).append('=').append(fields.get(key));
        }
        fields.entrySet().stream()
                .filter(e -> !e.getKey().equals("mode") && !e.getKey().equals("pid") && !e.getKey().equals("address"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> line.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        return line.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
