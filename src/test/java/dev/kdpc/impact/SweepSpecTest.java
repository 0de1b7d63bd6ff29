package dev.kdpc.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdpc.InputException;
import dev.kdpc.ReviewSupport;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The --sweep option's value: its form, its numbers and the bound on how many values it evaluates. */
class SweepSpecTest {
  @Test
  void aWellFormedSpecGivesItsValues() {
    SweepSpec s = SweepSpec.parse("KFTC24-A,KFTC24-B:company.revenue_krw.korea=1e12..6e12:5e11");
    assertThat(s.rules()).containsExactly("KFTC24-A", "KFTC24-B");
    assertThat(s.fact()).isEqualTo("company.revenue_krw.korea");
    assertThat(s.values()).hasSize(11).first().satisfies(v -> assertThat(v).isEqualByComparingTo("1000000000000"));
    assertThat(s.values().get(10)).isEqualByComparingTo("6000000000000");
  }

  @Test
  void percentagesUnderscoresAndTheDefaultStep() {
    assertThat(SweepSpec.parse("R:market.share=40%..80%:5%").values()).hasSize(9)
        .first().satisfies(v -> assertThat(v).isEqualByComparingTo("0.4"));
    assertThat(SweepSpec.parse("R:users.monthly_active_kr=5_000_000..10_000_000").values()).hasSize(11)
        .element(1).satisfies(v -> assertThat(v).isEqualByComparingTo("5500000"));
    assertThat(SweepSpec.parse("R:x=3..3").values()).containsExactly(new BigDecimal("3"));
    assertThat(SweepSpec.parse("R:x=0..1:0.3").values()).hasSize(4).last().satisfies(v -> assertThat(v).isEqualByComparingTo("0.9"));
  }

  @Test
  void theNumberOfValuesIsBoundedAtTheLimitAndJustAbove() {
    assertThat(SweepSpec.parse("R:x=0..200:1").values()).hasSize(SweepSpec.MAX_POINTS);
    assertThatThrownBy(() -> SweepSpec.parse("R:x=0..201:1")).isInstanceOf(InputException.class)
        .hasMessageContaining("gives 202 values; at most 201");
    assertThatThrownBy(() -> SweepSpec.parse("R:x=0..1e30:1e-12")).isInstanceOf(InputException.class)
        .hasMessageContaining("more than 10^9 values");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "KFTC24-A", "KFTC24-A:market.share", "KFTC24-A=0.1..0.2", "market.share=0.1..0.2", ":market.share=0.1..0.2",
      "KFTC24-A,:market.share=0.1..0.2", "KFTC24-A:=0.1..0.2", "KFTC24-A:Market.Share=0.1..0.2", "KFTC24-A:market..share=0.1..0.2",
      "KFTC24-A:market.share=0.1", "KFTC24-A:market.share=0.1..0.2..0.3", "KFTC24-A:market.share=..0.2", "KFTC24-A:market.share=0.1..",
      "KFTC24-A:market.share=0.2..0.1", "KFTC24-A:market.share=-0.1..0.2", "KFTC24-A:market.share=0.1..0.2:0",
      "KFTC24-A:market.share=0.1..0.2:-0.1", "KFTC24-A:market.share=0.1..0.2:0.0", "KFTC24-A:market.share=NaN..1",
      "KFTC24-A:market.share=0.1..Infinity", "KFTC24-A:market.share=1e999..2e999", "KFTC24-A:market.share=0x10..0x20",
      "KFTC24-A:market.share=1e31..2e31", "KFTC24-A:market.share=0.0000000000001..1", "KFTC24-A:market.share=1,5..2",
      "KFTC24-A:market.share=0.1..0.2:abc", "KFTC24-A;rm -rf /:market.share=0.1..0.2", "KFTC24-A:market.share=0.1\u0000..0.2",
      "KFTC24-A:market.share=０.1..0.2", "KFTC24-A:market.share=1e12..1e12:", "KFTC24-A:market.share=1%%..2%"})
  void malformedSpecsAreRefusedWithTheFormExpected(String spec) {
    assertThatThrownBy(() -> SweepSpec.parse(spec)).isInstanceOf(InputException.class).hasMessageContaining("--sweep")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception"));
  }

  @Test
  void aHugeOptionIsRefusedFromItsLength() {
    String huge = "R:x=1.." + "9".repeat(5_000);
    assertThatThrownBy(() -> SweepSpec.parse(huge)).isInstanceOf(InputException.class).hasMessageContaining("at most 1000 are read");
  }

  @Test
  void throughTheCliAMalformedSweepExits2BeforeAnythingIsRead() {
    for (String spec : List.of("KFTC24-A:market.share=0.2..0.1", "KFTC24-A:market.share=0..1:0", "R:x=0..1e9:1", "\u001b[2J:x=1..2")) {
      ReviewSupport.Run r = ReviewSupport.cli("impact", "--sweep", spec, "no-such-folder");
      assertThat(r.code()).as(spec).isEqualTo(2);
      assertThat(r.err()).as(spec).contains("--sweep").doesNotContain("no-such-folder").doesNotContain("\u001b");
    }
  }
}
