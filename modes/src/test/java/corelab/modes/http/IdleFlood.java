package corelab.modes.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A process that opens many idle connections to a server and holds them until its
 * standard input closes: the flood of {@link FloodTest}, from a process of its own so that
 * its sockets count against its own file limit, not the server's.
 * Arguments: host, port, connections. Prints {@code flooded N} once N are open.
 */
public final class IdleFlood {
    private IdleFlood() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int wanted = Integer.parseInt(args[2]);
        List<SocketChannel> open = new ArrayList<>(wanted);
        for (int i = 0; i < wanted; i++) {
            try {
                open.add(SocketChannel.open(server));
            } catch (IOException e) {
                System.out.println("connect failed after " + open.size() + ": " + e);
                break;
            }
        }
        System.out.println("flooded " + open.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the connections until the test closes our input (or dies)
        }
        for (SocketChannel channel : open) {
            channel.close();
        }
    }
}
