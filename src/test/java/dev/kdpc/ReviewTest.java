package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.profile.Profile;
import dev.kdpc.render.RenderOptions;
import dev.kdpc.render.Renderers;
import dev.kdpc.report.Change;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.Test;
import dev.kdpc.report.WhyNot;
import dev.kdpc.rules.RuleSource;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Review and Compare as a library: flip values, causes that name the leaf fact, and the why-not view
 * of a ban (with a small rules folder of its own, so the test does not depend on the bundled bans).
 */
class ReviewTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static Test test(Object value, String op, Object threshold, String unit) {
    return new Test("services.s.x", null, value, op, threshold, false, -0.1, unit, 3, 5);
  }

  @org.junit.jupiter.api.Test
  void theFlipValueIsTheLineForInclusiveTestsAndTheNextStepForStrictOnes() {
    assertThat(Review.target(test(960_000L, ">=", 1_000_000L, "count"))).isEqualTo(1_000_000L);
    assertThat(Review.target(test(960_000L, ">", 1_000_000L, "count"))).isEqualTo(1_000_001L);
    assertThat(Review.target(test(12L, "<=", 10L, "count"))).isEqualTo(10L);
    assertThat(Review.target(test(12L, "<", 10L, "count"))).isEqualTo(9L);
    assertThat(Review.target(test(0.47, ">=", 0.5, "share"))).isEqualTo(0.5);
    assertThat(Review.target(test(0.47, ">", 0.5, "share"))).isEqualTo(0.5001);
    assertThat(Review.target(test(0.0, "<", 0.0, "share"))).as("no value below zero").isNull();
    assertThat(Review.target(test(false, "==", true, "bool"))).isEqualTo(true);
    assertThat(Review.target(test("none", "in", "low, medium", "text"))).isEqualTo("low");
    assertThat(Review.target(test(null, ">=", 1L, "count"))).as("no value stated").isNull();
  }

  @org.junit.jupiter.api.Test
  void aFlipValueIsWrittenSoThatSetReadsItBack() {
    assertThat(dev.kdpc.report.Flip.scalar(1_000_000L)).isEqualTo("1000000");
    assertThat(dev.kdpc.report.Flip.scalar(0.5)).isEqualTo("0.5");
    assertThat(dev.kdpc.report.Flip.scalar(1.0e26)).isEqualTo("1.0e+26");
    assertThat(dev.kdpc.report.Flip.scalar(true)).isEqualTo("true");
    assertThat(dev.kdpc.report.Flip.scalar("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    Profile p = TestSupport.reader().read("t.yaml", "kdpc: 1\nservices: [ { id: s, ai: { training_compute_flops: 1 } } ]\n".getBytes(StandardCharsets.UTF_8),
        Map.of("services.s.ai.training_compute_flops", dev.kdpc.report.Flip.scalar(1.0e26)));
    assertThat(p.service("s").orElseThrow().ai().trainingComputeFlops()).isEqualTo(1.0e26);
  }

  @org.junit.jupiter.api.Test
  void aChangeInOneLeadingFirmsShareIsNamedAtItsLeaf() throws IOException {
    String text = Files.readString(TestSupport.root().resolve("samples/webtoon-near-miss.yaml"), StandardCharsets.UTF_8);
    String from = "{ name: Strip Co., share: 0.22,";
    assertThat(text).contains(from);
    Profile a = TestSupport.reader().read("fy2025.yaml", text.getBytes(StandardCharsets.UTF_8));
    Profile b = TestSupport.reader().read("fy2026.yaml", text.replace(from, "{ name: Strip Co., share: 0.30,").getBytes(StandardCharsets.UTF_8));
    Checker c = TestSupport.checker();
    Options o = ReviewSupport.OPTIONS;
    List<Change> changes = new Compare(c).changes(new Compare.Side(a, c.evaluate(a, o), o), new Compare.Side(b, c.evaluate(b, o), o));
    // Art. 6 item 2 is now met (22% -> 30% brings the top firms to 77%); anything else that changes rests on it
    assertThat(changes.get(0).rule()).isEqualTo("MRFTA-6-2-V2024");
    for (Change other : changes.subList(1, changes.size())) {
      assertThat(other.type()).isEqualTo(Change.Type.ADDED);
      assertThat(other.facts()).as(other.rule()).isEmpty();
      assertThat(other.reasons()).as(other.rule()).containsExactly("rests on MRFTA-6-2-V2024 [comics], which went from not met to presumed");
    }
    Change ch = changes.get(0);
    assertThat(ch.before()).isEqualTo(Outcome.NOT_MET);
    assertThat(ch.after()).isEqualTo(Outcome.PRESUMED);
    assertThat(ch.facts()).singleElement().satisfies(f -> {
      assertThat(f.fact()).isEqualTo("services.comics.market.leaders[1].share");
      assertThat(f.before()).isEqualTo(0.22);
      assertThat(f.after()).isEqualTo(0.30);
      assertThat(f.line()).isEqualTo(19);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // A ban, with rules of the test's own

  static final String DRL = """
      package kdpc.rules.test_bans;
      import dev.kdpc.rules.Assessment;
      import dev.kdpc.rules.ServiceFact;

      rule "REGIME test-bans"
        @kind("regime") @regime("test-bans") @title("Test bans") @title_ko("시험 금지") @law("Test Act") @law_ko("시험법")
        @source("https://example.org/test-act") @timeline("2020-01-01 in_force")
      when
      then
      end

      rule "TEST-D"
        @id("TEST-D") @regime("test-bans") @kind("designation") @designation("presumption") @title("Large platform: at least 50% share") @title_ko("대규모 플랫폼")
        @article("Art. 1")
      when
        $s : ServiceFact()
      then
        insert(Assessment.designation(kcontext, $s).atLeast("market.share", 0.5));
      end

      rule "TEST-P"
        @id("TEST-P") @regime("test-bans") @kind("prohibition") @title("No self-preferencing") @title_ko("자사 우대 금지")
        @article("Art. 2")
      when
        $s : ServiceFact()
        $d : Assessment(regime == "test-bans", possiblyDesignated, serviceId == $s.id)
      then
        insert(Assessment.prohibition(kcontext, $s).given($d).conduct("conduct.self_preferencing").burdenOn("the platform")
            .sanctionRate(0.06, "revenue_krw.korea", "Surcharge up to 6% of related revenue (Art. 3)"));
      end
      """;

  static Checker bans;

  @BeforeAll
  static void compile() {
    bans = Checker.withRules(new RuleSource("test-bans", Map.of("test-bans.drl", DRL)));
  }

  static final String PROFILE = """
      kdpc: 1
      company: { name: Shop Co. }
      services:
        - id: shop
          category: intermediation
          market: { share: 0.4 }
          revenue_krw: { korea: 100_000_000_000 }
          conduct:
            self_preferencing: { present: true }
      """;

  static Review.Source source() {
    byte[] bytes = PROFILE.getBytes(StandardCharsets.UTF_8);
    return set -> TestSupport.reader().read("shop.yaml", bytes, set);
  }

  static final Options AT = Options.inForce(LocalDate.of(2026, 6, 30));

  @org.junit.jupiter.api.Test
  void aPracticeOfAServiceNotDesignatedIsNotAViolationAndWhyNotSaysSo() {
    ProfileReport part = new Review(bans).evaluate(source(), AT, Map.of(), true);
    assertThat(part.findings()).extracting(Finding::rule).containsExactly("TEST-D");
    WhyNot w = part.whyNot().get(0);
    assertThat(w.regime()).isEqualTo("test-bans");
    assertThat(w.service()).isEqualTo("shop");
    assertThat(w.notes()).singleElement().asString().contains(
        "services.shop.conduct.self_preferencing.present = true (line 9)", "not a violation of the bans of test-bans (TEST-P)",
        "apply to designated services only");
    assertThat(part.findings().get(0).flip().setArgument()).isEqualTo("services.shop.market.share=0.5");
  }

  @org.junit.jupiter.api.Test
  void theFlipMakesTheBanApplyAndTheWhatIfShowsTheViolationItAdds() throws IOException {
    ProfileReport part = new Review(bans).evaluate(source(), AT, Map.of("services.shop.market.share", "0.5"), true);
    assertThat(part.whyNot()).isEmpty();
    Change added = part.whatIf().changes().stream().filter(c -> c.rule().equals("TEST-P")).findFirst().orElseThrow();
    assertThat(added.type()).isEqualTo(Change.Type.ADDED);
    assertThat(added.after()).isEqualTo(Outcome.POTENTIAL_VIOLATION);
    assertThat(added.reasons()).containsExactly("rests on TEST-D [shop], which went from not met to presumed");
    Report r = ReviewSupport.masked(bans.report(AT, List.of(part)));

    JsonNode sarif = JSON.readTree(render("sarif", r));
    JsonNode violation = null;
    for (JsonNode x : sarif.path("runs").get(0).path("results")) if (x.path("ruleId").asText().equals("TEST-P")) violation = x;
    assertThat(violation.path("ruleId").asText()).isEqualTo("TEST-P");
    assertThat(violation.path("level").asText()).isEqualTo("warning");
    assertThat(violation.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt()).as("the conduct's line").isEqualTo(9);
    assertThat(render("junit", r)).contains("<failure message=\"service shop potential_violation\" type=\"potential_violation\">");
    assertThat(render("markdown", r)).contains("| No self-preferencing (`TEST-P`) | shop | Test Act, Art. 2 | in force | **potential violation** | "
        + "Surcharge up to 6% of related revenue (Art. 3); on the profile's figures at most 6,000,000,000 won |");
    assertThat(render("html", r)).contains("data-finding=\"TEST-P|shop|potential_violation\"", "<section class=\"finding adverse\"");
  }

  static String render(String format, Report r) throws IOException {
    StringWriter w = new StringWriter();
    Renderers.byName(format).orElseThrow().render(r, w, RenderOptions.DEFAULT);
    return w.toString();
  }
}
