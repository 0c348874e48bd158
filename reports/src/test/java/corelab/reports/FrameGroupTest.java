package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The groups of "Where the time goes", on stacks built the way async-profiler collapses them. */
class FrameGroupTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a G1 worker's copying, under the JVM's own thread entry
            "start_thread;thread_native_entry;Thread::call_run;WorkerThread::run;G1EvacuateRegionsTask::work|GC",
            // C2 compiling, even in a kernel page fault
            "start_thread;thread_native_entry;Thread::call_run;JavaThread::thread_main_inner;"
                    + "CompileBroker::compiler_thread_loop;C2Compiler::compile_method;asm_exc_page_fault_[k]|JIT",
            // a platform thread parking for its next connection
            "java/lang/Thread.run;java/util/concurrent/locks/LockSupport.park;jdk/internal/misc/Unsafe.park;"
                    + "__futex_wait_[k];schedule_[k]|idle/waiting",
            // the event loop asleep in epoll
            "corelab/modes/http/EventLoop.run;sun/nio/ch/EPoll.wait;epoll_wait;do_epoll_wait_[k]|idle/waiting",
            // a response being written: the kernel's TCP send under a socket write
            "corelab/modes/http/LoopConnection.flush;sun/nio/ch/SocketDispatcher.write0;write;ksys_write_[k];"
                    + "tcp_sendmsg_[k];copy_user_generic_[k]|kernel socket calls",
            // a platform thread running again after its blocking read: the scheduler's switch
            "java/lang/Thread.run;sun/nio/ch/NioSocketImpl.read;read;ksys_read_[k];sock_recvmsg_[k];"
                    + "tcp_recvmsg_[k];schedule_[k];__schedule_[k];finish_task_switch.isra.0_[k]|kernel scheduling",
            // the kernel, but not for a socket
            "corelab/workloads/CpuKernel.compute;asm_sysvec_apic_timer_interrupt_[k]|kernel, other",
            // the workload's own arithmetic
            "java/lang/Thread.run;corelab/modes/http/EventLoop.run;corelab/workloads/CpuKernel.compute|the server's code",
            // the JDK's code called by the server is the server's time too
            "corelab/modes/http/RequestLine.parse;java/lang/String.split|the server's code",
            // a JVM thread doing neither GC nor JIT
            "start_thread;thread_native_entry;Thread::call_run;VMThread::run;SafepointSynchronize::begin|JVM, other"})
    void eachStackFallsInOneGroup(String collapsed, String group) {
        assertEquals(group, FrameGroup.of(List.of(collapsed.split(";"))).label());
    }

    @Test
    void aSocketFrameAboveAJavaLeafIsTheServersTimeNotTheKernels() {
        // the rule reads the kernel only where the sample's own frame is in it
        assertEquals(FrameGroup.SERVER, FrameGroup.of(List.of("corelab/modes/http/LoopConnection.flush",
                "sun/nio/ch/SocketDispatcher.write0", "corelab/modes/http/Halt.check")));
    }

    @Test
    void collapsedStacksAddUpToSelfFramesAndGroupShares() {
        CollapsedStacks stacks = CollapsedStacks.parse(List.of(
                "java/lang/Thread.run;corelab/workloads/CpuKernel.compute 60",
                "corelab/modes/http/EventLoop.run;corelab/workloads/CpuKernel.compute 10",
                "corelab/modes/http/EventLoop.run;sun/nio/ch/SocketDispatcher.write0;tcp_sendmsg_[k] 20",
                "start_thread;CompileBroker::compiler_thread_loop;Compile::Optimize 10",
                "not a collapsed line"));
        assertEquals(100, stacks.total());
        CollapsedStacks.SelfFrame top = stacks.topSelfFrames(1).get(0);
        assertEquals("corelab/workloads/CpuKernel.compute", top.frame());
        assertEquals(0.70, top.share(), 1e-9);
        assertEquals(FrameGroup.SERVER, top.group());
        Map<FrameGroup, Double> shares = stacks.groupShares();
        assertEquals(0.70, shares.get(FrameGroup.SERVER), 1e-9);
        assertEquals(0.20, shares.get(FrameGroup.KERNEL_SOCKET), 1e-9);
        assertEquals(0.10, shares.get(FrameGroup.JIT), 1e-9);
        assertEquals(0.0, shares.get(FrameGroup.GC), 1e-9);
    }

    @Test
    void theThumbnailDrawsEveryFrameWiderThanAPixelWithItsName() {
        String svg = FlameThumbnail.svg(CollapsedStacks.parse(List.of("a/B.c;d_[k] 3", "a/B.c;E::f 1")));
        assertEquals(3, svg.split("<rect ").length - 2, svg); // background, then a/B.c, d_[k], E::f
        assertEquals(true, svg.contains("<title>d_[k]</title>") && svg.contains("#e8923a"), svg);
    }
}
