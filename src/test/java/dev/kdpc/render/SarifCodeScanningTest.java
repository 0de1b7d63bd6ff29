package dev.kdpc.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.ExternalTools;
import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SARIF as GitHub code scanning reads it: by default only what needs attention; rules with a name,
 * Markdown help, tags, precision and severity; an automation id per scenario and date; fingerprints
 * that survive edits; under code scanning's limits; and clean under the SARIF Multitool with the
 * GitHub rules ({@code validate --rule-kind "Sarif;Gh"}), run as its own binary.
 */
class SarifCodeScanningTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private static JsonNode run(String... args) throws IOException {
    ReviewSupport.Run r = ReviewSupport.cli(args);
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    return JSON.readTree(r.out()).path("runs").get(0);
  }

  private static List<String> samples() throws IOException {
    try (var s = Files.list(TestSupport.root().resolve("samples"))) {
      return s.map(p -> "samples/" + p.getFileName()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void byDefaultOnlyWhatNeedsAttentionAndEverythingWithSarifAll() throws IOException {
    JsonNode json = JSON.readTree(ReviewSupport.cli("check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "--format", "json",
        "samples").out());
    int all = 0;
    int attention = 0;
    Set<String> outcomes = new HashSet<>();
    for (JsonNode p : json.path("profiles")) {
      for (JsonNode f : p.path("findings")) {
        all++;
        Outcome o = Outcome.byId(f.path("outcome").asText());
        outcomes.add(o.id());
        if (o == Outcome.POTENTIAL_VIOLATION || o == Outcome.UNMET || o == Outcome.INELIGIBLE || o == Outcome.UNDETERMINED) attention++;
      }
    }
    assertThat(outcomes).as("the samples give every kind of outcome").contains("potential_violation", "unmet", "ineligible",
        "undetermined", "met", "clear", "not_met", "presumed");
    JsonNode dflt = run("check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "--format", "sarif", "samples");
    assertThat(dflt.path("results").size()).isEqualTo(attention).isLessThan(all);
    for (JsonNode r : dflt.path("results")) {
      String o = r.path("properties").path("outcome").asText();
      assertThat(o).isIn("potential_violation", "unmet", "ineligible", "undetermined");
      assertThat(r.path("level").asText()).isEqualTo(o.equals("potential_violation") || o.equals("unmet") ? "warning" : "note");
    }
    Set<String> referenced = new HashSet<>();
    dflt.path("results").forEach(r -> referenced.add(r.path("ruleId").asText()));
    Set<String> described = new HashSet<>();
    dflt.path("tool").path("driver").path("rules").forEach(r -> described.add(r.path("id").asText()));
    assertThat(described).as("the rules list holds exactly the rules of the results").isEqualTo(referenced);

    JsonNode every = run("check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "--format", "sarif", "--sarif-all", "samples");
    assertThat(every.path("results").size()).isEqualTo(all);
    Set<String> levels = new HashSet<>();
    every.path("results").forEach(r -> levels.add(r.path("level").asText()));
    assertThat(levels).containsExactlyInAnyOrder("warning", "note", "none");
  }

  @Test
  void sarifAllIsRefusedWithAnotherFormat() {
    ReviewSupport.Run r = ReviewSupport.cli("check", "--as-of", "2026-06-30", "--format", "json", "--sarif-all", "samples/portal-search.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--sarif-all applies to --format sarif only");
  }

  @Test
  void rulesCarryANameMarkdownHelpTagsPrecisionAndSeverity() throws IOException {
    JsonNode run = run("check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "--format", "sarif", "--sarif-all", "samples");
    JsonNode driver = run.path("tool").path("driver");
    assertThat(driver.path("informationUri").asText()).startsWith("https://");
    assertThat(driver.path("rules").size()).isGreaterThan(20);
    Set<String> precisions = new HashSet<>();
    for (JsonNode rule : driver.path("rules")) {
      String id = rule.path("id").asText();
      assertThat(rule.path("name").asText()).as(id).matches("[A-Z][A-Za-z0-9]*");
      String md = rule.path("help").path("markdown").asText();
      assertThat(md).as(id).startsWith("**").contains("`" + id + "`").contains(rule.path("properties").path("article").asText());
      JsonNode tags = rule.path("properties").path("tags");
      assertThat(tags.size()).as("tags of " + id + " (code scanning shows 10)").isEqualTo(3);
      assertThat(tags.get(0).asText()).isEqualTo(rule.path("properties").path("regime").asText());
      assertThat(tags.get(1).asText()).isEqualTo(rule.path("properties").path("kind").asText());
      assertThat(tags.get(2).asText()).isIn("in_force", "promulgated", "proposed", "lapsed");
      String precision = rule.path("properties").path("precision").asText();
      precisions.add(precision);
      assertThat(precision).isEqualTo(switch (tags.get(2).asText()) {
        case "in_force", "promulgated" -> "high";
        case "proposed" -> "medium";
        default -> "low";
      });
      assertThat(rule.path("properties").path("problem.severity").asText())
          .isEqualTo(tags.get(1).asText().equals("prohibition") || tags.get(1).asText().equals("obligation") ? "warning" : "recommendation");
    }
    assertThat(precisions).contains("high", "medium");
  }

  @Test
  void theAutomationIdNamesTheScenarioAsCategoryAndTheDateAsRun() throws IOException {
    assertThat(run("check", "--as-of", "2026-06-30", "--format", "sarif", "samples/portal-search.yaml")
        .path("automationDetails").path("id").asText()).isEqualTo("kdpc/in-force/2026-06-30");
    assertThat(run("check", "--as-of", "2025-01-02", "--scenario", "with-proposals", "--format", "sarif", "samples/portal-search.yaml")
        .path("automationDetails").path("id").asText()).isEqualTo("kdpc/with-proposals/2025-01-02");
  }

  @Test
  void fingerprintsSurviveLineMovesAndTellTwoProfilesApart() throws IOException {
    Path sample = TestSupport.root().resolve("samples/marketplace-selfpref.yaml");
    Path a = tmp.resolve("a.yaml");
    Path b = tmp.resolve("b.yaml");
    Files.copy(sample, a);
    // the same profile with two comment lines at the top: every line moves down by two
    Files.writeString(b, "# moved\n# down\n" + Files.readString(sample, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    JsonNode ra = run("check", "--as-of", "2026-06-30", "--format", "sarif", a.toString());
    JsonNode rb = run("check", "--as-of", "2026-06-30", "--format", "sarif", b.toString());
    assertThat(ra.path("results").size()).isPositive().isEqualTo(rb.path("results").size());
    for (int i = 0; i < ra.path("results").size(); i++) {
      JsonNode x = ra.path("results").get(i);
      JsonNode y = rb.path("results").get(i);
      assertThat(y.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt())
          .isEqualTo(x.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt() + 2);
      String fa = x.path("partialFingerprints").path("kdpcFinding/v2").asText();
      String fb = y.path("partialFingerprints").path("kdpcFinding/v2").asText();
      assertThat(fa).startsWith(x.path("ruleId").asText() + "|").endsWith("|" + a);
      assertThat(fb).isEqualTo(fa.substring(0, fa.length() - a.toString().length()) + b).isNotEqualTo(fa);
    }
    JsonNode again = run("check", "--as-of", "2026-06-30", "--format", "sarif", a.toString());
    assertThat(again.path("results").toString()).isEqualTo(ra.path("results").toString());
  }

  /** Code scanning rejects a run of more than 25,000 results: the run says so at 25,001, not at 25,000 (below it, the same holds: the count only grows). */
  @Test
  void aRunAboveTheResultLimitCarriesAWarning() throws IOException {
    Report sample = ReviewSupport.report(List.of("marketplace-selfpref.yaml"), Map.of(), false);
    Finding f = sample.findings().stream().filter(x -> x.outcome() == Outcome.POTENTIAL_VIOLATION).findFirst().orElseThrow();
    for (int n : new int[] {SarifRenderer.GITHUB_RESULTS_PER_RUN, SarifRenderer.GITHUB_RESULTS_PER_RUN + 1}) {
      ProfileReport p = sample.profiles().get(0);
      ProfileReport many = new ProfileReport(p.source(), p.inputSha256(), p.company(), Collections.nCopies(n, f), List.of(), null);
      Report r = new Report(sample.tool(), sample.asOf(), sample.scenario(), sample.regimes(), sample.rulesDigest(), List.of(many), List.of());
      StringBuilder head = new StringBuilder();
      Writer w = new Writer() { // keeps what comes before the results, where the notifications are
        @Override
        public void write(char[] c, int off, int len) {
          if (head.length() < 200_000) head.append(c, off, Math.min(len, 200_000 - head.length()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
      new SarifRenderer().render(r, w, RenderOptions.DEFAULT);
      String notifications = head.substring(head.indexOf("\"invocations\""), head.indexOf("\"artifacts\""));
      if (n > SarifRenderer.GITHUB_RESULTS_PER_RUN) {
        assertThat(notifications).as(n + " results").contains("\"warning\"").contains("holds " + n + " results, more than the 25000");
      } else {
        assertThat(notifications).as(n + " results").doesNotContain("more than the");
      }
    }
  }

  @Test
  void theSamplesFolderStaysWithinCodeScanningLimits() throws IOException {
    ReviewSupport.Run r = ReviewSupport.cli("check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "--format", "sarif", "samples");
    JsonNode log = JSON.readTree(r.out());
    assertThat(log.path("runs").size()).as("runs per file (limit 20)").isLessThanOrEqualTo(20);
    JsonNode run = log.path("runs").get(0);
    assertThat(run.path("results").size()).as("results per run (code scanning shows the top 5,000)").isPositive().isLessThanOrEqualTo(5_000);
    assertThat(run.path("tool").path("driver").path("rules").size()).as("rules per run (limit 25,000)").isLessThanOrEqualTo(25_000);
    for (JsonNode res : run.path("results")) assertThat(res.path("locations").size()).isBetween(1, 100);
    assertThat(r.out().getBytes(StandardCharsets.UTF_8).length).as("file size (limit 10 MB)").isLessThan(10_000_000);
  }

  /** The SARIF Multitool with the SARIF and GitHub rule sets reports no error and no warning on any of kdpc's logs. */
  @Test
  void theSarifMultitoolWithGitHubRulesFindsNothingToFix() throws Exception {
    Path tool = ExternalTools.sarifMultitool();
    Path dir = Files.createDirectory(tmp.resolve("logs"));
    List<String[]> runs = new ArrayList<>();
    for (String s : samples()) {
      String name = Path.of(s).getFileName().toString().replace(".yaml", "");
      runs.add(new String[] {name + ".sarif", "check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "--format", "sarif", s});
    }
    runs.add(new String[] {"folder-all.sarif", "check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "--format", "sarif", "--sarif-all", "samples"});
    runs.add(new String[] {"folder-in-force.sarif", "check", "--as-of", "2026-06-30", "--format", "sarif", "samples"});
    runs.add(new String[] {"folder-ko.sarif", "check", "--as-of", "2026-06-30", "--lang", "ko", "--format", "sarif", "--sarif-all", "samples"});
    runs.add(new String[] {"absolute.sarif", "check", "--as-of", "2026-06-30", "--format", "sarif",
        TestSupport.root().resolve("samples/portal-search.yaml").toString()});
    for (String[] a : runs) {
      ReviewSupport.Run r = ReviewSupport.cli(java.util.Arrays.copyOfRange(a, 1, a.length));
      assertThat(r.code()).as(r.err()).isIn(0, 1);
      Files.writeString(dir.resolve(a[0]), r.out(), StandardCharsets.UTF_8);
    }
    Path out = tmp.resolve("validation.sarif");
    // the files first: --log takes a list and would take them as its own
    ExternalTools.Result v = ExternalTools.run(List.of(tool.toString(), "validate", dir.resolve("*.sarif").toString(), "--rule-kind", "Sarif;Gh",
        "--level", "Error;Warning", "--output", out.toString(), "--log", "ForceOverwrite"), null, tmp);
    assertThat(v.code()).as(v.out()).isZero();
    JsonNode validation = JSON.readTree(out.toFile());
    List<String> problems = new ArrayList<>();
    for (JsonNode vr : validation.path("runs")) {
      for (JsonNode res : vr.path("results")) {
        problems.add(res.path("ruleId").asText() + " " + res.path("level").asText("warning") + ": " + res.path("message").path("text").asText()
            + " " + res.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asText());
      }
    }
    assertThat(problems).as(v.out()).isEmpty();
    assertThat(v.out()).as("the Multitool read every log").contains("Done. " + runs.size() + " files scanned.");
    // It does find problems: a log without informationUri is flagged.
    String clean = Files.readString(dir.resolve("portal-search.sarif"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("broken.sarif"), clean.replace("\"informationUri\"", "\"informationUrx\""), StandardCharsets.UTF_8);
    ExternalTools.Result broken = ExternalTools.run(List.of(tool.toString(), "validate", dir.resolve("broken.sarif").toString(), "--rule-kind",
        "Sarif;Gh", "--level", "Error;Warning", "--output", out.toString(), "--log", "ForceOverwrite"), null, tmp);
    assertThat(broken.out()).contains("SARIF2005");
  }
}
