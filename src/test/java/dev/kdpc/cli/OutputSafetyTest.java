package dev.kdpc.cli;

import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --output is all or nothing; a directory run reports every file and one bad profile does not stop the others. */
class OutputSafetyTest {
  @TempDir Path tmp;

  /** Runs the CLI in-process (one helper for every CLI test: {@link ReviewSupport#cli}). */
  static Run run(String... args) {
    return ReviewSupport.cli(args);
  }

  private static String carrier(String id, long dailyUsers) {
    return "kdpc: 1\ncompany: { name: " + id + " Co. }\nservices:\n  - id: " + id + "\n    category: video\n"
        + "    users: { daily_average_kr: " + dailyUsers + " }\n    traffic_share_kr: 0.02\n";
  }

  private java.util.List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFailureWhileWritingLeavesTheOldFileAndNoTempFile() throws IOException {
    Path target = Files.writeString(tmp.resolve("report.txt"), "old report", StandardCharsets.UTF_8);
    // A write that fails is exit 4 (the report could not be written), no longer the input error (2) it was.
    assertThatThrownBy(() -> Output.atomically(target, w -> {
      w.write("half a new rep");
      throw new IOException("disk full");
    })).isInstanceOf(OutputException.class).hasMessage("cannot write the report to " + target + ": disk full");
    assertThat(Files.readString(target)).isEqualTo("old report");
    assertThat(names(tmp)).containsExactly("report.txt");
  }

  @Test
  void aRendererBugLeavesTheOldFileAndNoTempFile() throws IOException {
    Path target = Files.writeString(tmp.resolve("report.txt"), "old report", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Output.atomically(target, w -> {
      w.write("partial");
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(Files.readString(target)).isEqualTo("old report");
    assertThat(names(tmp)).containsExactly("report.txt");
  }

  @Test
  void aSuccessfulWriteReplacesTheFileWhole() throws IOException {
    Path target = Files.writeString(tmp.resolve("report.txt"), "old report", StandardCharsets.UTF_8);
    Output.atomically(target, w -> w.write("new report"));
    assertThat(Files.readString(target)).isEqualTo("new report");
    assertThat(names(tmp)).containsExactly("report.txt");
  }

  @Test
  void allProfilesBadLeavesTheOutputUntouchedAndNamesEachFile() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.yaml"), "kdpc: 1\ncompany: { name: A, name: B }\n");
    Files.writeString(in.resolve("b.yaml"), "- not a profile\n");
    Path out = Files.writeString(tmp.resolve("report.json"), "previous");
    Run r = run("check", "--format", "json", "--output", out.toString(), in.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(in.resolve("a.yaml") + ":2:").contains("duplicate key 'name'").contains(in.resolve("b.yaml") + ":1:1:");
    assertThat(Files.readString(out)).isEqualTo("previous");
    assertThat(names(tmp)).containsExactly("in", "report.json");
  }

  @Test
  void oneBadProfileInTheMiddleDoesNotStopTheOthers() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("1-first.yaml"), carrier("first", 2_000_000));
    Files.writeString(in.resolve("2-broken.yaml"), "kdpc: 1\nservices:\n  - id: x\n    market: { share: 1.7 }\n");
    Files.writeString(in.resolve("3-third.yaml"), carrier("third", 500_000));
    Files.writeString(in.resolve("notes.txt"), "not a profile: ignored");
    Path out = tmp.resolve("report.json");
    Run r = run("check", "--format", "json", "--as-of", "2026-06-30", "--output", out.toString(), in.toString());
    assertThat(r.code()).as("a bad profile makes the run an input error").isEqualTo(2);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).contains(in.resolve("2-broken.yaml") + ":4:22: error: field 'services[0].market.share'");
    JsonNode report = new ObjectMapper().readTree(out.toFile());
    JsonNode profiles = report.path("profiles");
    assertThat(profiles).hasSize(3);
    assertThat(profiles.get(0).path("source").asText()).endsWith("1-first.yaml");
    assertThat(profiles.get(0).path("findings")).isNotEmpty();
    assertThat(profiles.get(1).path("source").asText()).endsWith("2-broken.yaml");
    assertThat(profiles.get(1).path("error").asText()).contains("services[0].market.share");
    assertThat(profiles.get(1).path("findings")).isEmpty();
    assertThat(profiles.get(2).path("source").asText()).endsWith("3-third.yaml");
    assertThat(profiles.get(2).path("findings")).isNotEmpty();
  }
}
