package corelab.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoadSpecTest {

    @Test
    void openWithoutRateIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LoadSpec(LoadModel.OPEN, 4, Double.NaN, 1, 1000));
        assertEquals("the open load model needs a rate (-Drate=...)", e.getMessage());
    }

    @Test
    void openWithARateThatIsNotPositiveAndFiniteIsRefused() {
        for (double rate : new double[] {0, -5, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LoadSpec(LoadModel.OPEN, 4, rate, 1, 1000));
            assertTrue(e.getMessage().startsWith("the open load model needs a rate"), e.getMessage());
        }
    }

    @Test
    void closedWithARateIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LoadSpec(LoadModel.CLOSED, 4, 100, 1, 1000));
        assertTrue(e.getMessage().contains("applies only to the open load model"), e.getMessage());
    }

    @Test
    void connectionsThreadsAndTimeoutAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(LoadModel.CLOSED, 0, Double.NaN, 1, 1000));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(LoadModel.CLOSED, 2, Double.NaN, 0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(LoadModel.CLOSED, 2, Double.NaN, 3, 1000));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(LoadModel.CLOSED, 2, Double.NaN, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(null, 2, Double.NaN, 1, 1000));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(LoadModel.CLOSED, 2, Double.NaN, 1, 1000, -1));
    }

    @Test
    void validSpecsAreAccepted() {
        assertEquals(200.0, new LoadSpec(LoadModel.OPEN, 4, 200, 2, 1000).ratePerSecond());
        assertTrue(Double.isNaN(new LoadSpec(LoadModel.CLOSED, 4, Double.NaN, 4, 1000).ratePerSecond()));
    }

    @Test
    void loadModelWordsRoundTripAndUnknownWordsListTheValidOnes() {
        for (LoadModel model : LoadModel.values()) {
            assertEquals(model, LoadModel.fromWord(model.word()));
            assertTrue(!model.description().isBlank());
        }
        assertEquals("closed", LoadModel.CLOSED.word());
        assertEquals("open", LoadModel.OPEN.word());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadModel.fromWord("poisson"));
        assertTrue(e.getMessage().contains("closed, open"), e.getMessage());
    }

    @Test
    void requestTemplatesRefuseTargetsThatWouldCorruptTheRequestLine() {
        assertThrows(IllegalArgumentException.class, () -> new RequestTemplate("hello", "x"));
        assertThrows(IllegalArgumentException.class, () -> new RequestTemplate("/a b", "x"));
        assertThrows(IllegalArgumentException.class, () -> new RequestTemplate("/a\r\nX: y", "x"));
        assertThrows(IllegalArgumentException.class, () -> new RequestTemplate("/hello", null));
    }
}
