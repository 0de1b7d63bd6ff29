package dev.kdpc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for every output format on five samples (as of 2026-06-30, with proposals, as
 * {@code kdpc check} makes them: flips included), plus a what-if and why-not variant and a Korean
 * variant, in {@code src/test/resources/golden-formats/}. After an intended change, regenerate them
 * with {@code mvn -B -q test -Dtest=FormatsGoldenTest -Dkdpc.updateGolden=true} and read the diff.
 */
class FormatsGoldenTest {
  static final Path GOLDEN = TestSupport.root().resolve("src/test/resources/golden-formats");
  static final List<String> SAMPLES = List.of("portal-search", "webtoon-near-miss", "sns-missing-facts", "video-foreign", "marketplace-selfpref",
      "cloud-hyperscaler-public", "published-shares-rounded");
  static final Map<String, String> EXT = Map.of(
      "text", "txt", "json", "json", "markdown", "md", "html", "html", "sarif", "sarif", "junit", "junit.xml",
      "junit-surefire", "surefire.xml");

  /** A golden file: its name, the report and how to render it. */
  record Case(String file, String format, String lang, Report report) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (String s : SAMPLES) {
      Report r = ReviewSupport.report(List.of(s), Map.of(), false);
      for (String format : List.of("text", "json", "markdown", "html", "sarif", "junit", "junit-surefire")) {
        out.add(new Case(s + "." + EXT.get(format), format, "en", r));
      }
    }
    Report whatIf = ReviewSupport.report(List.of("webtoon-near-miss"),
        Map.of("services.comics.users.daily_average_kr", "1000000"), true);
    for (String format : List.of("text", "json", "markdown", "html")) {
      out.add(new Case("webtoon-near-miss.what-if." + EXT.get(format), format, "en", whatIf));
    }
    Report portal = ReviewSupport.report(List.of("portal-search"), Map.of(), false);
    for (String format : List.of("text", "markdown", "html", "sarif", "junit")) {
      out.add(new Case("portal-search.ko." + EXT.get(format), format, "ko", portal));
    }
    return out;
  }

  static Stream<Arguments> goldenCases() {
    return cases().stream().map(Arguments::of);
  }

  static String render(Case c) throws IOException {
    StringWriter w = new StringWriter();
    Renderers.byName(c.format()).orElseThrow().render(c.report(), w, new RenderOptions(c.lang()));
    return w.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenCases")
  void matchesGoldenFile(Case c) throws IOException {
    String actual = render(c);
    Path golden = GOLDEN.resolve(c.file());
    if (Boolean.getBoolean("kdpc.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file " + c.file() + " (regenerate with -Dkdpc.updateGolden=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void everyGoldenFileHasItsCase() throws IOException {
    List<String> expected = cases().stream().map(Case::file).sorted().toList();
    try (Stream<Path> s = Files.list(GOLDEN)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(expected);
    }
  }

  @Test
  void renderingIsByteIdenticalAcrossRuns() throws IOException {
    for (Case c : cases().subList(0, 6)) assertThat(render(c)).as(c.file()).isEqualTo(render(c));
  }
}
