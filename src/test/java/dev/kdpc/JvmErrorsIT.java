package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar with a small heap and a trusted rule that allocates without end: the run ends with one
 * paragraph on what ran out and what to try, exit 3 even with {@code --fail-on none}, never the JVM's
 * "Exception in thread" and its stack trace; on the main thread (one profile) and on the pool (two).
 */
class JvmErrorsIT {
  private static final Path JAR = Path.of(System.getProperty("kdpc.jar", "target/kdpc.jar"));

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} profiles")
  @ValueSource(ints = {1, 2})
  void outOfMemoryIsOneParagraphAndExitThree(int profiles) throws IOException, InterruptedException {
    Path rules = Files.createDirectories(tmp.resolve("hog"));
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("rules"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".drl")).toList()) {
        String drl = Files.readString(f, StandardCharsets.UTF_8);
        String chain = "  insert(Assessment.designation(kcontext, $s)\n      .atLeast(\"users.daily_average_kr\"";
        if (f.getFileName().toString().equals("tba-service-stability.drl")) {
          assertThat(drl).contains(chain);
          drl = drl.replace(chain, "  if (true) { java.util.ArrayList hog = new java.util.ArrayList(); while (true) { hog.add(new long[1048576]); } }\n" + chain);
        }
        Files.writeString(rules.resolve(f.getFileName()), drl, StandardCharsets.UTF_8);
      }
    }
    String sample = TestSupport.root().resolve("samples/video-foreign.yaml").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Dkdpc.cache=off", "-jar", JAR.toString(), "check", "--rules", rules.toString(), "--trust-rules",
        "--fail-on", "none", "--time-limit", "600", "--as-of", "2026-06-30", sample));
    if (profiles == 2) cmd.add(TestSupport.root().resolve("samples/portal-search.yaml").toString());
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(3);
    assertThat(err.strip()).doesNotContain("\n").doesNotContain("Exception in thread").doesNotContain("\tat ")
        .startsWith("kdpc: the Java heap ran out of memory (Java heap space). Try a larger heap (JAVA_OPTS=-Xmx2g)");
    assertThat(out).isEmpty();
  }
}
