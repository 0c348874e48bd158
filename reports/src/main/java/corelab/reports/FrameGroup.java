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
            + "|GCTaskThread|WorkerThread::run|VM_G1|CollectedHeap)"), Scope.ANY_FRAME),
    /** The JIT compilers' threads: C1 and C2 compiling the server's methods. */
    JIT("JIT", Pattern.compile("^(CompileBroker::|C2Compiler::|Compiler::compile_method|Compilation::)"),
            Scope.ANY_FRAME),
    /** A thread on its way to sleep or waiting: parking, waiting for events, a futex, a lock. */
    WAITING("idle/waiting", Pattern.compile("(Unsafe\\.park|LockSupport\\.park|Object\\.wait|Thread\\.sleep"
            + "|epoll_wait|EPoll\\.wait|futex_wait|__futex|pthread_cond_(timed)?wait|do_nanosleep|schedule_hrtimeout)"),
            Scope.ANY_FRAME),
    /**
     * The kernel's scheduler itself at the sample: switching threads and waking them (a thread
     * that blocked in a socket read pays here when it runs again).
     */
    KERNEL_SCHEDULING("kernel scheduling", Pattern.compile("^(finish_task_switch|__schedule|schedule|try_to_wake_up"
            + "|ttwu_|__wake_up|wake_up_|enqueue_task|dequeue_task|pick_next_task|psi_task_)"), Scope.KERNEL_LEAF),
    /** The kernel, inside a socket call: reading, writing, accepting, closing TCP connections. */
    KERNEL_SOCKET("kernel socket calls", Pattern.compile("(^tcp_|^sock_|^inet_|^__sys_(sendto|recvfrom|accept|shutdown)"
            + "|^__x64_sys_(read|write|sendto|recvfrom|accept4?|close|shutdown)|^ksys_(read|write)|^do_sys_poll"
            + "|^__sock_|^sk_|^ip_|SocketDispatcher|NioSocketImpl|IOUtil\\.(read|write))"), Scope.ANY_FRAME_KERNEL_LEAF),
    /** The kernel for anything else: page faults, scheduling, timers. */
    KERNEL_OTHER("kernel, other", Pattern.compile("_\\[k\\]$"), Scope.KERNEL_LEAF),
    /** The server's own Java code, and the JDK's library code it calls. */
    SERVER("the server's code", Pattern.compile("^corelab/"), Scope.ANY_FRAME),
    /** Whatever is left: the JVM's own threads, the interpreter, native code outside a request. */
    OTHER("JVM, other", Pattern.compile(""), Scope.ANY_FRAME);

    /** Which frames of a stack a group's rule reads. */
    enum Scope {
        /** Any frame of the stack. */
        ANY_FRAME,
        /** Any frame, where the sample's own (leaf) frame is in the kernel. */
        ANY_FRAME_KERNEL_LEAF,
        /** The sample's own frame only, a kernel one. */
        KERNEL_LEAF
    }

    private final String label;
    private final Pattern frame;
    private final Scope scope;

    FrameGroup(String label, Pattern frame, Scope scope) {
        this.label = label;
        this.frame = frame;
        this.scope = scope;
    }

    String label() {
        return label;
    }

    /** The group of one stack, root first, as a collapsed line lists it. */
    static FrameGroup of(List<String> stack) {
        if (stack.isEmpty()) {
            return OTHER;
        }
        String leaf = stack.get(stack.size() - 1);
        boolean leafInKernel = leaf.endsWith("_[k]");
        for (FrameGroup group : values()) {
            boolean matches = switch (group.scope) {
                case ANY_FRAME -> stack.stream().anyMatch(f -> group.frame.matcher(f).find());
                case ANY_FRAME_KERNEL_LEAF -> leafInKernel && stack.stream().anyMatch(f -> group.frame.matcher(f).find());
                case KERNEL_LEAF -> leafInKernel && group.frame.matcher(leaf).find();
            };
            if (matches) {
                return group;
            }
        }
        return OTHER;
    }
}
