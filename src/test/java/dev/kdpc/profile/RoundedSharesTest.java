package dev.kdpc.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdpc.TestSupport;
import dev.kdpc.report.ProfileReport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Published market shares are rounded: a leaders list may add up to 100% plus half a rounding unit per
 * firm, the unit read from how each share is written; it is then read as written, with a notice.
 */
class RoundedSharesTest {
  private static Profile read(String... shares) {
    StringBuilder y = new StringBuilder("kdpc: 1\nservices:\n  - id: s\n    market:\n      leaders:\n");
    for (int i = 0; i < shares.length; i++) {
      y.append("        - { name: F").append(i).append(", share: ").append(shares[i]).append(i == 0 ? ", self: true" : "").append(" }\n");
    }
    return new ProfileReader().read("p.yaml", y.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void refused(String total, String allowed, String... shares) {
    assertThatThrownBy(() -> read(shares)).isInstanceOf(ProfileException.class)
        .hasMessageContaining("the leading firms' shares add up to " + total + ", more than 100% plus half a rounding unit per firm (at most " + allowed);
  }

  @Test
  void fourSharesToOneDecimalAddingUpTo100Point1AreAcceptedWithANotice() {
    Profile p = read("\"40.1%\"", "\"30.0%\"", "\"20.0%\"", "\"10.0%\"");
    assertThat(p.notices()).singleElement().asString()
        .isEqualTo("services[0].market.leaders: the leading firms' shares add up to 100.1%, over 100% by no more than rounding "
            + "(at most 100.2% for 4 shares written to 0.1 percentage point); the shares are read as written");
    assertThat(p.services().get(0).market().leaders().get(0).share()).isEqualTo(0.401);
  }

  @Test
  void theLineIsHalfAUnitPerFirm() {
    assertThat(read("\"40.1%\"", "\"30.1%\"", "\"20.0%\"", "\"10.0%\"").notices()).singleElement().asString().contains("100.2%");
    refused("100.3%", "100.2%", "\"40.1%\"", "\"30.1%\"", "\"20.0%\"", "\"10.1%\"");
  }

  @Test
  void fractionsAreReadToThePrecisionWritten() {
    assertThat(read("0.401", "0.300", "0.200", "0.100").notices()).singleElement().asString().contains("0.1 percentage point");
    assertThat(read("0.402", "0.300", "0.200", "0.100").notices()).singleElement().asString().contains("at most 100.2%");
    refused("100.3%", "100.2%", "0.403", "0.300", "0.200", "0.100");
    // the same value written with one more decimal is finer, so the same total is refused
    refused("100.1%", "100.02%", "0.4010", "0.3000", "0.2000", "0.1000");
  }

  @Test
  void twoWholePercentsMayAddUpTo101ButNot102() {
    assertThat(read("\"61%\"", "\"40%\"").notices()).singleElement().asString()
        .contains("add up to 101%").contains("at most 101% for 2 shares written to 1 percentage point");
    refused("102%", "101%", "\"62%\"", "\"40%\"");
    assertThat(read("0.61", "0.40").notices()).hasSize(1);
    refused("102%", "101%", "0.62", "0.40");
  }

  @Test
  void mixedPrecisionsAddEachFirmsHalfUnit() {
    // 0.5 + 0.05 = 0.55 percentage point: up to 100.55%
    assertThat(read("\"60%\"", "\"40.5%\"").notices()).singleElement().asString()
        .contains("at most 100.55% for 2 shares written to different precisions");
    refused("100.6%", "100.55%", "\"60%\"", "\"40.6%\"");
  }

  @Test
  void aTotalOfAtMost100HasNoNotice() {
    assertThat(read("\"60.0%\"", "\"40.0%\"").notices()).isEmpty();
    assertThat(read("0.5", "0.3").notices()).isEmpty();
  }

  @Test
  void theNoticeReachesTheReport() {
    ProfileReport r = TestSupport.checker().check(read("\"40.1%\"", "\"30.0%\"", "\"20.0%\"", "\"10.0%\""),
        new dev.kdpc.Options(LocalDate.parse("2026-06-30"), dev.kdpc.Scenario.IN_FORCE, List.of("mrfta-dominance"))).profiles().get(0);
    assertThat(r.notices()).singleElement().asString().contains("100.1%");
  }
}
