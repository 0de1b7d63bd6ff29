package dev.kdpc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The profile keys added for the Network Act's large providers and ISMS and for PIPA 2026: read as
 * stated, absent means unknown (never false), and bad values are refused with file, line, column and
 * field in one message.
 */
class LawIctFieldsTest {
  private static Profile read(String yaml) {
    return new ProfileReader().read("p.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static ProfileException error(String yaml) {
    try {
      read(yaml);
    } catch (ProfileException e) {
      return e;
    }
    throw new AssertionError("expected a ProfileException for:\n" + yaml);
  }

  @Test
  void readsTheNewFacts() {
    Profile p = read("""
        kdpc: 1
        company:
          financial_company: false
          daily_users_prev_year: 1_000_000
          total_assets_krw: 500_000_000_000
          isms_certified: true
          ciso: { designated: true, officer: false, notified: true, full_time: true, sole_duty: false }
          sensitive_data_subjects_kr: 50_000
          pipa_certified: false
          cpo: { board_resolution: true, notification_overdue: false }
        services:
          - id: s
            conduct: { measures_against_press: { present: false } }
            network_act: { annex1_service: true, transparency_report_semiannual: false }
        """);
    Company c = p.company();
    assertThat(c.financialCompany()).isFalse();
    assertThat(c.dailyUsersPrevYear()).isEqualTo(1_000_000L);
    assertThat(c.totalAssetsKrw()).isEqualTo(500_000_000_000L);
    assertThat(c.ismsCertified()).isTrue();
    assertThat(c.ciso()).isEqualTo(new Ciso(true, false, true, true, false));
    assertThat(c.sensitiveDataSubjectsKr()).isEqualTo(50_000L);
    assertThat(c.pipaCertified()).isFalse();
    assertThat(c.pipaCertificationCriteriaMet()).isNull();
    assertThat(c.cpo()).isEqualTo(new Cpo(true, false));
    Service s = p.services().get(0);
    assertThat(s.networkAct().annex1Service()).isTrue();
    assertThat(s.networkAct().transparencyReportSemiannual()).isFalse();
    assertThat(s.networkAct().reportsAcknowledged()).isNull();
    assertThat(s.conduct().measuresAgainstPress().present()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "negative count | company: { daily_users_prev_year: -1 } | 2:35 | company.daily_users_prev_year | must not be negative",
    "negative money | company: { total_assets_krw: -5 } | 2:30 | company.total_assets_krw | must not be negative",
    "yes is not a boolean | company: { isms_certified: yes } | 2:28 | company.isms_certified | expected true or false",
    "text for a boolean | company: { ciso: { officer: \"director\" } } | 2:29 | company.ciso.officer | expected true or false",
    "unknown key under cpo | company: { cpo: { board: true } } | 2:19 | company.cpo.board | Known keys here: board_resolution, notification_overdue",
    "fraction for a count | company: { sensitive_data_subjects_kr: 0.5 } | 2:40 | company.sensitive_data_subjects_kr | whole number",
  })
  void refusesBadCompanyValues(String label, String line, String at, String field, String says) {
    ProfileException e = error("kdpc: 1\n" + line + "\n");
    assertThat(e.getMessage()).as(label).startsWith("p.yaml:" + at + ": field '" + field + "'").contains(says).doesNotContain("\n");
  }

  @Test
  void refusesAnUnknownKeyUnderNetworkAct() {
    ProfileException e = error("kdpc: 1\nservices:\n  - id: s\n    network_act: { annex_1: true }\n");
    assertThat(e.getMessage()).startsWith("p.yaml:4:20: field 'services[0].network_act").contains("annex_1").doesNotContain("\n");
  }

  @Test
  void refusesADuplicateKeyUnderCiso() {
    ProfileException e = error("kdpc: 1\ncompany:\n  ciso:\n    officer: true\n    officer: false\n");
    assertThat(e.getMessage()).contains("p.yaml:5:5").contains("duplicate key 'officer'");
  }
}
