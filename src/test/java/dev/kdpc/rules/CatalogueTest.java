package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every bundled rule carries its metadata and citation, and is exercised by at least one rule case. */
class CatalogueTest {
  private final RuleCatalogue catalogue = TestSupport.checker().catalogue();

  @Test
  void everyRuleCitesItsLawArticleAndSource() {
    assertThat(catalogue.rules()).isNotEmpty();
    for (RuleInfo r : catalogue.rules()) {
      assertThat(r.id()).as("rule id").matches("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
      assertThat(r.title()).as(r.id() + " title").isNotBlank();
      assertThat(r.citation().law()).as(r.id() + " law").isNotBlank();
      assertThat(r.citation().lawKo()).as(r.id() + " law_ko").isNotBlank();
      assertThat(r.citation().article()).as(r.id() + " article").isNotBlank();
      assertThat(r.citation().source()).as(r.id() + " source").contains("https://");
      assertThat(catalogue.regime(r.regime())).as(r.id() + " regime").isPresent();
      assertThat(r.line()).as(r.id() + " line in " + r.file()).isPositive();
    }
  }

  /**
   * Every designation rule says what meeting its test means in law ({@code @designation}), and only
   * designation rules do; the word a met designation gets follows it. MRFTA Art. 6 and the KFTC 2024
   * plan presume; TBA Art. 22-7 attaches duties by its criteria (see each rule's comment).
   */
  @Test
  void everyDesignationRuleDeclaresPresumptionOrCriteria() {
    for (RuleInfo r : catalogue.rules()) {
      if (r.kind() == dev.kdpc.report.Kind.DESIGNATION) assertThat(r.designation()).as(r.id() + " @designation").isNotNull();
      else assertThat(r.designation()).as(r.id() + " is no designation").isNull();
    }
    assertThat(catalogue.rule("MRFTA-6-1-V2024").orElseThrow().designation()).isEqualTo(RuleInfo.Designation.PRESUMPTION);
    assertThat(catalogue.rule("MRFTA-6-2-V2024").orElseThrow().designation()).isEqualTo(RuleInfo.Designation.PRESUMPTION);
    assertThat(catalogue.rule("KFTC24-A").orElseThrow().designation()).isEqualTo(RuleInfo.Designation.PRESUMPTION);
    assertThat(catalogue.rule("TBA-22-7").orElseThrow().designation()).isEqualTo(RuleInfo.Designation.CRITERIA);
    assertThat(catalogue.rule("KFTC23-A").orElseThrow().designation()).isEqualTo(RuleInfo.Designation.CRITERIA);
    assertThat(catalogue.rule("AI-36-REV").orElseThrow().designation()).isEqualTo(RuleInfo.Designation.CRITERIA);
    assertThat(catalogue.rule("CSAP-23-2").orElseThrow().kind()).isEqualTo(dev.kdpc.report.Kind.ELIGIBILITY);
  }

  @Test
  void everyRegimeHasATimelineAndSource() {
    for (RegimeInfo r : catalogue.regimes()) {
      assertThat(r.timeline()).as(r.id() + " timeline").isNotEmpty();
      assertThat(r.source()).as(r.id() + " source").contains("https://");
      assertThat(r.lawKo()).as(r.id() + " law_ko").isNotBlank();
      assertThat(catalogue.rules()).as(r.id() + " has rules").anyMatch(x -> x.regime().equals(r.id()));
    }
  }

  @Test
  void everyRuleHasAtLeastOneCase() throws IOException {
    Set<String> covered = new HashSet<>();
    for (Path f : RuleCasesTest.files()) {
      for (JsonNode c : RuleCasesTest.cases(f)) {
        c.path("expect").forEach(e -> covered.add(e.path("rule").asText()));
      }
    }
    for (RuleInfo r : catalogue.rules()) {
      assertThat(covered).as("a case in src/test/resources/cases expects a finding of " + r.id()).contains(r.id());
    }
  }
}
