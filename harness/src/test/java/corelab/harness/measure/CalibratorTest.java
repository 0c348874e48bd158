package corelab.harness.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.Calibration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A real calibration JVM: its samples arrive, one per line, and mean what they say. */
@Tag("slow")
class CalibratorTest {
    @Test
    void aFreshJvmMeasuresTheKernelAndTheBackend() throws Exception {
        Calibration calibration = Calibrator.measure(10_000, 5);
        assertEquals(Calibrator.SAMPLES, calibration.kernelBefore().size());
        assertEquals(Calibrator.SAMPLES, calibration.backendBefore().size());
        assertTrue(calibration.kernelBefore().stream().allMatch(rate -> rate > 0), calibration.toString());
        // the backend answers after the delay asked for, never before it
        assertTrue(calibration.backendBefore().stream().allMatch(millis -> millis >= 5), calibration.toString());
        Calibration both = calibration.withAfter(Calibrator.measure(10_000, null));
        assertEquals(2 * Calibrator.SAMPLES, both.kernelRequestsPerCpuSecond().n());
        assertEquals(Calibrator.SAMPLES, both.backendRoundTripMillis().n(), "the second asked for no backend");
    }
}
