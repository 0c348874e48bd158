package corelab.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;

/**
 * A {@link ConfigurationResult} in {@code results.json}: one flat object, as it has been since
 * schema version 1, although in Java it is three parts. The flat record below is the schema,
 * field by field and in order; Jackson's {@code @JsonUnwrapped} is not used because it does not
 * work reliably with records' constructors.
 */
final class ConfigurationJson {
    private ConfigurationJson() {
    }

    /** Writes and reads every {@link ConfigurationResult} through the flat form. */
    static Module module() {
        return new SimpleModule("corelab-configuration")
                .addSerializer(ConfigurationResult.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(ConfigurationResult result, JsonGenerator json, SerializerProvider provider)
                            throws IOException {
                        provider.defaultSerializeValue(Flat.of(result), json);
                    }
                })
                .addDeserializer(ConfigurationResult.class, new JsonDeserializer<>() {
                    @Override
                    public ConfigurationResult deserialize(JsonParser json, DeserializationContext context)
                            throws IOException {
                        return context.readValue(json, Flat.class).toResult();
                    }
                });
    }

    /** The schema's fields, in the schema's order: what was configured, warmupSeconds, the verdict, the rest measured. */
    private record Flat(String id, String mode, String workload, String loadModel, int concurrency, Double ratePerSecond,
                Integer threads, Integer workers, Integer cpuIterations, Integer backendDelayMillis, String counter,
                int coresAllowed, String server, List<String> serverCommand, int warmupSeconds, boolean valid,
                List<String> invalidReasons, CounterCheck counterCheck, Summary summary, List<TrialResult> trials,
                FaultResult fault, ProfileResult profile) {

        static Flat of(ConfigurationResult result) {
            Configuration c = result.configuration();
            Verdict verdict = result.verdict();
            return new Flat(c.id(), c.mode(), c.workload(), c.loadModel(), c.concurrency(), c.ratePerSecond(),
                    c.threads(), c.workers(), c.cpuIterations(), c.backendDelayMillis(), c.counter(),
                    c.coresAllowed(), c.server(), c.serverCommand(), result.warmupSeconds(), verdict.valid(),
                    verdict.invalidReasons(), result.counterCheck(), result.summary(), result.trials(), result.fault(),
                    result.profile());
        }

        ConfigurationResult toResult() {
            Configuration configuration = new Configuration(id, mode, workload, loadModel, concurrency, ratePerSecond,
                    threads, workers, cpuIterations, backendDelayMillis, counter, coresAllowed, server,
                    serverCommand);
            return new ConfigurationResult(configuration, new Verdict(valid, invalidReasons), warmupSeconds,
                    counterCheck, summary, trials, fault, profile);
        }
    }
}
