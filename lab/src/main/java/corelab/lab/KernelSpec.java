package corelab.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import corelab.modes.process.JvmCommand;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the Jupyter kernelspec that runs corelab's notebooks: a folder with {@code kernel.json},
 * the rapaio Java kernel's jar and its launcher ({@code CorelabKernel.java}, which says why). The kernel runs on this JVM's JDK (21 or newer: corelab's
 * classes need it, whatever {@code java} is first on the PATH) and puts corelab on the
 * notebooks' classpath, so a notebook needs no set-up cell.
 *
 * <p>Its inputs are what the lab module's build makes for the notebooks only (see lab/pom.xml: at
 * compile with {@code -Pnotebooks}, and in {@code verify}): the runtime classpath in
 * {@code target/notebook-classpath.txt} and the kernel jar in {@code target/notebook-kernel/}. notebooks/setup.sh writes it into the user's Jupyter data folder
 * ({@code jupyter --data-dir}/kernels/corelab); NotebooksTest writes one under target/ and points
 * {@code JUPYTER_PATH} at it.
 */
public final class KernelSpec {
    /** The kernelspec's name, which every notebook's metadata names. */
    static final String NAME = "corelab";
    static final String CLASSPATH_FILE = "notebook-classpath.txt";
    static final String KERNEL_FOLDER = "notebook-kernel";
    /** The kernel's launcher, a single-file Java program in this package's resources. */
    static final String LAUNCHER = "CorelabKernel.java";

    private KernelSpec() {
    }

    /** {@code java -cp ... corelab.lab.KernelSpec <lab module folder> <kernelspec folder to write>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: corelab.lab.KernelSpec <lab module folder> <kernelspec folder to write>");
            System.exit(2);
        }
        try {
            Path spec = write(Path.of(args[0]), Path.of(args[1]));
            System.out.println("corelab: kernelspec written to " + spec);
        } catch (IllegalStateException e) {
            System.err.println("corelab: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Writes {@code kernel.json} and a copy of the kernel jar into {@code specFolder}.
     *
     * @return the kernelspec folder, absolute
     * @throws IllegalStateException the lab module was not built (no classpath file, no kernel jar)
     */
    static Path write(Path labModule, Path specFolder) throws IOException {
        Path lab = labModule.toAbsolutePath().normalize();
        Path target = lab.resolve("target");
        Path kernelJar = kernelJar(target.resolve(KERNEL_FOLDER));
        Path spec = Files.createDirectories(specFolder.toAbsolutePath().normalize());
        for (Path old : kernelJars(spec)) { // a kernel of another version, from an earlier set-up
            Files.delete(old);
        }
        Files.copy(kernelJar, spec.resolve(kernelJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        try (InputStream launcher = KernelSpec.class.getResourceAsStream(LAUNCHER)) {
            Files.copy(launcher, spec.resolve(LAUNCHER), StandardCopyOption.REPLACE_EXISTING);
        }

        Map<String, Object> kernel = new LinkedHashMap<>();
        // {resource_dir} is the installed kernelspec folder: Jupyter fills it in when it starts the kernel.
        // The kernel's own MainApp, started through CorelabKernel.java, which works around its start-up race.
        kernel.put("argv", List.of(JvmCommand.javaExecutable(), "-Djava.awt.headless=true", "-cp",
                "{resource_dir}/" + kernelJar.getFileName(), "{resource_dir}/" + LAUNCHER, "{connection_file}"));
        kernel.put("display_name", "Java (corelab)");
        kernel.put("language", "java");
        kernel.put("interrupt_mode", "message"); // Jupyter's stop button interrupts the run, which saves what it measured
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RJK_CLASSPATH", String.join(";", classpath(target)));
        env.put("RJK_COMPILER_OPTIONS", "");
        env.put("RJK_INIT_SCRIPT", "");
        env.put("RJK_TIMEOUT_MILLIS", "-1"); // a lab's run takes minutes
        // The kernel's cache for %dependency downloads: under target/, never in the notebooks' folder.
        env.put("RJK_MIMA_CACHE", target.resolve("notebook-mima-cache").toString());
        kernel.put("env", env);
        Files.writeString(spec.resolve("kernel.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(kernel) + "\n", StandardCharsets.UTF_8);
        return spec;
    }

    /**
     * corelab's classpath for the notebooks: the lab module's classes, then its runtime classpath as
     * Maven resolved it. The kernel hands it to JShell, whose class loader is where corelab finds it
     * again to start servers in their own JVMs (corelab.modes.process.JvmCommand).
     */
    static List<String> classpath(Path target) throws IOException {
        Path file = target.resolve(CLASSPATH_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": build corelab first, ./mvnw -q -pl lab -am -Pnotebooks compile"
                    + " (notebooks/setup.sh does)");
        }
        List<String> entries = new ArrayList<>();
        entries.add(target.resolve("classes").toString());
        for (String entry : Files.readString(file, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        for (String entry : entries) {
            // The kernel splits its classpath at ';' and reads each entry as a glob pattern.
            if (entry.chars().anyMatch(c -> ";*?[]{}".indexOf(c) >= 0)) {
                throw new IllegalStateException("the Java kernel cannot take a classpath entry with any of ;*?[]{} in"
                        + " its path: " + entry + " (move the checkout or ~/.m2 to a plainer path)");
            }
        }
        return entries;
    }

    private static Path kernelJar(Path folder) throws IOException {
        List<Path> jars = Files.isDirectory(folder) ? kernelJars(folder) : List.of();
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one rapaio-jupyter-kernel jar in " + folder + ", found " + jars
                    + ": build corelab first, ./mvnw -q -pl lab -am -Pnotebooks clean compile (notebooks/setup.sh does)");
        }
        return jars.get(0);
    }

    private static List<Path> kernelJars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("rapaio-jupyter-kernel-.*\\.jar")).sorted().toList();
        }
    }
}
