package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.profile.Profile;
import dev.kdpc.render.JsonRenderer;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample has a golden JSON report in {@code src/test/resources/golden/}, made with
 * {@code --as-of 2026-06-30 --scenario with-proposals}. After an intended change, regenerate them with
 * {@code mvn -B verify -Dkdpc.updateGolden=true} and review the diff like code.
 */
class SamplesGoldenTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final Path SAMPLES = TestSupport.root().resolve("samples");
  static final Path GOLDEN = TestSupport.root().resolve("src/test/resources/golden");

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> s = Files.list(SAMPLES)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  /** The JSON report of a sample with the tool version and rules digest masked (they change with every edit). */
  static String report(Path sample) throws IOException {
    Profile p = TestSupport.reader().read(Path.of("samples").resolve(sample.getFileName()));
    return masked(TestSupport.checker().check(p, Options.withProposals(AS_OF)));
  }

  /** {@code r} as JSON, with the tool version and rules digest masked. */
  static String masked(Report r) throws IOException {
    StringWriter w = new StringWriter();
    new JsonRenderer().render(r, w);
    return w.toString()
        .replaceFirst("\"tool\" : \"[^\"]*\"", "\"tool\" : \"kdpc\"")
        .replaceFirst("\"rules_digest\" : \"[0-9a-f]{64}\"", "\"rules_digest\" : \"masked\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void matchesGoldenReport(Path sample) throws IOException {
    String actual = report(sample);
    Path golden = GOLDEN.resolve(sample.getFileName().toString().replace(".yaml", ".json"));
    if (Boolean.getBoolean("kdpc.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden report for " + sample.getFileName() + " (regenerate with -Dkdpc.updateGolden=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void everyGoldenFileHasItsSample() throws IOException {
    List<String> samples = samples().map(p -> p.getFileName().toString().replace(".yaml", ".json")).toList();
    try (Stream<Path> s = Files.list(GOLDEN)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(samples.stream().sorted().toList());
    }
  }

  @Test
  void reportIsByteIdenticalAcrossRuns() throws IOException {
    Path sample = SAMPLES.resolve("portal-search.yaml");
    assertThat(report(sample)).isEqualTo(report(sample));
  }
}
