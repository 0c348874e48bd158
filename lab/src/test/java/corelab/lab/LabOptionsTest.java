package corelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.Mode;
import corelab.modes.options.OptionException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LabOptionsTest {
    private static Properties props(String... pairs) {
        Properties properties = new Properties();
        properties.setProperty("java.version", "21"); // JVM properties have dots and are not ours
        properties.setProperty("skipTests", "true"); // neither are Maven's
        properties.setProperty("guice_custom_class_loading", "CHILD"); // set by Maven 3.9.12+ in its own JVM
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void readsServerOptionsFromProperties() {
        LabOptions options = LabOptions.parse(props("mode", "virtual", "serve", "true"));
        assertTrue(options.serve());
        assertFalse(options.help());
        assertEquals(Mode.VIRTUAL, options.server().mode());
        assertEquals(Mode.SINGLE, LabOptions.parse(props("serve", "true")).server().mode());
    }

    @Test
    void aMeasuredRunTakesListsAndAllModesByDefault() {
        LabOptions options = LabOptions.parse(props("concurrency", "1,16,64", "workload", "cpu"));
        assertFalse(options.serve());
        assertEquals(Mode.java().size(), options.benchmark().servers().modes().size());
        assertEquals(java.util.List.of(1, 16, 64), options.benchmark().load().concurrency());
    }

    @Test
    void serveTakesOneValueAndOnlyServerOptions() {
        assertThrows(OptionException.class, () -> LabOptions.parse(props("serve", "true", "threads", "8,16")));
        assertThrows(OptionException.class, () -> LabOptions.parse(props("serve", "true", "trials", "3")));
        assertThrows(OptionException.class, () -> LabOptions.parse(props("port", "9000")));
    }

    @Test
    void serveTakesEveryServerOption() {
        LabOptions options = LabOptions.parse(props("serve", "true", "idleTimeoutMillis", "500", "crashEndpoints", "true"));
        assertEquals(500, options.server().limits().idleTimeoutMillis());
        assertTrue(options.server().crashEndpoints());
        assertThrows(OptionException.class, () -> LabOptions.parse(props("crashEndpoints", "true")),
                "a measured run does not take it");
    }

    @Test
    void serveTakesTheCounterStoreAndRefusesPrimaryWithoutACluster() {
        LabOptions cluster = LabOptions.parse(props("serve", "true", "mode", "cluster", "counter", "primary",
                "redisPort", "6379"));
        assertEquals("primary", cluster.server().counter().word());
        assertEquals(6379, cluster.server().redisPort());
        OptionException e = assertThrows(OptionException.class,
                () -> LabOptions.parse(props("serve", "true", "counter", "primary")));
        assertTrue(e.getMessage().contains("mode=single has no primary"), e.getMessage());
    }

    @Test
    void aBareFlagMeansTrue() {
        assertTrue(LabOptions.parse(props("help", "")).help());
    }

    @Test
    void aMistypedOptionIsRefusedNotIgnored() {
        OptionException e = assertThrows(OptionException.class, () -> LabOptions.parse(props("mdoe", "cluster")));
        assertTrue(e.getMessage().startsWith("unknown option 'mdoe'; valid options: help, serve, report, port"), e.getMessage());
    }

    @Test
    void reportRendersASavedFolderAndTakesNoOtherOption() {
        assertEquals(java.nio.file.Path.of("results/x"), LabOptions.parse(props("report", "results/x")).report());
        assertThrows(OptionException.class, () -> LabOptions.parse(props("report", "results/x", "mode", "single")));
        assertThrows(OptionException.class, () -> LabOptions.parse(props("report", "")));
    }

    @Test
    void aFlagTakesOnlyTrueOrFalse() {
        OptionException e = assertThrows(OptionException.class, () -> LabOptions.parse(props("serve", "yes")));
        assertEquals("serve must be true or false, was 'yes'", e.getMessage());
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        String usage = Main.usage();
        for (var spec : LabOptions.OPTIONS.options()) {
            assertTrue(usage.contains("-D" + spec.name() + "=" + spec.defaultText()), spec.name());
        }
        for (Mode mode : Mode.values()) {
            assertTrue(usage.contains(mode.word()), mode.word());
        }
    }
}
