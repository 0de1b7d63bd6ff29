package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar writing its report where the operating system refuses it ({@code > /dev/full}, a
 * closed pipe, {@code ulimit -f}), under a umask, and killed while writing {@code --output}: exit 4 and
 * one line for a write that failed, nothing left behind.
 */
class OutputIT {
  private static final Path JAR = Path.of(System.getProperty("kdpc.jar", "target/kdpc.jar")).toAbsolutePath();
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String SAMPLE = Path.of("samples/portal-search.yaml").toAbsolutePath().toString();

  @TempDir Path tmp;

  private static List<String> kdpc(String... args) {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-XX:-UsePerfData", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** {@code bash -c 'SETUP; exec java -jar kdpc.jar ARGS > STDOUT'}: a shell limit or umask for the JVM. */
  private static List<String> shell(String setup, String stdout, String... args) {
    StringBuilder line = new StringBuilder(setup).append("; exec");
    for (String a : kdpc(args)) line.append(" '").append(a.replace("'", "'\\''")).append('\'');
    return List.of("bash", "-c", line.append(" > '").append(stdout).append('\'').toString());
  }

  private record Result(int code, String err) {}

  private static Result finish(Process p) throws IOException, InterruptedException {
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), err);
  }

  private static List<String> temps(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".kdpc-")).toList();
    }
  }

  @Test
  void aFullDiskOnTheStandardOutputIsExit4AndOneLine() throws Exception {
    for (String format : List.of("json", "text")) {
      Process p = new ProcessBuilder(kdpc("check", "--format", format, "--as-of", "2026-06-30", SAMPLE))
          .redirectOutput(new File("/dev/full")).start();
      Result r = finish(p);
      assertThat(r.code()).as(format + ": " + r.err()).isEqualTo(4);
      assertThat(r.err()).isEqualTo("kdpc: error: cannot write the report to standard output: No space left on device\n");
    }
    // a violation (exit 1 otherwise) loses to the failed write too
    Process p = new ProcessBuilder(kdpc("check", "--as-of", "2026-06-30", "--scenario", "with-proposals",
        Path.of("samples/appstore-billing.yaml").toAbsolutePath().toString())).redirectOutput(new File("/dev/full")).start();
    assertThat(finish(p).code()).isEqualTo(4);
  }

  @Test
  void aClosedStandardOutputIsExit4AndOneLine() throws Exception {
    Process p = new ProcessBuilder(kdpc("check", "--format", "json", "--as-of", "2026-06-30", SAMPLE)).start();
    p.getInputStream().close(); // the reader went away before the JVM has even started
    Result r = finish(p);
    assertThat(r.code()).as(r.err()).isEqualTo(4);
    assertThat(r.err()).isEqualTo("kdpc: error: cannot write the report to standard output: Broken pipe\n");
  }

  @Test
  void aFileSizeLimitOnTheStandardOutputIsExit4() throws Exception {
    Path out = tmp.resolve("out.json");
    Process p = new ProcessBuilder(shell("ulimit -f 1", out.toString(), "check", "--format", "json", "--as-of", "2026-06-30", SAMPLE)).start();
    Result r = finish(p);
    assertThat(r.code()).as(r.err()).isEqualTo(4);
    assertThat(r.err()).isEqualTo("kdpc: error: cannot write the report to standard output: File too large\n");
    assertThat(Files.size(out)).isEqualTo(1024);
  }

  @Test
  void aFileSizeLimitOnOutputLeavesTheOldFileAndNoTempFile() throws Exception {
    Path report = Files.writeString(tmp.resolve("report.json"), "previous report\n");
    Process p = new ProcessBuilder(shell("ulimit -f 1", "/dev/null", "check", "--format", "json", "--as-of", "2026-06-30",
        "--output", report.toString(), SAMPLE)).start();
    Result r = finish(p);
    assertThat(r.code()).as(r.err()).isEqualTo(4);
    assertThat(r.err()).isEqualTo("kdpc: error: cannot write the report to " + report + ": File too large\n");
    assertThat(Files.readString(report)).isEqualTo("previous report\n");
    assertThat(temps(tmp)).isEmpty();
  }

  @Test
  void aNewOutputFileGetsTheModeTheUmaskGives() throws Exception {
    for (String[] c : new String[][] {{"027", "rw-r-----"}, {"002", "rw-rw-r--"}}) {
      Path report = tmp.resolve("report-" + c[0] + ".json");
      Process p = new ProcessBuilder(shell("umask " + c[0], "/dev/null", "check", "--as-of", "2026-06-30", "--output", report.toString(), SAMPLE)).start();
      Result r = finish(p);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).as("umask " + c[0]).isEqualTo(c[1]);
    }
  }

  /** SIGTERM (what {@link Process#destroy} sends) while the report of a large folder is being written: the temp file goes. */
  @Test
  void aKilledRunLeavesNoTempFileAndTheOldReport() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    byte[] profile = Files.readAllBytes(Path.of("samples/marketplace-mid.yaml"));
    for (int i = 0; i < 2000; i++) Files.write(in.resolve(String.format("p%05d.yaml", i)), profile);
    Path outDir = Files.createDirectories(tmp.resolve("out"));
    Path report = Files.writeString(outDir.resolve("report.json"), "previous report\n");
    Process p = new ProcessBuilder(kdpc("check", "--format", "json", "--as-of", "2026-06-30", "--output", report.toString(), in.toString()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (temps(outDir).isEmpty() && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
    assertThat(temps(outDir)).as("the temp file appeared while the run was writing").isNotEmpty();
    assertThat(p.isAlive()).isTrue();
    p.destroy();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("ended by SIGTERM").isEqualTo(128 + 15);
    assertThat(temps(outDir)).isEmpty();
    assertThat(Files.readString(report)).isEqualTo("previous report\n");
  }
}
