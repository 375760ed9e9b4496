package org.molscreen.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar and the {@code ./molscreen} launcher, as a user runs them: a separate JVM started by
 * the script at the repository root, on the example library that ships in {@code examples/}.
 * Runs in the integration-test phase, after the jar is built.
 */
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void manifestCarriesEveryAddOpensOfJvmOptions() throws IOException {
        List<String> opens = Files.readAllLines(ROOT.resolve("jvm.options")).stream()
                .filter(line -> line.startsWith("--add-opens="))
                .map(line -> line.substring("--add-opens=".length(), line.lastIndexOf('=')))
                .toList();
        assertThat(opens).contains("java.base/java.nio", "java.base/sun.nio.ch");
        try (JarFile jar = new JarFile(ROOT.resolve("api/target/molscreen.jar").toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo("org.molscreen.api.cli.Main");
            assertThat(main.getValue("Add-Opens").split(" ")).containsExactlyInAnyOrderElementsOf(opens);
        }
    }

    @Test
    void launcherFeaturisesTheExampleLibrary() throws Exception {
        Path out = dir.resolve("features.csv");
        Process process = new ProcessBuilder(ROOT.resolve("molscreen").toString(), "featurize",
                ROOT.resolve("examples/library.smi").toString(), "--out", out.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("30 records, 27 featurised, 3 errors").contains("bad_unclosed_branch");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(31);
        assertThat(lines.get(0)).startsWith("id,smiles,mw,exact_mass,clogp,tpsa");
        assertThat(lines.get(1)).startsWith("aspirin,");
    }

    @Test
    void launcherReportsAnUnreadableInputWithoutAStackTrace() throws Exception {
        Process process = new ProcessBuilder(ROOT.resolve("molscreen").toString(), "featurize",
                dir.resolve("missing.sdf").toString(), "--out", dir.resolve("x.csv").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(output).contains("missing.sdf: no such file").doesNotContain("\tat ");
    }

    @Test
    void batchCommandsRunWithAOneGibHeapUnlessTheUserSetsOne() throws Exception {
        // without the cap the JVM's default heap (a quarter of the machine) let a screen's garbage pile up past 1 GiB
        assertThat(maxHeapOfFeaturize("")).isEqualTo(1L << 30);
        assertThat(maxHeapOfFeaturize("-Xmx512m")).isEqualTo(512L << 20);
    }

    @Test
    void batchCommandsCollectWithTheSerialCollectorUnlessTheUserChoosesOne() throws Exception {
        // G1 cost a short screen ~0.4 s of 3.4 s and a long one 190 MiB of resident memory (README, launcher)
        String small = ROOT.resolve("examples/library.smi").toString();
        assertThat(flagOfFeaturize("", "UseSerialGC", small, "--out", dir.resolve("a.csv").toString())).isEqualTo("true");
        assertThat(flagOfFeaturize("-XX:+UseG1GC", "UseG1GC", small, "--out", dir.resolve("b.csv").toString())).isEqualTo("true");
        assertThat(flagOfFeaturize("-XX:+UseG1GC", "UseSerialGC", small, "--out", dir.resolve("c.csv").toString())).isEqualTo("false");
    }

    /**
     * A small library runs with C1 alone (it ends before C2 pays for itself), a large one with the JVM's default; the
     * output file does not count as a library, and a user's own JIT setting wins.
     */
    @Test
    void smallLibrariesRunWithTheQuickCompilerOnly() throws Exception {
        String small = ROOT.resolve("examples/library.smi").toString();
        Path big = dir.resolve("big.smi");
        try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(10L << 20); // sparse: ~190,000 records by its size
        }
        Path bigOutput = dir.resolve("big-out.smi");
        Files.copy(big, bigOutput);
        assertThat(flagOfFeaturize("", "TieredStopAtLevel", small, "--out", dir.resolve("a.csv").toString())).isEqualTo("1");
        assertThat(flagOfFeaturize("", "TieredStopAtLevel", small, "--out", bigOutput.toString())).isEqualTo("1");
        assertThat(flagOfFeaturize("", "TieredStopAtLevel", big.toString(), "--out", dir.resolve("b.csv").toString())).isEqualTo("4");
        assertThat(flagOfFeaturize("-XX:-TieredCompilation", "TieredCompilation", small, "--out", dir.resolve("c.csv").toString()))
                .isEqualTo("false");
    }

    private String flagOfFeaturize(String userOptions, String flag, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("molscreen").toString(), "featurize"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MOLSCREEN_JAVA_OPTS", (userOptions + " -XX:+PrintFlagsFinal").strip());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Matcher value = Pattern.compile("\\b" + flag + "\\s*=\\s*(\\w+)").matcher(output);
        assertThat(value.find()).as(output).isTrue();
        return value.group(1);
    }

    private long maxHeapOfFeaturize(String userOptions) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("molscreen").toString(), "featurize",
                ROOT.resolve("examples/library.smi").toString(), "--out", dir.resolve("heap.csv").toString())
                .redirectErrorStream(true);
        builder.environment().put("MOLSCREEN_JAVA_OPTS", (userOptions + " -XX:+PrintFlagsFinal").strip());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Matcher heap = Pattern.compile("\\bMaxHeapSize\\s*=\\s*(\\d+)").matcher(output);
        assertThat(heap.find()).as(output).isTrue();
        return Long.parseLong(heap.group(1));
    }
}
