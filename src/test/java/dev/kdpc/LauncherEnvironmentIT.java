package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bin/kdpc in a bare environment (a service, a container, {@code env -i}): with HOME unset or empty and
 * no usable XDG_CACHE_HOME it runs without its class archive, and gives the plain jar's report.
 */
class LauncherEnvironmentIT {
  private static final Path JAR = Path.of(System.getProperty("kdpc.jar", "target/kdpc.jar"));

  @ParameterizedTest(name = "HOME {0}")
  @ValueSource(strings = {"unset", "empty", "relative XDG_CACHE_HOME"})
  void runsWithoutHome(String how) throws IOException, InterruptedException {
    String[] args = {"check", "--format", "json", "--as-of", "2026-06-30", "samples/portal-search.yaml"};
    List<String> plainCmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JAR.toString()));
    plainCmd.addAll(List.of(args));
    String plain = new String(new ProcessBuilder(plainCmd).start().getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    String[] r = PackagedJarIT.launch(env -> {
      env.remove("HOME");
      env.remove("XDG_CACHE_HOME");
      if (how.equals("empty")) env.put("HOME", "");
      if (how.startsWith("relative")) env.put("XDG_CACHE_HOME", "relative-cache");
    }, args);
    String out = r[1];
    String err = r[2];
    assertThat(r[0]).as(err).isEqualTo("0");
    assertThat(err).isEmpty();
    assertThat(out).isEqualTo(plain);
    assertThat(Path.of("relative-cache")).doesNotExist();
  }
}
