package dev.kdpc.cli;

import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: exit codes, formats, errors. */
class CliTest {
  @TempDir Path tmp;

  /** Runs the CLI in-process (one helper for every CLI test: {@link ReviewSupport#cli}). */
  static Run run(String... args) {
    return ReviewSupport.cli(args);
  }

  private Path write(String name, String yaml) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return p;
  }

  private static String carrier(long dailyUsers, String traffic) {
    return "kdpc: 1\nservices:\n  - id: v\n    category: video\n    users: { daily_average_kr: " + dailyUsers + " }\n    traffic_share_kr: " + traffic + "\n";
  }

  private static JsonNode finding(JsonNode report, String rule) {
    for (JsonNode f : report.path("profiles").get(0).path("findings")) if (f.path("rule").asText().equals(rule)) return f;
    return null;
  }

  @Test
  void millionDailyUsersAndOnePercentTrafficIsDesignated() throws IOException {
    Path p = write("carrier.yaml", carrier(1_000_000, "0.010"));
    Run r = run("check", "--format", "json", "--as-of", "2026-06-30", p.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("kdpc_report").asInt()).isEqualTo(2);
    JsonNode f = finding(json, "TBA-22-7");
    assertThat(f.path("regime").asText()).isEqualTo("tba-service-stability");
    assertThat(f.path("outcome").asText()).isEqualTo("meets_criteria");
    assertThat(f.path("citation").path("article").asText()).contains("22-7");
    assertThat(json.path("profiles").get(0).path("near_misses")).isEmpty();
  }

  @Test
  void oneUserShortIsNotDesignatedAndANearMissWithItsMargin() throws IOException {
    Path p = write("carrier.yaml", carrier(999_999, "1.0%"));
    Run r = run("check", "--format", "json", "--as-of", "2026-06-30", p.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(finding(json, "TBA-22-7").path("outcome").asText()).isEqualTo("not_met");
    JsonNode near = json.path("profiles").get(0).path("near_misses");
    assertThat(near).hasSize(1);
    assertThat(near.get(0).path("rule").asText()).isEqualTo("TBA-22-7");
    assertThat(near.get(0).path("test").path("fact").asText()).isEqualTo("services.v.users.daily_average_kr");
    assertThat(near.get(0).path("test").path("margin").asDouble()).isEqualTo(-0.000001);
  }

  @Test
  void malformedProfileExitsTwoWithOneLineNamingFileLineColumnAndField() throws IOException {
    Path p = write("bad.yaml", "kdpc: 1\nservices:\n  - id: v\n    market:\n      share: 1.5\n");
    Run r = run("check", p.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err()).contains(p + ":5:14").contains("services[0].market.share").contains("from 0 to 1");
  }

  @Test
  void unknownKeyIsNamedWithASuggestion() throws IOException {
    Path p = write("typo.yaml", "kdpc: 1\ncompany:\n  korean_ofice: true\n");
    Run r = run("validate", p.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(p + ":3:3").contains("company.korean_ofice").contains("did you mean 'korean_office'");
  }

  @Test
  void validateAcceptsEverySample() {
    Run r = run("validate", "samples");
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("ok samples/portal-search.yaml");
  }

  @Test
  void directoryRunReportsEveryFileAndExitsTwoWhenOneIsBad() throws IOException {
    write("a.yaml", carrier(2_000_000, "0.02"));
    write("b.yaml", "kdpc: 1\nservices: 7\n");
    Path out = tmp.resolve("report.json");
    Run r = run("check", "--format", "json", "--as-of", "2026-06-30", "--output", out.toString(), tmp.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("b.yaml:2:11").contains("expected a list, got the number 7");
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertThat(json.path("profiles")).hasSize(2);
    assertThat(json.path("profiles").get(0).path("findings")).isNotEmpty();
    assertThat(json.path("profiles").get(1).path("error").asText()).contains("services");
  }

  @Test
  void failedRunLeavesTheOutputFileUntouched() throws IOException {
    Path out = write("keep.txt", "precious");
    Run r = run("check", "--format", "nope", "--output", out.toString(), "samples/portal-search.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(Files.readString(out)).isEqualTo("precious");
    try (var s = Files.list(tmp)) {
      assertThat(s.map(x -> x.getFileName().toString()).toList()).containsExactly("keep.txt");
    }
  }

  @Test
  void unknownRegimeAndBadDateAreUsageErrors() {
    assertThat(run("check", "--regimes", "nope", "samples/portal-search.yaml").err()).contains("unknown regime 'nope'");
    Run bad = run("check", "--as-of", "2026-13-01", "samples/portal-search.yaml");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--as-of '2026-13-01'");
  }

  @Test
  void failOnUnmetExitsOneWhenADutyIsUnmet() throws IOException {
    Path p = write("v.yaml", carrier(2_000_000, "0.02").replace("    traffic_share_kr", "    stability: { annual_report_filed: false }\n    traffic_share_kr"));
    assertThat(run("check", "--as-of", "2026-06-30", "--fail-on", "unmet", p.toString()).code()).isEqualTo(1);
    assertThat(run("check", "--as-of", "2026-06-30", "--fail-on", "none", p.toString()).code()).isEqualTo(0);
  }

  @Test
  void rulesListsEveryRuleWithArticleAndSource() {
    Run r = run("rules", "--as-of", "2026-06-30");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("TBA-22-7").contains("Art. 22-7(1)").contains("https://www.law.go.kr")
        .contains("kftc-platform-2023  [lapsed");
  }

  @Test
  void explainShowsARule() {
    Run r = run("explain", "MRFTA-6-1-V2024");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("Art. 6 item 1").contains("applies: from 2024-02-06");
  }

  @Test
  void schemaDescribesTheProfileFormat() throws IOException {
    Run r = run("schema");
    JsonNode schema = new ObjectMapper().readTree(r.out());
    assertThat(schema.path("properties").path("services").path("items").path("properties").has("traffic_share_kr")).isTrue();
  }
}
