// Starts rapaio-jupyter-kernel as its own MainApp does, with two guards for its start-up. Jupyter
// runs it as a single-file source program (java -cp <kernel jar> CorelabKernel.java <connection
// file>), from the kernelspec that corelab.lab.KernelSpec writes; it is not part of corelab's build.
//
// Why: in rapaio-jupyter-kernel 3.0.1 the kernel sometimes never answers Jupyter ("Kernel didn't
// respond in 60 seconds"): 2 to 4 starts in 10 on a busy 2-core machine. Two causes were seen:
//  1. Channels.connect starts the shell channel's thread before it sets its message handlers: a
//     kernel_info_request that lands in between meets a null map, and a NullPointerException kills
//     the thread. Here the kernel and the same handlers are in place before connect starts it.
//  2. Less often, the shell socket is connected but its thread never sees a message (its poller
//     stays silent). Nothing in the kernel notices; the notebook waits forever. Jupyter always
//     asks for kernel_info first, so a kernel whose shell has logged none within STARTUP_SECONDS
//     exits: Jupyter's notebook server then restarts it by itself, and a script sees "Kernel died".
// Still needed: 3.0.1 is the newest release on Maven Central, and the kernel's own source up to
// 3.0.4 still binds the channels (starting their threads) before Channels.connect sets the handlers.
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.message.MessageType;

public class CorelabKernel {
    /** Jupyter asks for kernel_info as soon as the kernel runs, and again every second; a healthy kernel hears it at once. */
    private static final long STARTUP_SECONDS = 30;

    public static void main(String[] args) throws Exception {
        LogManager.getLogManager().readConfiguration(Channels.class.getClassLoader()
                .getResourceAsStream("logging.properties"));
        CountDownLatch heard = new CountDownLatch(1); // guard 2, listening before anything can arrive
        Logger.getLogger("").addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().contains("Handling message: kernel_info_request")) {
                    heard.countDown();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        ConnectionProperties connection = Transform.fromJson(Files.readString(Path.of(args[0])),
                ConnectionProperties.class);
        RapaioKernel kernel = MainApp.kernel; // starts JShell; the kernel that display() and the notebook globals use
        Channels channels = new Channels(connection);
        kernel.registerChannels(channels); // guard 1: what connect does, before it starts the threads
        Field handlers = Channels.class.getDeclaredField("handlers");
        handlers.setAccessible(true);
        handlers.set(channels, handlers(kernel));
        channels.connect(kernel); // binds, starts the threads, and installs an equal map of its own
        if (!heard.await(STARTUP_SECONDS, TimeUnit.SECONDS)) {
            System.err.println("corelab: the Java kernel's shell channel has heard nothing in " + STARTUP_SECONDS
                    + " s (a start-up race in rapaio-jupyter-kernel); exiting so that Jupyter starts it again");
            System.exit(3);
        }
        channels.joinUntilClose();
    }

    /** The handlers Channels.connect installs, the same ones, for the moment before it has. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<MessageType<?>, MessageHandler> handlers(RapaioKernel kernel) {
        Map<MessageType<?>, MessageHandler> handlers = new HashMap<>();
        handlers.put(MessageType.SHELL_EXECUTE_REQUEST, (MessageHandler) kernel::handleExecuteRequest);
        handlers.put(MessageType.SHELL_INSPECT_REQUEST, (MessageHandler) kernel::handleInspectRequest);
        handlers.put(MessageType.SHELL_COMPLETE_REQUEST, (MessageHandler) kernel::handleCompleteRequest);
        handlers.put(MessageType.SHELL_HISTORY_REQUEST, (MessageHandler) kernel::handleHistoryRequest);
        handlers.put(MessageType.SHELL_IS_COMPLETE_REQUEST, (MessageHandler) kernel::handleIsCompleteRequest);
        handlers.put(MessageType.SHELL_KERNEL_INFO_REQUEST, (MessageHandler) kernel::handleKernelInfoRequest);
        handlers.put(MessageType.CONTROL_SHUTDOWN_REQUEST, (MessageHandler) kernel::handleShutdownRequest);
        handlers.put(MessageType.CONTROL_INTERRUPT_REQUEST, (MessageHandler) kernel::handleInterruptRequest);
        handlers.put(MessageType.CUSTOM_COMM_OPEN, (MessageHandler) kernel::handleCommOpenCommand);
        handlers.put(MessageType.CUSTOM_COMM_MSG, (MessageHandler) kernel::handleCommMsgCommand);
        handlers.put(MessageType.CUSTOM_COMM_CLOSE, (MessageHandler) kernel::handleCommCloseCommand);
        handlers.put(MessageType.SHELL_COMM_INFO_REQUEST, (MessageHandler) kernel::handleCommInfoRequest);
        return handlers;
    }
}
