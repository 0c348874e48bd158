package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corelab.results.stats.Estimate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void everyMarkupCharacterIsEscaped() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", Html.text("<b> & \"x\" 'y'"));
        assertEquals("", Html.text(null));
    }

    @Test
    void folderNamesArePercentEncodedInLinks() {
        assertEquals("a%20b%231", Html.pathSegment("a b#1"));
        assertEquals("20261121-120000", Html.pathSegment("20261121-120000"));
    }

    @Test
    void numbersDoNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("12.5", Numbers.compact(12.5));
            assertEquals("48.2%", Numbers.percent(48.21));
            assertEquals("90%", Numbers.percent(90));
            assertEquals("12346", Numbers.compact(12345.6));
            assertEquals("0.0420", Numbers.compact(0.042));
            assertEquals("p = 0.41", Numbers.pValue(0.41));
            assertEquals("p < 0.001", Numbers.pValue(0.0001));
            assertEquals("?", Numbers.compact(Double.NaN));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anEstimateChangesUnitWithItsInterval() {
        Estimate micros = Estimate.of(1000, 2000, 3000);
        Estimate millis = Numbers.scaled(micros, 1e-3);
        assertEquals(2.0, millis.mean(), 1e-12);
        assertEquals(micros.halfWidth95() / 1000, millis.halfWidth95(), 1e-12);
        assertEquals(3, millis.n());
    }
}
