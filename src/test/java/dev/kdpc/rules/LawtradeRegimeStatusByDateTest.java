package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.TestSupport;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statuses that {@code kdpc rules --as-of D} gives the regimes of issue 14's "lawtrade" part on the
 * issue's six dates (for the lead to fold into the table of every regime). "none" means not yet announced.
 * tba-foreign-equity: 49% ceiling in force since 1999-07-01 (press; the current Art. 8 text is encoded);
 * fla-advertising: the Act in force since 1999-07-01 (addenda of Act No. 5814); tba-app-market: the in-app
 * payment bills from July 2020 (timeline: 2020-07-31, the end of that month), Act No. 18451 in force 2021-09-14;
 * platform-fairness: the 2021 government bill (Cabinet 2021-01-26) and later proposals, none enacted.
 */
class LawtradeRegimeStatusByDateTest {
  private static final RuleCatalogue CATALOGUE = TestSupport.checker().catalogue();

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("tba-foreign-equity", "in_force", "in_force", "in_force", "in_force", "in_force", "in_force"),
        Arguments.of("fla-advertising", "in_force", "in_force", "in_force", "in_force", "in_force", "in_force"),
        Arguments.of("tba-app-market", "none", "proposed", "in_force", "in_force", "in_force", "in_force"),
        Arguments.of("platform-fairness", "none", "proposed", "proposed", "proposed", "proposed", "proposed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void statusOnTheIssueDates(String regime, String d2019, String d2021, String d2023, String d2025, String d20260707, String d20261201) {
    RegimeInfo info = CATALOGUE.regime(regime).orElseThrow();
    String[] dates = {"2019-06-01", "2021-06-01", "2023-06-01", "2025-10-01", "2026-07-07", "2026-12-01"};
    String[] expected = {d2019, d2021, d2023, d2025, d20260707, d20261201};
    for (int i = 0; i < dates.length; i++) {
      var status = info.statusOn(LocalDate.parse(dates[i]));
      String shown = status == null ? "none" : status.toString().toLowerCase(java.util.Locale.ROOT);
      assertThat(shown).as(regime + " on " + dates[i]).isEqualTo(expected[i]);
    }
  }
}
