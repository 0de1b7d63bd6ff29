package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs that are not regular files are refused before they are opened (a FIFO would wait for a writer,
 * a device could be endless), and a folder reports every {@code *.yaml} / {@code *.yml} entry it cannot
 * read, with the reason, while its readable profiles are still evaluated.
 */
class FolderEntriesTest {
  static final Path GOOD = TestSupport.root().resolve("samples/portal-search.yaml");

  @TempDir Path tmp;

  static Run run(String... args) {
    return ReviewSupport.cli(args);
  }

  private static void mkfifo(Path p) throws IOException, InterruptedException {
    Process pr = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
    assertThat(pr.waitFor()).as("mkfifo").isZero();
  }

  /** A folder with one good profile (and one in a subfolder) and every kind of unreadable profile entry. */
  private Path hostileFolder() throws IOException, InterruptedException {
    Path d = Files.createDirectories(tmp.resolve("folder"));
    Files.copy(GOOD, d.resolve("good.yaml"));
    Files.createDirectories(d.resolve("sub"));
    Files.copy(GOOD, d.resolve("sub/also-good.yml"));
    mkfifo(d.resolve("pipe.yaml"));
    Files.createSymbolicLink(d.resolve("dangling.yaml"), Path.of("nowhere.yaml"));
    Files.createSymbolicLink(d.resolve("self.yaml"), Path.of("self.yaml"));
    Files.createDirectories(d.resolve("dir.yaml"));
    Files.copy(GOOD, d.resolve("dir.yaml/inside.yaml"));
    Files.createSymbolicLink(d.resolve("zero.yml"), Path.of("/dev/zero"));
    Files.createSymbolicLink(d.resolve("sub/up"), Path.of(".."));
    Files.writeString(d.resolve("notes.txt"), "not a profile");
    return d;
  }

  @Test
  void aFolderReportsEveryEntryItCannotReadAndEvaluatesTheRest() throws Exception {
    Path d = hostileFolder();
    Run r = run("check", "--as-of", "2026-06-30", "--format", "json", "--fail-on", "none", d.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.INPUT.code);
    List<String> lines = r.err().lines().toList();
    assertThat(lines).containsExactly(
        d.resolve("dangling.yaml") + ": error: a symbolic link to a missing file (nowhere.yaml)",
        d.resolve("dir.yaml") + ": error: is a directory, not a profile file",
        d.resolve("pipe.yaml") + ": error: not a regular file (a FIFO)",
        d.resolve("self.yaml") + ": error: a symbolic link that leads back to itself (a loop)",
        d.resolve("sub/up") + ": error: a symbolic link back to a folder that contains it (a loop); not followed",
        d.resolve("zero.yml") + ": error: not a regular file (a character device)");
    JsonNode report = new ObjectMapper().readTree(r.out());
    List<String> evaluated = new ArrayList<>();
    for (JsonNode p : report.path("profiles")) if (p.path("findings").size() > 0) evaluated.add(p.path("source").asText());
    assertThat(evaluated).containsExactly(d.resolve("good.yaml").toString(), d.resolve("sub/also-good.yml").toString());
    assertThat(report.path("profiles")).hasSize(8);
  }

  @Test
  void validateReportsTheSameEntries() throws Exception {
    Path d = hostileFolder();
    Run r = run("validate", d.toString());
    assertThat(r.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.out()).contains("ok " + d.resolve("good.yaml")).contains("ok " + d.resolve("sub/also-good.yml"));
    assertThat(r.err().lines()).hasSize(6).allMatch(l -> l.startsWith(d.toString()));
  }

  @Test
  void aSymlinkedFolderIsFollowed() throws IOException {
    Path real = Files.createDirectories(tmp.resolve("real"));
    Files.copy(GOOD, real.resolve("a.yaml"));
    Path d = Files.createDirectories(tmp.resolve("top"));
    Files.createSymbolicLink(d.resolve("linked"), real);
    Run r = run("validate", d.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("ok " + d.resolve("linked/a.yaml"));
  }

  @Test
  void aFifoGivenAsAProfileIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = tmp.resolve("profile.yaml");
    mkfifo(fifo);
    Run r = run("check", fifo.toString());
    assertThat(r.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.err()).isEqualTo(fifo + ": error: not a regular file (a FIFO)" + System.lineSeparator());
    assertThat(r.out()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/dev/zero", "/dev/null", "/dev/urandom"})
  void aDeviceIsRefusedBeforeItIsRead(String device) {
    Run r = run("check", device);
    assertThat(r.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.err()).isEqualTo(device + ": error: not a regular file (a character device)" + System.lineSeparator());
  }

  @Test
  void aDirectoryGivenAsAProfileIsNotAnEmptyFolderError() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("empty"));
    Run r = run("check", d.toString());
    assertThat(r.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.err()).contains(d + ": the directory holds no .yaml or .yml profiles");
  }
}
