package corelab.reports;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a sample's time went, by its stack: the groups of the report's "Where the time goes"
 * tables, each with its rule, in the order they are tried (the first that matches wins). The
 * rules read async-profiler's collapsed frames: Java frames as {@code corelab/modes/Foo.bar},
 * JVM frames as {@code CompileBroker::compiler_thread_loop}, kernel frames ending in {@code _[k]}.
 */
enum FrameGroup {
    /** A garbage collector's threads (G1 is the default collector; the others, where chosen). */
    GC("GC", Pattern.compile("^(G1|Z[A-Z]\\w*::|Shenandoah|PS[A-Z]|ParallelScavenge|SerialHeap|ConcurrentGCThread"
            + "|GCTaskThread|WorkerThread::run|VM_G1|CollectedHeap)"), false),
    /** The JIT compilers' threads: C1 and C2 compiling the server's methods. */
    JIT("JIT", Pattern.compile("^(CompileBroker::|C2Compiler::|Compiler::compile_method|Compilation::)"), false),
    /** A thread on its way to sleep or waiting: parking, waiting for events, a futex, a lock. */
    WAITING("idle/waiting", Pattern.compile("(Unsafe\\.park|LockSupport\\.park|Object\\.wait|Thread\\.sleep"
            + "|epoll_wait|EPoll\\.wait|futex_wait|__futex|pthread_cond_(timed)?wait|do_nanosleep|schedule_hrtimeout)"),
            false),
    /** The kernel, inside a socket call: reading, writing, accepting, closing TCP connections. */
    KERNEL_SOCKET("kernel socket calls", Pattern.compile("(^tcp_|^sock_|^inet_|^__sys_(sendto|recvfrom|accept|shutdown)"
            + "|^__x64_sys_(read|write|sendto|recvfrom|accept4?|close|shutdown)|^ksys_(read|write)|^do_sys_poll"
            + "|^__sock_|^sk_|^ip_|SocketDispatcher|NioSocketImpl|IOUtil\\.(read|write))"), true),
    /** The kernel for anything else: page faults, scheduling, timers. */
    KERNEL_OTHER("kernel, other", Pattern.compile("_\\[k\\]$"), true),
    /** The server's own Java code, and the JDK's library code it calls. */
    SERVER("the server's code", Pattern.compile("^corelab/"), false),
    /** Whatever is left: the JVM's own threads, the interpreter, native code outside a request. */
    OTHER("JVM, other", Pattern.compile(""), false);

    private final String label;
    private final Pattern frame;
    /** Only where the sample's own (leaf) frame is in the kernel. */
    private final boolean kernelLeaf;

    FrameGroup(String label, Pattern frame, boolean kernelLeaf) {
        this.label = label;
        this.frame = frame;
        this.kernelLeaf = kernelLeaf;
    }

    String label() {
        return label;
    }

    /** The group of one stack, root first, as a collapsed line lists it. */
    static FrameGroup of(List<String> stack) {
        boolean leafInKernel = !stack.isEmpty() && stack.get(stack.size() - 1).endsWith("_[k]");
        for (FrameGroup group : values()) {
            if (group.kernelLeaf && !leafInKernel) {
                continue;
            }
            if (group == OTHER || stack.stream().anyMatch(f -> group.frame.matcher(f).find())) {
                return group;
            }
        }
        return OTHER;
    }
}
