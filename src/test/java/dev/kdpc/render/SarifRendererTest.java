package dev.kdpc.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import dev.kdpc.report.Finding;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SARIF output validates against the OASIS SARIF 2.1.0 JSON schema (shipped in test resources),
 * and every result is located at the profile line of its deciding fact.
 */
class SarifRendererTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = SarifRendererTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the SARIF schema in test resources").isNotNull();
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in, InputFormat.JSON);
    }
  }

  static Stream<String> samples() throws IOException {
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("samples"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  /** The report as SARIF with every finding ({@code --sarif-all}). */
  static JsonNode sarif(Report r) throws IOException {
    StringWriter w = new StringWriter();
    new SarifRenderer().render(r, w, RenderOptions.DEFAULT.withSarifAll(true));
    return JSON.readTree(w.toString());
  }

  static List<String> errors(JsonNode sarif) {
    return schema.validate(sarif).stream().map(Error::toString).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void validatesAgainstTheSarifSchema(String sample) throws IOException {
    JsonNode sarif = sarif(ReviewSupport.report(List.of(sample), Map.of(), true));
    assertThat(errors(sarif)).isEmpty();
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
  }

  @Test
  void severalProfilesAnUnreadableOneAndKoreanTextValidateToo() throws IOException {
    List<ProfileReport> parts = new ArrayList<>();
    for (String s : List.of("portal-search", "video-foreign")) parts.add(ReviewSupport.part(ReviewSupport.sample(s), Map.of(), false));
    parts.add(ProfileReport.failed("profiles/broken file.yaml", "profiles/broken file.yaml:3:1: invalid YAML"));
    Report r = ReviewSupport.masked(TestSupport.checker().report(ReviewSupport.OPTIONS, parts));
    StringWriter w = new StringWriter();
    new SarifRenderer().render(r, w, new RenderOptions("ko"));
    JsonNode sarif = JSON.readTree(w.toString());
    assertThat(errors(sarif)).isEmpty();
    JsonNode run = sarif.path("runs").get(0);
    assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isFalse();
    assertThat(run.path("artifacts").size()).isEqualTo(3);
    assertThat(run.path("artifacts").get(2).path("location").path("uri").asText()).isEqualTo("profiles/broken%20file.yaml");
    assertThat(run.path("tool").path("driver").path("rules").get(0).path("shortDescription").path("text").asText())
        .as("Korean rule titles with --lang ko").matches(".*[가-힣].*");
  }

  @Test
  void theSchemaCatchesABrokenLog() throws IOException {
    JsonNode sarif = sarif(ReviewSupport.report(List.of("video-foreign"), Map.of(), false));
    ObjectNode result = (ObjectNode) sarif.path("runs").get(0).path("results").get(0);
    result.put("level", "severe");
    ((ObjectNode) result.path("locations").get(0).path("physicalLocation").path("region")).put("startLine", 0);
    assertThat(errors(sarif)).hasSizeGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyResultPointsAtItsDecidingFactInTheYaml(String sample) throws IOException {
    Report r = ReviewSupport.report(List.of(sample), Map.of(), false);
    JsonNode run = sarif(r).path("runs").get(0);
    List<Finding> findings = r.findings();
    JsonNode results = run.path("results");
    assertThat(results.size()).as("one result per finding").isEqualTo(findings.size());
    List<String> lines = Files.readAllLines(TestSupport.root().resolve("samples").resolve(sample), StandardCharsets.UTF_8);
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      JsonNode res = results.get(i);
      assertThat(res.path("ruleId").asText()).isEqualTo(f.rule());
      assertThat(run.path("tool").path("driver").path("rules").get(res.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(f.rule());
      JsonNode region = res.path("locations").get(0).path("physicalLocation").path("region");
      assertThat(region.has("startLine")).as(f.rule() + " has a region with a line").isTrue();
      dev.kdpc.report.Test decisive = Words.decisive(f);
      assertThat(decisive).as(f.rule() + " has a deciding test").isNotNull();
      assertThat(res.path("properties").path("deciding_fact").asText()).isEqualTo(decisive.fact());
      int line = region.path("startLine").asInt();
      int column = region.path("startColumn").asInt();
      if (decisive.line() == 0) {
        // neither the fact nor any section above it is in the file: the result points at the file's start
        assertThat(profileOf(r).sourceMap().locate(decisive.fact())).as(decisive.fact()).isNull();
        assertThat(line).isEqualTo(1);
        assertThat(res.path("message").path("text").asText()).contains("Not stated: ").contains(decisive.fact());
        continue;
      }
      assertThat(line).as(f.rule() + " " + f.service()).isEqualTo(decisive.line()).isPositive();
      String key = stated(decisive.fact(), r, f);
      String at = lines.get(line - 1).substring(column - 1);
      assertThat(at).as("%s: line %d column %d of %s names the deciding fact %s", f.rule(), line, column, sample, decisive.fact())
          .startsWith(key + ":");
    }
  }

  /**
   * The key the region must point at: the deciding fact's own key where the profile states it, else
   * its nearest stated parent's (an undetermined finding points where the missing fact belongs).
   */
  private static String stated(String fact, Report r, Finding f) {
    String path = fact;
    var map = profileOf(r).sourceMap();
    while (map.exact(path) == null && path.contains(".")) path = path.substring(0, path.lastIndexOf('.'));
    String last = path.substring(path.lastIndexOf('.') + 1);
    if (path.startsWith("services.") && path.chars().filter(c -> c == '.').count() == 1) return "id"; // a service entry starts at its first key
    return last.replaceAll("\\[\\d+]$", "");
  }

  private static dev.kdpc.profile.Profile profileOf(Report r) {
    return TestSupport.reader().read(r.profiles().get(0).source(), readBytes(r.profiles().get(0).source()));
  }

  private static byte[] readBytes(String source) {
    try {
      return Files.readAllBytes(TestSupport.root().resolve(source));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void potentialViolationsAndUnmetDutiesAreWarningsIneligibleAndUndeterminedNotes() {
    // A potential violation is a risk, never an error: only the regulator's finding of unfairness makes a violation.
    assertThat(SarifRenderer.level(dev.kdpc.report.Outcome.POTENTIAL_VIOLATION)).isEqualTo("warning");
    assertThat(SarifRenderer.kind(dev.kdpc.report.Outcome.POTENTIAL_VIOLATION)).isEqualTo("fail");
    assertThat(SarifRenderer.level(dev.kdpc.report.Outcome.UNMET)).isEqualTo("warning");
    assertThat(SarifRenderer.level(dev.kdpc.report.Outcome.INELIGIBLE)).isEqualTo("note");
    assertThat(SarifRenderer.kind(dev.kdpc.report.Outcome.INELIGIBLE)).isEqualTo("fail");
    assertThat(SarifRenderer.level(dev.kdpc.report.Outcome.UNDETERMINED)).isEqualTo("note");
    assertThat(SarifRenderer.kind(dev.kdpc.report.Outcome.UNDETERMINED)).isEqualTo("open");
    for (dev.kdpc.report.Outcome o : dev.kdpc.report.Outcome.values()) {
      assertThat(SarifRenderer.level(o)).as(o.id()).isNotEqualTo("error");
      boolean flagged = o.adverse() || o == dev.kdpc.report.Outcome.INELIGIBLE || o == dev.kdpc.report.Outcome.UNDETERMINED;
      if (!flagged) assertThat(SarifRenderer.level(o)).as(o.id()).isEqualTo("none");
      if (!flagged) assertThat(SarifRenderer.kind(o)).as(o.id()).isNotEqualTo("fail");
    }
    assertThat(SarifRenderer.uri("https://www.law.go.kr/법령/전기통신사업법")).isEqualTo(
        "https://www.law.go.kr/%EB%B2%95%EB%A0%B9/%EC%A0%84%EA%B8%B0%ED%86%B5%EC%8B%A0%EC%82%AC%EC%97%85%EB%B2%95");
  }
}
