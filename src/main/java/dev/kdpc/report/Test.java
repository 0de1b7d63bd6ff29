package dev.kdpc.report;

/**
 * One test behind a finding: the fact, its value, the line it is compared to and the result.
 *
 * @param fact the fact path, e.g. {@code services.tube.users.daily_average_kr}
 * @param label what the test measures, in words (may be null when the fact path says it)
 * @param value the profile's value, or null when the profile does not state it
 * @param op the comparison: {@code >=}, {@code <=}, {@code <}, {@code ==}, {@code !=}, {@code in top}
 * @param threshold the line (a number, boolean or text)
 * @param met true, false, or null when unknown
 * @param margin the relative distance to the line, positive on the side that meets it, or null
 * @param unit {@code share}, {@code krw}, {@code count}, {@code quantity}, {@code bool}, {@code date}, {@code text}
 * @param line the line of the fact in the profile, or 0 when not stated there
 * @param column its column, or 0
 * @param written the value as the profile wrote it, when it wrote text ({@code "4조 3,226억원"}, {@code "41,000,000"}), else null
 */
public record Test(
    String fact,
    String label,
    Object value,
    String op,
    Object threshold,
    Boolean met,
    Double margin,
    String unit,
    int line,
    int column,
    String written) {

  /** A test whose value the profile wrote as a number, or does not state. */
  public Test(String fact, String label, Object value, String op, Object threshold, Boolean met, Double margin, String unit, int line, int column) {
    this(fact, label, value, op, threshold, met, margin, unit, line, column, null);
  }

  /** This test with the value as the profile wrote it. */
  public Test withWritten(String written) {
    return new Test(fact, label, value, op, threshold, met, margin, unit, line, column, written);
  }
}
