package dev.kdpc.impact;

import dev.kdpc.report.Notice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Who the regimes catch in a folder of profiles, by the companies' headquarters country: the model of
 * {@code kdpc impact} (JSON contract {@value #CONTRACT}, {@code kdpc schema impact}). Plain records, no
 * Drools.
 *
 * @param tool kdpc's version
 * @param profiles how many profiles were evaluated (bad ones excluded)
 * @param failed the profiles that could not be read or evaluated, with the reason; skipped
 * @param regimes per regime, in the catalogue's order, who its designations catch
 * @param sweep the sweep's points, or null without {@code --sweep}
 */
public record Impact(
    String tool,
    LocalDate asOf,
    String scenario,
    String rulesDigest,
    int profiles,
    List<Failed> failed,
    List<Notice> notices,
    List<RegimeImpact> regimes,
    Sweep sweep) {

  /** The version of the JSON contract. */
  public static final int CONTRACT = 1;

  /** The country key of a profile that does not state {@code company.headquarters}. */
  public static final String UNKNOWN_COUNTRY = "unknown";

  public Impact {
    failed = List.copyOf(failed);
    notices = List.copyOf(notices);
    regimes = List.copyOf(regimes);
  }

  /** A profile left out: its source and the one-paragraph reason. */
  public record Failed(String source, String error) {}

  /**
   * One regime: per country (sorted; {@link #UNKNOWN_COUNTRY} for a profile that does not say), the
   * companies it catches, does not catch, and those a missing fact leaves undetermined.
   */
  public record RegimeImpact(String regime, String status, String title, Map<String, Groups<Entry>> byCountry) {
    public RegimeImpact {
      byCountry = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byCountry));
    }
  }

  /** The three groups of one country: entries (a regime's) or company names (a sweep's point). */
  public record Groups<T>(List<T> caught, List<T> notCaught, List<T> undetermined) {
    public Groups {
      caught = List.copyOf(caught);
      notCaught = List.copyOf(notCaught);
      undetermined = List.copyOf(undetermined);
    }

    public int total() {
      return caught.size() + notCaught.size() + undetermined.size();
    }
  }

  /**
   * One company under one regime, with the designations that decide its group: every designation met
   * (caught), every one undetermined (undetermined, none being met), or the one nearest to being met
   * (not caught; none when no designation rule of the regime reaches its services).
   */
  public record Entry(String company, String source, List<Designation> designations) {
    public Entry {
      designations = List.copyOf(designations);
    }
  }

  /**
   * One designation finding: its rule, service (null: the company), outcome, the deciding test (for a
   * designation met, its numeric test nearest to the line; not met, its failed test furthest from the
   * line; null when no test decides it by a number or it is undetermined) and the facts missing.
   */
  public record Designation(String rule, String service, String outcome, Deciding deciding, List<String> missing) {
    public Designation {
      missing = List.copyOf(missing);
    }
  }

  /** A test as the report gives it: fact path, profile value, comparison, line, relative margin (positive on the side that meets it). */
  public record Deciding(String fact, Object value, String op, Object threshold, Double margin) {}

  /**
   * A sweep: the line of {@code fact} in {@code rules} (one regime's), set to each value in turn.
   *
   * @param statedLines the line each rule states in the law (as encoded), for the rules that tested it
   * @param points per value, who the regime catches, by country
   */
  public record Sweep(List<String> rules, String regime, String fact, Map<String, BigDecimal> statedLines, List<Point> points) {
    public Sweep {
      rules = List.copyOf(rules);
      statedLines = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(statedLines));
      points = List.copyOf(points);
    }

    /** The law's line when every rule states the same one, else null. */
    public BigDecimal statedLine() {
      java.util.Set<BigDecimal> distinct = new java.util.TreeSet<>(statedLines.values());
      return distinct.size() == 1 ? distinct.iterator().next() : null;
    }
  }

  /** One value of a sweep: per country, the names caught, not caught and undetermined. */
  public record Point(BigDecimal line, Map<String, Groups<String>> byCountry) {
    public Point {
      byCountry = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byCountry));
    }
  }

}
