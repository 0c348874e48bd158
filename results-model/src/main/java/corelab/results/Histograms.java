package corelab.results;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Full latency histograms in the results, in HdrHistogram's own compressed form, Base64
 * encoded: the same encoding HdrHistogram's log files use, so any tool that reads those
 * can read these, and any percentile can be recomputed from saved results.
 */
public final class Histograms {
    /** Latencies are recorded in microseconds, up to a minute. */
    public static final long HIGHEST_TRACKABLE_MICROS = 60_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;

    private Histograms() {
    }

    public static Histogram empty() {
        return new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    public static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("not a valid encoded histogram: " + e.getMessage(), e);
        }
    }
}
