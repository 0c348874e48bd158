package corelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernelspec that setup.sh installs and NotebooksTest uses, from what this module's build made. */
@Tag("slow")
class KernelSpecTest {
    private static final Path LAB = Path.of("");

    @Test
    void theKernelRunsOnThisJdkWithCorelabOnTheNotebooksClasspath(@TempDir Path spec) throws Exception {
        KernelSpec.write(LAB, spec);
        JsonNode kernel = new ObjectMapper().readTree(spec.resolve("kernel.json").toFile());
        JsonNode argv = kernel.get("argv");
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.get(0).asText());
        assertTrue(Runtime.version().feature() >= 21, "a JDK 21+, whatever java is first on the PATH");
        assertEquals("{connection_file}", argv.get(argv.size() - 1).asText());
        assertEquals("{resource_dir}/" + KernelSpec.LAUNCHER, argv.get(argv.size() - 2).asText());
        String jar = argv.get(argv.size() - 3).asText().replace("{resource_dir}/", "");
        assertTrue(jar.matches("rapaio-jupyter-kernel-.*\\.jar"), jar);
        assertTrue(Files.isRegularFile(spec.resolve(jar)), "the kernel jar is copied into the kernelspec");
        assertTrue(Files.readString(spec.resolve(KernelSpec.LAUNCHER)).contains("public class CorelabKernel"));
        assertEquals("java", kernel.get("language").asText());

        List<String> classpath = List.of(kernel.get("env").get("RJK_CLASSPATH").asText().split(";"));
        assertEquals(LAB.toAbsolutePath().resolve("target").resolve("classes").toString(), classpath.get(0));
        for (String module : List.of("reports", "harness", "modes", "workloads")) {
            assertTrue(classpath.stream().anyMatch(entry -> entry.contains("corelab-" + module)
                    || entry.contains("/" + module + "/target/")), module + " in " + classpath);
        }
        assertTrue(classpath.stream().anyMatch(entry -> entry.contains("xchart")), "dependencies too");
        assertTrue(classpath.stream().noneMatch(entry -> entry.contains("junit")), "no test dependency: " + classpath);
        classpath.forEach(entry -> assertTrue(Files.exists(Path.of(entry)), entry));
    }

    /** The launcher is compiled only when Jupyter starts it: compile it here against the kernel jar the build fetched. */
    @Test
    void theLauncherCompilesAgainstTheKernelJar(@TempDir Path spec, @TempDir Path classes) throws Exception {
        KernelSpec.write(LAB, spec);
        Path jar;
        try (var files = Files.list(spec)) {
            jar = files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, null, errors, "-Xlint:all", "-Werror", "-cp", jar.toString(), "-d",
                classes.toString(), spec.resolve(KernelSpec.LAUNCHER).toString());
        assertEquals(0, exit, errors.toString());
        assertTrue(Files.isRegularFile(classes.resolve("CorelabKernel.class")));
    }

    @Test
    void anUnbuiltModuleGetsOneClearMessage(@TempDir Path empty, @TempDir Path spec) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelSpec.write(empty, spec));
        assertTrue(e.getMessage().contains("./mvnw -q -pl lab -am"), e.getMessage());
    }
}
