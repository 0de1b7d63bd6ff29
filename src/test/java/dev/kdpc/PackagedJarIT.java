package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar itself (target/kdpc.jar), as a user would. */
class PackagedJarIT {
  private static final Path JAR = Path.of(System.getProperty("kdpc.jar", "target/kdpc.jar"));

  private static String[] run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String[] {String.valueOf(p.exitValue()), out, err};
  }

  @Test
  void shadedJarMergesDroolsServiceFiles() throws IOException {
    try (ZipFile z = new ZipFile(JAR.toFile())) {
      var e = z.getEntry("META-INF/services/org.drools.wiring.api.ComponentsSupplier");
      assertThat(e).isNotNull();
      String services = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(services).contains("Dynamic").contains("Static");
      assertThat(z.getEntry("META-INF/ECLIPSE_.SF")).as("ECJ signature stripped").isNull();
      assertThat(z.getEntry("kdpc-rules/tba-service-stability.drl")).as("bundled rules").isNotNull();
    }
  }

  @Test
  void jarChecksASampleWithItsBundledRules() throws Exception {
    String[] r = run("check", "--format", "json", "--as-of", "2026-06-30", "samples/portal-search.yaml");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("\"rule\" : \"MRFTA-6-1-V2024\"").contains("\"outcome\" : \"designated\"");
    assertThat(r[2]).doesNotContain("WARN").doesNotContain("SLF4J");
  }

  @Test
  void jarRefusesABadProfileWithExitTwoAndNoStackTrace() throws Exception {
    Path bad = Files.createTempFile("kdpc", ".yaml");
    Files.writeString(bad, "kdpc: 1\nservices:\n  - id: x\n    traffic_share_kr: 2\n");
    String[] r = run("check", bad.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains(":4:23").doesNotContain("Exception");
    Files.delete(bad);
  }
}
