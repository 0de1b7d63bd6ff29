package dev.kdpc.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kdpc impact} through the CLI, in process: its groups equal what {@code kdpc check} says of each
 * profile, its JSON holds to {@code kdpc schema impact}, bad input is refused or reported, and sweeps
 * vary exactly the line they name.
 */
class ImpactCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String AS_OF = "2026-06-30";
  static Schema schema;

  @TempDir Path tmp;

  @BeforeAll
  static void load() {
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(ImpactSchema.text(), InputFormat.JSON);
  }

  static Run run(String... args) {
    return ReviewSupport.cli(args);
  }

  static JsonNode json(Run r) throws IOException {
    JsonNode n = JSON.readTree(r.out());
    assertThat(schema.validate(n)).as("kdpc schema impact holds the output").isEmpty();
    return n;
  }

  /** Per regime, per profile source: the group, worked out from the check report's designation findings alone. */
  static Map<String, Map<String, String>> groupsFromCheck(JsonNode report) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (JsonNode regime : report.path("regimes")) out.put(regime.asText(), new TreeMap<>());
    for (JsonNode p : report.path("profiles")) {
      for (String regime : out.keySet()) {
        boolean met = false;
        boolean open = false;
        for (JsonNode f : p.path("findings")) {
          if (!f.path("kind").asText().equals("designation") || !f.path("regime").asText().equals(regime)) continue;
          String o = f.path("outcome").asText();
          met |= o.equals("presumed") || o.equals("meets_criteria");
          open |= o.equals("undetermined");
        }
        out.get(regime).put(p.path("source").asText(), met ? "caught" : open ? "undetermined" : "not_caught");
      }
    }
    return out;
  }

  static Map<String, Map<String, String>> groupsFromImpact(JsonNode impact) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (JsonNode r : impact.path("regimes")) {
      Map<String, String> m = new TreeMap<>();
      r.path("by_country").fields().forEachRemaining(c -> {
        for (String g : List.of("caught", "not_caught", "undetermined")) {
          for (JsonNode e : c.getValue().path(g)) m.put(e.path("source").asText(), g);
        }
      });
      out.put(r.path("regime").asText(), m);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"in-force", "with-proposals"})
  void theGroupsEqualWhatCheckSaysOfEachProfile(String scenario) throws IOException {
    for (String dir : List.of("samples/portfolio", "samples")) {
      Run check = run("check", "--format", "json", "--fail-on", "none", "--as-of", AS_OF, "--scenario", scenario, dir);
      assertThat(check.code()).as(check.err()).isZero();
      Run impact = run("impact", "--format", "json", "--as-of", AS_OF, "--scenario", scenario, dir);
      assertThat(impact.code()).as(impact.err()).isZero();
      JsonNode i = json(impact);
      Map<String, Map<String, String>> fromCheck = groupsFromCheck(JSON.readTree(check.out()));
      Map<String, Map<String, String>> fromImpact = groupsFromImpact(i);
      // Regimes without designation rules are left out of the impact, with a notice.
      for (JsonNode n : i.path("notices")) {
        if (n.path("message").asText().startsWith("left out")) fromCheck.remove(n.path("regime").asText());
      }
      assertThat(fromImpact).as(dir + " " + scenario).isEqualTo(fromCheck);
      assertThat(i.path("profiles").asInt()).isEqualTo(JSON.readTree(check.out()).path("profiles").size());
      long caught = fromImpact.values().stream().flatMap(m -> m.values().stream()).filter("caught"::equals).count();
      assertThat(caught).as("something is caught in " + dir).isPositive();
    }
  }

  @Test
  void eachCompanyIsUnderItsHeadquartersCountry() throws IOException {
    JsonNode i = json(run("impact", "--format", "json", "--as-of", AS_OF, "--regimes", "kftc-platform-2023", "samples/portfolio"));
    JsonNode by = i.path("regimes").get(0).path("by_country");
    assertThat(names(by.path("US").path("caught"))).contains("Alphabet Inc. (Google)", "Meta Platforms, Inc.", "Coupang, Inc.");
    assertThat(names(by.path("KR").path("caught"))).containsExactly("NAVER Corp.");
    assertThat(by.has("CN")).isTrue();
    JsonNode google = by.path("US").path("caught").get(0);
    assertThat(google.path("company").asText()).isEqualTo("Alphabet Inc. (Google)");
    JsonNode d = google.path("designations").get(0);
    assertThat(d.path("rule").asText()).isEqualTo("KFTC23-A");
    assertThat(d.path("deciding").path("margin").isNumber()).isTrue();
    assertThat(d.path("deciding").path("fact").asText()).contains("users.monthly_active_kr");
  }

  static List<String> names(JsonNode entries) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : entries) out.add(e.path("company").asText());
    return out;
  }

  @Test
  void anEmptyFolderIsAnInputError() throws IOException {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Run r = run("impact", "--as-of", AS_OF, empty.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(empty.toString()).contains("no .yaml or .yml profiles").doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aBadProfileIsReportedAndSkipped() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("mixed"));
    Files.copy(TestSupport.root().resolve("samples/portfolio/google.yaml"), dir.resolve("a-google.yaml"));
    Files.writeString(dir.resolve("b-bad.yaml"), "kdpc: 1\ncompany: { name: X, revenue_krw: { global: -5 } }\n", StandardCharsets.UTF_8);
    Run r = run("impact", "--format", "json", "--as-of", AS_OF, dir.toString());
    assertThat(r.code()).as("a bad profile makes the run exit 2, after the others are evaluated").isEqualTo(2);
    assertThat(r.err()).contains("b-bad.yaml:2:").doesNotContain("Exception");
    JsonNode i = json(r);
    assertThat(i.path("profiles").asInt()).isEqualTo(1);
    assertThat(i.path("failed")).hasSize(1);
    assertThat(i.path("failed").get(0).path("source").asText()).endsWith("b-bad.yaml");
    assertThat(i.path("failed").get(0).path("error").asText()).contains("revenue_krw.global");
    assertThat(r.out()).contains("Alphabet Inc. (Google)");
    Run text = run("impact", "--as-of", AS_OF, dir.toString());
    assertThat(text.out()).contains("skipped ").contains("b-bad.yaml");
  }

  @Test
  void folderEntriesThatCannotBeReadAreReportedNotSkippedSilently() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("entries"));
    Files.copy(TestSupport.root().resolve("samples/portfolio/kakao.yaml"), dir.resolve("kakao.yaml"));
    Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("nowhere.yaml"));
    Files.createDirectory(dir.resolve("dir.yaml"));
    Run r = run("impact", "--format", "json", "--as-of", AS_OF, dir.toString());
    assertThat(r.code()).isEqualTo(2);
    JsonNode i = json(r);
    assertThat(i.path("profiles").asInt()).isEqualTo(1);
    List<String> failed = new ArrayList<>();
    i.path("failed").forEach(f -> failed.add(f.path("source").asText()));
    assertThat(failed).hasSize(2).anyMatch(f -> f.endsWith("dangling.yaml")).anyMatch(f -> f.endsWith("dir.yaml"));
  }

  @Test
  void aLineTheRuleDoesNotDeclareSweepableIsRefusedWithExit2() {
    Run r = run("impact", "--as-of", AS_OF, "--sweep", "KFTC24-A:company.revenue_krw.global=1e12..6e12:1e12", "samples/portfolio");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("KFTC24-A").contains("does not declare the line of 'company.revenue_krw.global' sweepable")
        .contains("company.revenue_krw.korea").doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
    Run none = run("impact", "--as-of", AS_OF, "--sweep", "NA-32-5-REV:company.revenue_krw.global=1e12..2e12", "samples/portfolio");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("declares no sweepable line");
  }

  @Test
  void sweepsOfRulesThatCannotBeSweptAreRefused() {
    Map<String, String> cases = Map.of(
        "NOSUCH-RULE:market.share=0.1..0.2", "unknown rule 'NOSUCH-RULE'",
        "KFTC24-SELFPREF:market.share=0.1..0.2", "is not a designation rule",
        "KFTC24-A,TBA-22-7:users.monthly_active_kr=1..2", "belong to different regimes");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Run r = run("impact", "--as-of", AS_OF, "--sweep", c.getKey(), "samples/portfolio");
      assertThat(r.code()).as(c.getKey()).isEqualTo(2);
      assertThat(r.err()).as(c.getKey()).contains(c.getValue()).doesNotContain("Exception");
    }
    Run early = run("impact", "--as-of", "2023-06-30", "--sweep", "MRFTA-6-1-V2024:market.share=0.4..0.6", "samples/portfolio");
    assertThat(early.code()).isEqualTo(2);
    assertThat(early.err()).contains("does not apply on 2023-06-30").contains("2024-02-06");
    Run left = run("impact", "--as-of", AS_OF, "--regimes", "tba-app-market", "--sweep", "KFTC24-A:market.share=0.5..0.6", "samples/portfolio");
    assertThat(left.code()).isEqualTo(2);
    assertThat(left.err()).contains("which --regimes leaves out");
  }

  /** A carrier at exactly 1,000,000 daily users and 2% of traffic. */
  static final String CARRIER = "kdpc: 1\ncompany: { name: Carrier, headquarters: US }\nservices:\n  - id: v\n    category: video\n"
      + "    users: { daily_average_kr: 1_000_000 }\n    traffic_share_kr: 0.02\n";

  @Test
  void aSweptLineIsAppliedAtJustBelowAndAbove() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("one"));
    Files.writeString(dir.resolve("carrier.yaml"), CARRIER, StandardCharsets.UTF_8);
    JsonNode i = json(run("impact", "--format", "json", "--as-of", AS_OF, "--sweep", "TBA-22-7:users.daily_average_kr=999_999..1_000_001:1",
        dir.toString()));
    JsonNode sweep = i.path("sweep");
    assertThat(sweep.path("stated_line").asLong()).as("the line the law states").isEqualTo(1_000_000L);
    assertThat(sweep.path("stated_lines").path("TBA-22-7").asLong()).isEqualTo(1_000_000L);
    JsonNode points = sweep.path("points");
    assertThat(points).hasSize(3);
    assertThat(points.get(0).path("line").asLong()).isEqualTo(999_999L);
    assertThat(points.get(0).path("by_country").path("US").path("caught")).hasSize(1); // 1,000,000 >= 999,999
    assertThat(points.get(1).path("by_country").path("US").path("caught")).hasSize(1); // at the line
    assertThat(points.get(2).path("by_country").path("US").path("caught")).isEmpty(); // 1,000,000 < 1,000,001
    assertThat(points.get(2).path("by_country").path("US").path("not_caught").get(0).asText()).isEqualTo("Carrier");
    // The other line of the rule is untouched: a share sweep around 2%.
    JsonNode share = json(run("impact", "--format", "json", "--as-of", AS_OF, "--sweep", "TBA-22-7:traffic_share_kr=1.9%..2.1%:0.1%",
        dir.toString())).path("sweep");
    assertThat(share.path("stated_line").asDouble()).isEqualTo(0.01);
    assertThat(share.path("points").get(0).path("by_country").path("US").path("caught")).hasSize(1);
    assertThat(share.path("points").get(1).path("by_country").path("US").path("caught")).hasSize(1);
    assertThat(share.path("points").get(2).path("by_country").path("US").path("caught")).isEmpty();
  }

  @Test
  void theSweepAtTheLawsLineGivesTheRegimesOwnResult() throws IOException {
    JsonNode i = json(run("impact", "--format", "json", "--as-of", AS_OF, "--sweep",
        "KFTC23-A:users.monthly_active_kr=5_000_000..10_000_000:2_500_000", "samples/portfolio"));
    assertThat(i.path("regimes")).hasSize(1);
    JsonNode regime = i.path("regimes").get(0);
    assertThat(regime.path("regime").asText()).isEqualTo("kftc-platform-2023");
    JsonNode atLaw = null;
    for (JsonNode p : i.path("sweep").path("points")) if (p.path("line").asLong() == 7_500_000L) atLaw = p;
    assertThat(atLaw).isNotNull();
    JsonNode law = atLaw;
    regime.path("by_country").fields().forEachRemaining(c -> {
      List<String> caught = names(c.getValue().path("caught"));
      List<String> swept = new ArrayList<>();
      law.path("by_country").path(c.getKey()).path("caught").forEach(n -> swept.add(n.asText()));
      assertThat(swept).as(c.getKey()).containsExactlyInAnyOrderElementsOf(caught);
    });
    assertThat(i.path("sweep").path("stated_line").asLong()).isEqualTo(7_500_000L);
  }

  @Test
  void schemaImpactPrintsTheSchema() throws IOException {
    Run r = run("schema", "impact");
    assertThat(r.code()).isZero();
    JsonNode s = JSON.readTree(r.out());
    assertThat(s.path("properties").path("kdpc_impact").path("const").asInt()).isEqualTo(Impact.CONTRACT);
    assertThat(run("schema", "nonsense").err()).contains("profile, report or impact");
  }

  @Test
  void theSchemaRefusesWhatTheContractDoesNot() throws IOException {
    JsonNode good = json(run("impact", "--format", "json", "--as-of", AS_OF, "--regimes", "kftc-platform-2023", "samples/portfolio"));
    com.fasterxml.jackson.databind.node.ObjectNode bad = good.deepCopy();
    bad.put("kdpc_impact", 2);
    assertThat(schema.validate(bad)).isNotEmpty();
    com.fasterxml.jackson.databind.node.ObjectNode extra = good.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) extra.path("regimes").get(0).path("by_country").path("US")).putArray("maybe");
    assertThat(schema.validate(extra)).isNotEmpty();
    com.fasterxml.jackson.databind.node.ObjectNode badCountry = good.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) badCountry.path("regimes").get(0).path("by_country")).set("usa", JSON.createObjectNode());
    assertThat(schema.validate(badCountry)).isNotEmpty();
  }

  @Test
  void theJsonIsByteIdenticalAcrossRuns() {
    String[] args = {"impact", "--format", "json", "--as-of", AS_OF, "--scenario", "with-proposals", "samples/portfolio"};
    assertThat(run(args).out()).isEqualTo(run(args).out());
  }

  @Test
  void csvHasAHeaderARowPerDesignationAndDefusesFormulas() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("csv"));
    Files.writeString(dir.resolve("f.yaml"), CARRIER.replace("name: Carrier", "name: \"=HYPERLINK(\\\"x\\\"),1\""), StandardCharsets.UTF_8);
    Run r = run("impact", "--format", "csv", "--as-of", AS_OF, "--regimes", "tba-service-stability", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String[] lines = r.out().split("\r\n");
    assertThat(lines[0]).isEqualTo("regime,status,country,group,company,source,rule,service,outcome,fact,value,op,threshold,margin");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).startsWith("tba-service-stability,in_force,US,caught,\"'=HYPERLINK(\"\"x\"\"),1\",");
    Run sweep = run("impact", "--format", "csv", "--as-of", AS_OF, "--sweep", "TBA-22-7:users.daily_average_kr=1e6..2e6:5e5", dir.toString());
    String[] rows = sweep.out().split("\r\n");
    assertThat(rows).hasSize(4);
    assertThat(rows[0]).startsWith("regime,rules,fact,line,stated_line,country,caught");
  }

  @Test
  void textShowsNamesWithoutObeyingThem() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("names"));
    // The reader refuses ESC and bidi controls inside a file; a line break in a name and a file name are what an attacker has.
    Files.writeString(dir.resolve("n\u001b[2J.yaml"), CARRIER.replace("name: Carrier", "name: \"Evil\\n[CLEAR] Corp\""), StandardCharsets.UTF_8);
    Run r = run("impact", "--as-of", AS_OF, "--regimes", "tba-service-stability", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Evil\\n[CLEAR] Corp").contains("n\\x1b[2J.yaml").doesNotContain("\u001b").doesNotContain("\n[CLEAR]");
    Run html = run("impact", "--format", "html", "--as-of", AS_OF, "--regimes", "tba-service-stability", dir.toString());
    assertThat(html.out()).doesNotContain("\u001b").doesNotContain("<script").contains("Evil\\n[CLEAR] Corp");
    Run json = run("impact", "--format", "json", "--as-of", AS_OF, "--regimes", "tba-service-stability", dir.toString());
    assertThat(JSON.readTree(json.out()).path("regimes").get(0).path("by_country").path("US").path("caught").get(0).path("company").asText())
        .as("JSON carries the exact string").isEqualTo("Evil\n[CLEAR] Corp");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Run r = run("impact", "--format", "sarif", "samples/portfolio");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("text, json, csv, html");
  }

  @Test
  void outputIsWrittenAtomicallyToAFile() throws IOException {
    Path out = tmp.resolve("impact.json");
    Run r = run("impact", "--format", "json", "--as-of", AS_OF, "--output", out.toString(), "--regimes", "kftc-platform-2023", "samples/portfolio");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(schema.validate(JSON.readTree(Files.readString(out)))).isEmpty();
    Run into = run("impact", "--output", "samples/portfolio/x.yaml", "samples/portfolio");
    assertThat(into.code()).isEqualTo(2);
    assertThat(into.err()).contains("input folder");
  }

  /** The README's worked examples: each "$ kdpc impact ..." runs, and every line it shows (but "...") is in the output. */
  @Test
  void theReadmeExamplesRunAndShowWhatKdpcPrints() throws IOException {
    String readme = Files.readString(TestSupport.root().resolve("README.md"), StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("```\\n\\$ kdpc (impact [^\\n]+)\\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(readme);
    int examples = 0;
    while (m.find()) {
      Run r = run(m.group(1).split(" "));
      assertThat(r.code()).as(m.group(1) + ": " + r.err()).isZero();
      for (String line : m.group(2).split("\n")) {
        if (line.strip().equals("...")) continue;
        assertThat(r.out()).as("README line of '" + m.group(1) + "'").contains(line);
      }
      examples++;
    }
    assertThat(examples).isEqualTo(2);
  }
}
