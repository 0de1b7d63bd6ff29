package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Assessment#compareNumbers} takes fast paths for two whole numbers and two doubles; it must
 * order every pair exactly as comparing their decimal forms with {@link BigDecimal} does (the rule the
 * tests were written against).
 */
class CompareNumbersTest {
  private static int decimal(Number a, Number b) {
    return Integer.signum(new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())));
  }

  @Property(tries = 3000)
  void agreesWithDecimalComparison(@ForAll("numbers") Number a, @ForAll("numbers") Number b) {
    assertThat(Integer.signum(Assessment.compareNumbers(a, b))).as(a + " vs " + b).isEqualTo(decimal(a, b));
  }

  @Provide
  Arbitrary<Number> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(x -> (Number) x),
        Arbitraries.integers().between(-2_000_000, 2_000_000).map(x -> (Number) x),
        Arbitraries.doubles().map(x -> (Number) x),
        Arbitraries.doubles().between(-2, 2).ofScale(6).map(x -> (Number) x),
        Arbitraries.of(0.01, 0.0099999, 0.010000001, 1_000_000.0, 999_999.0, 1e18, -0.0, 0.0).map(x -> (Number) x),
        Arbitraries.of(0L, 1_000_000L, 999_999L, 1_000_001L, Long.MAX_VALUE, Long.MIN_VALUE).map(x -> (Number) x));
  }

  @Test
  void linesAtJustBelowAndJustAbove() {
    assertThat(Assessment.compareNumbers(1_000_000L, 1_000_000)).isZero();
    assertThat(Assessment.compareNumbers(999_999L, 1_000_000)).isNegative();
    assertThat(Assessment.compareNumbers(1_000_001L, 1_000_000)).isPositive();
    assertThat(Assessment.compareNumbers(0.01, 0.01)).isZero();
    assertThat(Assessment.compareNumbers(0.0099, 0.01)).isNegative();
    assertThat(Assessment.compareNumbers(0.0101, 0.01)).isPositive();
    assertThat(Assessment.compareNumbers(-0.0, 0.0)).isZero();
    assertThat(Assessment.compareNumbers(9_007_199_254_740_993L, 9.007199254740992E15)).isPositive(); // exact, not via double
    assertThat(Assessment.compareNumbers(3L, 2.5)).isPositive();
  }
}
