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
    int column) {}
