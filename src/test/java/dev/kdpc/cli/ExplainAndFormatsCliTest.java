package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import dev.kdpc.TestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code kdpc explain RULE --profile}, {@code check --why-not}, {@code --lang ko} and the CI formats, run in-process. */
class ExplainAndFormatsCliTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static Run run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "--as-of";
    all[2] = "2026-06-30";
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return ReviewSupport.cli(all);
  }

  // ---------------------------------------------------------------------------------------------
  // explain

  @Test
  void explainShowsEveryTestWithValueLineMarginProfileLineAndOutcome() {
    Run r = run("explain", "TBA-22-7", "--profile", "samples/webtoon-near-miss.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains(
        "On samples/webtoon-near-miss.yaml (Panel Media Corp.), as of 2026-06-30:",
        "service comics: NOT MET (in force)",
        "- services.comics.users.daily_average_kr: value 960,000; line >= 1,000,000; margin -4%; profile line 21:46; FAILED: short by 40,000 (4%)",
        "- services.comics.traffic_share_kr: value 1.2%; line >= 1%; margin +20%; profile line 23:5; met",
        "failed: 1 of 2 tests (services.comics.users.daily_average_kr)",
        "one fact would flip it: services.comics.users.daily_average_kr 960,000 -> 1,000,000 (try: --set services.comics.users.daily_average_kr=1000000)");
  }

  @Test
  void explainOfADutyThatDidNotFireShowsTheDesignationThatFailedAndByHowMuch() {
    Run r = run("explain", "TBA-22-7-1", "--profile", "samples/webtoon-near-miss.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("service comics: no finding: the rule rests on a designation under tba-service-stability, and none is met",
        "TBA-22-7: not met", "FAILED: short by 40,000 (4%)", "one fact would flip it");
  }

  @Test
  void explainOfAnUndeterminedDutyNamesTheFactsNotStatedAndWhereTheyBelong() {
    Run r = run("explain", "TBA-22-8", "--profile", "samples/sns-missing-facts.yaml");
    assertThat(r.out()).contains("company: UNDETERMINED (in force), resting on TBA-22-7",
        "- company.domestic_agent.designated: value not stated; line == true; profile does not state it (it belongs in the section at line 4:1); unknown (not stated)",
        "not stated in the profile: services.orbit.traffic_share_kr, company.korean_office");
  }

  @Test
  void explainOfADutyOutOfScopeNamesTheScopeCondition() {
    Run r = run("explain", "TBA-22-8", "--profile", "samples/portal-search.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("company: does not apply (the rule's scope condition fails):",
        "applies only if [company.korean_office]: value true; line == false; profile line 6:3; FAILED");
  }

  @Test
  void explainOfAProposalUnderInForceSaysSoAndOfAnUncoveredServiceSaysWhy() {
    Run r = run("explain", "KFTC24-A", "--scenario", "in-force", "--profile", "samples/portal-search.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("not applied under --scenario in-force (status proposed on 2026-06-30)",
        "service search: NOT MET (proposed)", "one fact would flip it: services.search.market.share 58.2% -> 60%");
    Run w = run("explain", "KFTC24-A", "--profile", "samples/webtoon-near-miss.yaml", "--set", "services.comics.category=maps");
    assertThat(w.out()).contains("service comics: no finding: the rule's conditions do not cover this service (category maps)");
    Run ko = run("explain", "KFTC24-A", "--lang", "ko");
    assertThat(ko.out()).startsWith("KFTC24-A: 지배적 플랫폼 추정").contains("law: 독점규제 및 공정거래에 관한 법률 개정 방향");
    assertThat(run("explain", "NO-SUCH-RULE", "--profile", "samples/portal-search.yaml").code()).isEqualTo(ExitCode.INPUT.code);
  }

  // ---------------------------------------------------------------------------------------------
  // why-not

  @Test
  void whyNotListsPerRegimeTheDesignationTestsThatFailed() throws IOException {
    Run r = run("check", "--scenario", "with-proposals", "--why-not", "--format", "json", "samples/webtoon-near-miss.yaml");
    assertThat(r.code()).isZero();
    JsonNode why = JSON.readTree(r.out()).path("profiles").get(0).path("why_not");
    Map<String, JsonNode> byRegime = new LinkedHashMap<>();
    why.forEach(w -> byRegime.put(w.path("regime").asText(), w));
    assertThat(byRegime).containsKeys("kftc-platform-2024", "mrfta-dominance", "tba-service-stability");
    assertThat(byRegime.get("kftc-platform-2024").path("notes").get(0).asText()).contains("bans", "apply to designated services only");
    for (JsonNode w : why) {
      assertThat(w.path("service").asText()).isEqualTo("comics");
      for (JsonNode d : w.path("designations")) {
        assertThat(d.path("failed").size()).as(d.path("rule").asText()).isPositive();
        d.path("failed").forEach(t -> assertThat(t.path("met").asBoolean(true)).isFalse());
      }
    }
    JsonNode tba = byRegime.get("tba-service-stability");
    assertThat(tba.path("designations").get(0).path("flip").path("set").asText()).isEqualTo("services.comics.users.daily_average_kr=1000000");
    assertThat(tba.path("notes").get(0).asText()).contains("duties (TBA-22-7-1, TBA-22-7-3, TBA-22-8, TBA-22-8-2-V2023) do not attach");
    Run text = run("check", "--scenario", "with-proposals", "--why-not", "samples/webtoon-near-miss.yaml");
    assertThat(text.out()).contains("WHY NOT MET", "TBA-22-7: services.comics.users.daily_average_kr = 960,000 >= 1,000,000 (margin -4%); short by 40,000 (4%)");
    Run without = run("check", "--scenario", "with-proposals", "--format", "json", "samples/webtoon-near-miss.yaml");
    assertThat(without.out()).doesNotContain("why_not");
  }

  @Test
  void whyNotLeavesOutARegimeWithADesignationMet() throws IOException {
    Run r = run("check", "--scenario", "with-proposals", "--why-not", "--format", "json", "samples/portal-search.yaml");
    JsonNode why = JSON.readTree(r.out()).path("profiles").get(0).path("why_not");
    Set<String> regimes = new HashSet<>();
    why.forEach(w -> regimes.add(w.path("regime").asText()));
    assertThat(regimes).doesNotContain("mrfta-dominance", "tba-service-stability", "kftc-platform-2024");
  }

  // ---------------------------------------------------------------------------------------------
  // formats and language

  @Test
  void theCliWritesTheMemoAndHtmlOfTheGoldenFiles() throws IOException {
    for (String[] f : List.of(new String[] {"markdown", "md", "en"}, new String[] {"html", "html", "en"}, new String[] {"markdown", "md", "ko"})) {
      Run r = run("check", "--scenario", "with-proposals", "--format", f[0], "--lang", f[2], "samples/portal-search.yaml");
      assertThat(r.code()).isZero();
      String golden = "portal-search" + ("ko".equals(f[2]) ? ".ko." : ".") + f[1];
      assertThat(ReviewSupport.mask(r.out()))
          .isEqualTo(Files.readString(TestSupport.root().resolve("src/test/resources/golden-formats").resolve(golden), StandardCharsets.UTF_8));
    }
    assertThat(run("check", "--lang", "fr", "samples/portal-search.yaml").code()).isEqualTo(ExitCode.INPUT.code);
  }

  static List<String> samples() throws IOException {
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("samples"))) {
      return s.map(p -> "samples/" + p.getFileName()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void koreanOutputUsesEveryFindingsKoreanTitleAndLawName() throws IOException {
    for (String sample : samples()) {
      JsonNode report = JSON.readTree(run("check", "--scenario", "with-proposals", "--format", "json", sample).out());
      String md = run("check", "--scenario", "with-proposals", "--format", "markdown", "--lang", "ko", sample).out();
      String text = run("check", "--scenario", "with-proposals", "--lang", "ko", sample).out();
      for (JsonNode f : report.path("profiles").get(0).path("findings")) {
        assertThat(f.has("title_ko")).as("every rule carries a Korean title: " + f.path("rule").asText()).isTrue();
        assertThat(md).contains(f.path("title_ko").asText()).contains(f.path("citation").path("law_ko").asText());
        assertThat(md).doesNotContain("| " + f.path("title").asText() + " |");
        assertThat(text).contains(f.path("title_ko").asText());
      }
      assertThat(md).contains("## 의무 목록");
    }
  }

  @Test
  void junitHasOneCasePerRuleAndProfileAndFailsUnmetDuties() throws Exception {
    List<String> files = samples();
    String[] args = new String[files.size() + 6];
    args[0] = "check";
    args[1] = "--as-of";
    args[2] = "2026-06-30";
    args[3] = "--scenario";
    args[4] = "with-proposals";
    args[5] = "--format=junit";
    for (int i = 0; i < files.size(); i++) args[6 + i] = files.get(i);
    Run r = ReviewSupport.cli(args);
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    NodeList suites = xml.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(files.size());
    String[] jsonArgs = args.clone();
    jsonArgs[5] = "--format=json";
    JsonNode report = JSON.readTree(ReviewSupport.cli(jsonArgs).out());
    int totalFailures = 0;
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      JsonNode profile = report.path("profiles").get(i);
      assertThat(suite.getAttribute("name")).isEqualTo(profile.path("source").asText());
      Set<String> rules = new HashSet<>();
      Set<String> adverse = new HashSet<>();
      for (JsonNode f : profile.path("findings")) {
        rules.add(f.path("rule").asText());
        if (Set.of("unmet", "potential_violation").contains(f.path("outcome").asText())) adverse.add(f.path("rule").asText());
      }
      NodeList cases = suite.getElementsByTagName("testcase");
      assertThat(cases.getLength()).as(suite.getAttribute("name")).isEqualTo(rules.size());
      Set<String> failed = new HashSet<>();
      for (int c = 0; c < cases.getLength(); c++) {
        Element tc = (Element) cases.item(c);
        if (tc.getElementsByTagName("failure").getLength() > 0) failed.add(tc.getAttribute("name").replaceFirst(":.*", ""));
      }
      assertThat(failed).isEqualTo(adverse);
      assertThat(Integer.parseInt(suite.getAttribute("failures"))).isEqualTo(adverse.size());
      totalFailures += adverse.size();
    }
    assertThat(totalFailures).as("video-foreign has an unmet duty").isPositive();
    // Ant's schema gives <testsuites> no attributes: the totals are the suites'
    assertThat(((Element) xml.getElementsByTagName("testsuites").item(0)).getAttributes().getLength()).isZero();
  }
}
