package corelab.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSpecTest {

    @Test
    void openWithoutRateIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LoadModel.Open(Double.NaN));
        assertEquals("the open load model needs a rate (-Drate=...)", e.getMessage());
    }

    @Test
    void openWithARateThatIsNotPositiveAndFiniteIsRefused() {
        for (double rate : new double[] {0, -5, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LoadModel.Open(rate));
            assertTrue(e.getMessage().startsWith("the open load model needs a rate"), e.getMessage());
        }
    }

    /** Closed with a rate is refused by the type: only the open model has a rate to give. */
    @Test
    void closedWithARateCannotBeWritten() {
        assertEquals(0, LoadModel.Closed.class.getRecordComponents().length);
        assertEquals(List.of(LoadModel.Closed.class, LoadModel.Open.class),
                List.of(LoadModel.class.getPermittedSubclasses()));
    }

    @Test
    void connectionsThreadsAndTimeoutAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(LoadModel.CLOSED, 0, 1, 1000));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(LoadModel.CLOSED, 2, 0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(LoadModel.CLOSED, 2, 3, 1000));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(LoadModel.CLOSED, 2, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(null, 2, 1, 1000));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpec(LoadModel.CLOSED, 2, 1, 1000, -1));
    }

    @Test
    void validSpecsAreAccepted() {
        assertEquals(new LoadModel.Open(200), new LoadSpec(new LoadModel.Open(200), 4, 2, 1000).model());
        assertEquals(200.0, new LoadModel.Open(200).ratePerSecond());
        assertEquals(LoadModel.CLOSED, new LoadSpec(LoadModel.CLOSED, 4, 4, 1000).model());
    }

    @Test
    void loadModelWordsRoundTripAndUnknownWordsListTheValidOnes() {
        for (LoadModel.Kind model : LoadModel.Kind.values()) {
            assertEquals(model, LoadModel.Kind.fromWord(model.word()));
            assertTrue(!model.description().isBlank());
        }
        assertEquals("closed", LoadModel.CLOSED.word());
        assertEquals("open", new LoadModel.Open(1).word());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadModel.Kind.fromWord("poisson"));
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
