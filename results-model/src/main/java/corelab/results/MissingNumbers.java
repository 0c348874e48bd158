package corelab.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * A figure that does not exist, in {@code results.json}: NaN in Java, {@code null} in the file (schema 3 on),
 * because JSON has no NaN and the string {@code "NaN"} that schemas 1 and 2 wrote turns a pandas column into
 * objects. Reading takes {@code null}, the old {@code "NaN"} and an absent field back to NaN, so every schema
 * reads into the same records.
 */
final class MissingNumbers {
    private MissingNumbers() {
    }

    static Module module() {
        JsonSerializer<Double> nanAsNull = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
                if (value.isNaN()) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
        };
        return new SimpleModule("corelab-missing-numbers")
                .addSerializer(Double.class, nanAsNull)
                .addSerializer(Double.TYPE, nanAsNull)
                .addDeserializer(Double.TYPE, new NullAsNaN());
    }

    /** Jackson's own reader of doubles ("NaN" included), with NaN rather than 0 for a null or absent field. */
    private static final class NullAsNaN extends NumberDeserializers.DoubleDeserializer {
        NullAsNaN() {
            super(Double.TYPE, Double.NaN);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return Double.NaN;
        }
    }
}
