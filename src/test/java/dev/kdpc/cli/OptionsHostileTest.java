package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import dev.kdpc.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Options as a careless user or an attacker would give them: dates far out of range, an empty regime
 * list, --set paths with empty parts and values with a comment YAML would eat; and --fail-on in the
 * comparison modes. Each refused option is one line naming it, exit 2, no report.
 */
class OptionsHostileTest {
  static final String PORTAL = TestSupport.root().resolve("samples/portal-search.yaml").toString();
  /** Potential violations with proposals, none in force alone (see its golden report). */
  static final String SELFPREF = TestSupport.root().resolve("samples/marketplace-selfpref.yaml").toString();

  static Run run(String... args) {
    return ReviewSupport.cli(args);
  }

  private static void refused(Run r, String start) {
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.err()).startsWith("kdpc: error: " + start).doesNotContain("\tat ");
    assertThat(r.err().strip()).doesNotContain("\n");
    assertThat(r.out()).isEmpty();
  }

  @ParameterizedTest(name = "--as-of {0}")
  @ValueSource(strings = {"0000-01-01", "+999999999-12-31", "-999999999-01-01", "1899-12-31", "2201-01-01"})
  void datesOutsideTheProfileRangeAreRefused(String date) {
    refused(run("check", "--as-of", date, PORTAL), "--as-of " + date + " is out of range: give a date from 1900 to 2200");
    refused(run("check", "--compare-as-of", date, "--as-of", "2026-06-30", PORTAL),
        "--compare-as-of " + date + " is out of range: give a date from 1900 to 2200");
    refused(run("explain", "TBA-22-7", "--as-of", date), "--as-of " + date + " is out of range");
  }

  @Test
  void theEdgesOfTheRangeAreAccepted() {
    assertThat(run("check", "--as-of", "1900-01-01", "--fail-on", "none", PORTAL).code()).isZero();
    assertThat(run("check", "--as-of", "2200-12-31", "--fail-on", "none", PORTAL).code()).isZero();
  }

  @ParameterizedTest(name = "--regimes ''{0}''")
  @ValueSource(strings = {",", "", " ", "tba-app-market,", ",tba-app-market", "tba-app-market,,network-fee"})
  void anEmptyRegimeIdIsAnErrorNotTheDefault(String regimes) {
    refused(run("check", "--regimes", regimes, PORTAL), "--regimes '" + regimes + "' holds an empty regime id");
  }

  @Test
  void regimesGivenTwiceAreBothUsed() {
    Run r = run("check", "--as-of", "2026-06-30", "--regimes", "tba-app-market", "--regimes", "network-fee", "--fail-on", "none", PORTAL);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Regimes evaluated: tba-app-market, network-fee");
  }

  @ParameterizedTest(name = "--set {0}")
  @ValueSource(strings = {"company.name.=x", ".company.name=x", "company..name=x", "services.search..market.share=0.5"})
  void aSetPathWithAnEmptyPartIsRefused(String set) {
    Run r = run("check", "--set", set, PORTAL);
    assertThat(r.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.err()).contains(": cannot apply --set: the path has an empty part");
  }

  @ParameterizedTest(name = "--set {0}")
  @ValueSource(strings = {"company.name=x # c", "company.name=# all of it", "company.name=\"x\" # c", "company.name=x\t# c"})
  void aValueWithAYamlCommentIsRefusedNotCut(String set) {
    Run r = run("check", "--set", set, PORTAL);
    assertThat(r.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.err()).contains("would start a YAML comment and cut the value short; quote the value");
  }

  @Test
  void aValueWithALineBreakIsRefused() {
    Run r = run("check", "--set", "company.name=x\nkdpc: 2", PORTAL);
    assertThat(r.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.err()).contains("cannot apply --set: the value must be one line");
  }

  @Test
  void aHashInsideQuotesOrAWordIsKeptLiterally() throws Exception {
    for (String[] c : new String[][] {{"company.name=\"x # c\"", "x # c"}, {"company.name=C#", "C#"}, {"company.name='it''s # 1'", "it's # 1"}}) {
      Run r = run("check", "--format", "json", "--as-of", "2026-06-30", "--fail-on", "none", "--set", c[0], PORTAL);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).path("profiles").get(0).path("company").asText())
          .isEqualTo(c[1]);
    }
  }

  /** A comparison fails on the later side: the law with proposals, or the later date. */
  @Test
  void comparisonsHonourFailOn() {
    for (String mode : new String[] {"--compare-scenarios", "--compare-as-of=2020-01-01"}) {
      assertThat(run("check", mode, "--as-of", "2026-06-30", SELFPREF).code()).as(mode).isEqualTo(ExitCode.FINDINGS.code);
      assertThat(run("check", mode, "--as-of", "2026-06-30", "--fail-on", "none", SELFPREF).code()).as(mode).isZero();
      assertThat(run("check", mode, "--as-of", "2026-06-30", PORTAL).code()).as(mode).isZero();
    }
    // the earlier side alone does not fail the run: the later date (2020) is before the proposals' findings apply
    assertThat(run("check", "--compare-as-of=2026-06-30", "--as-of", "2020-01-01", "--scenario", "with-proposals", PORTAL).code()).isZero();
  }
}
