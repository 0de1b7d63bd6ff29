package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.TestSupport;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Outcome;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding is undetermined only when a missing fact could change it; the examples of issue 13. */
class DeterminacyTest {
  static final Checker CHECKER = TestSupport.checker();

  private static Finding finding(String yaml, Options options, String rule) {
    List<Finding> findings = CHECKER.evaluate(TestSupport.profile("p.yaml", yaml), options).findings();
    return findings.stream().filter(f -> f.rule().equals(rule)).findFirst()
        .orElseThrow(() -> new AssertionError("no finding of " + rule + " in " + findings));
  }

  private static final String KFTC = """
      kdpc: 1
      company: { revenue_krw: { korea: 5000000000000 } }
      services:
        - id: s
          category: search
          market: { share: 0.52, leaders: [ { name: Self, share: 0.52, monthly_users_kr: 30000000, self: true }, { name: R, share: %s, monthly_users_kr: 25000000 }, { name: T, share: 0.06 } ] }
      """;

  @Test
  void twoLeadersAboveTheLineArePresumedWhateverTheThirdFirmsUsers() {
    Finding f = finding(KFTC.formatted("0.38"), Options.withProposals(LocalDate.of(2024, 10, 1)), "KFTC24-B");
    assertThat(f.outcome()).isEqualTo(Outcome.PRESUMED);
    assertThat(f.missing()).isEmpty();
    assertThat(f.missingImmaterial()).containsExactly("services.s.market.leaders[2].monthly_users_kr");
    assertThat(f.because()).filteredOn(t -> "share".equals(t.unit()) && t.label() != null)
        .allSatisfy(t -> assertThat(t.met()).isTrue());
  }

  @Test
  void whereTheThirdFirmDecidesItTheFindingIsUndeterminedOnItsUsers() {
    Finding f = finding(KFTC.formatted("0.32"), Options.withProposals(LocalDate.of(2024, 10, 1)), "KFTC24-B");
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missing()).containsExactly("services.s.market.leaders[2].monthly_users_kr");
    assertThat(f.missingImmaterial()).isEmpty();
  }

  @Test
  void anAgentDutyRestingOnAMetDataSubjectsTestDoesNotListTheRevenue() {
    Finding f = finding("""
        kdpc: 1
        company: { korean_office: false, personal_data_subjects_kr: 5000000 }
        """, Options.inForce(LocalDate.of(2026, 6, 30)), "PIPA-31-2");
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missing()).contains("company.domestic_agent.designated").doesNotContain("company.revenue_krw.global");
    assertThat(f.missingImmaterial()).contains("company.revenue_krw.global");
    assertThat(f.dependsOn()).containsExactly("PIPA-31-2-SUBJECTS");
  }

  @Test
  void aDutyKnownUnmetListsTheFactsThatCouldNotSaveItApart() {
    Finding f = finding("""
        kdpc: 1
        company: { korean_office: false, personal_data_subjects_kr: 5000000, domestic_agent: { designated: false } }
        """, Options.inForce(LocalDate.of(2026, 6, 30)), "PIPA-31-2");
    assertThat(f.outcome()).isEqualTo(Outcome.UNMET);
    assertThat(f.missing()).isEmpty();
    assertThat(f.missingImmaterial()).contains("company.revenue_krw.global", "company.domestic_agent.in_writing");
  }

  @Test
  void theValuesTriedForAnUnknownStayInsideTheFactsDomain() {
    // A share lies in 0..1: at most 100% holds for every value tried, so such a test decides nothing.
    assertThat(Assessment.sides(1.0, "share")).allSatisfy(v -> assertThat(Assessment.compareNumbers((Number) v, 1.0)).isLessThanOrEqualTo(0));
    assertThat(Assessment.sides(0.5, "share")).contains(0.0, Math.nextDown(0.5), 0.5, Math.nextUp(0.5), 1.0);
    // Money and counts are whole and not negative: at least 0 holds for every value tried.
    assertThat(Assessment.sides(0L, "krw")).allSatisfy(v -> assertThat((Long) v).isGreaterThanOrEqualTo(0L));
    assertThat(Assessment.sides(20_000_000L, "count")).contains(19_999_999L, 20_000_000L, 20_000_001L);
  }

  @Test
  void theValuesAroundALineAreTheSameMadeOnceOrEachTimeAndTheirCacheStaysBounded() {
    // a sweep draws a new line per step: past the cache's bound the values are made each time, alike
    for (int i = 0; i < Assessment.SIDES_CACHED + 100; i++) {
      long line = 7_000_000_000L + i;
      assertThat(Assessment.sidesOnce(line, "krw")).containsExactly(Assessment.sides(line, "krw").toArray());
    }
    assertThat(Assessment.sidesOnce(0.5, "share")).containsExactly(Assessment.sides(0.5, "share").toArray());
    assertThat(Assessment.sidesOnce(0.5, "quantity")).containsExactly(Assessment.sides(0.5, "quantity").toArray());
    // evaluations on other threads may each add one line past the check: a few over, never the 4,196 lines above
    assertThat(Assessment.sidesCached()).isLessThanOrEqualTo(Assessment.SIDES_CACHED + 64);
  }
}
