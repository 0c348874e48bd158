package corelab.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CpuKernelTest {
    @Test
    void theSameSeedAndSizeGiveTheSameResult() {
        assertEquals(CpuKernel.compute(99, 5000), CpuKernel.compute(99, 5000));
    }

    @Test
    void differentSeedsAndSizesGiveDifferentResults() {
        assertNotEquals(CpuKernel.compute(1, 5000), CpuKernel.compute(2, 5000));
        assertNotEquals(CpuKernel.compute(1, 5000), CpuKernel.compute(1, 5001));
    }

    /**
     * Pinned values: results saved by one version of corelab must be checkable by the next,
     * so changing the kernel is a deliberate act that breaks this test.
     */
    @Test
    void theKernelIsPinned() {
        assertEquals(0x4bfa55f133e7a465L, CpuKernel.compute(1, 1000));
        assertEquals(0xebec3fe86009c820L, CpuKernel.compute(7, 250_000));
        assertEquals(0L, CpuKernel.compute(7, 0));
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CpuKernel.compute(1, -1));
    }
}
