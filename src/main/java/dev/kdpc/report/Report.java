package dev.kdpc.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A report (contract version {@link #CONTRACT}): deterministic for the same profiles, rules and options.
 *
 * @param tool the kdpc version that made it
 * @param scenario {@code in-force}, {@code with-proposals}, or {@code regimes} when regimes were picked by name
 * @param regimes the regimes evaluated
 * @param rulesDigest SHA-256 over the rules folder's files
 */
public record Report(
    String tool,
    LocalDate asOf,
    String scenario,
    List<String> regimes,
    String rulesDigest,
    List<ProfileReport> profiles,
    List<Notice> notices) {
  public static final int CONTRACT = 2;

  public Report {
    regimes = List.copyOf(regimes);
    profiles = List.copyOf(profiles);
    notices = List.copyOf(notices);
  }

  /** All findings of all profiles. */
  public List<Finding> findings() {
    return profiles.stream().flatMap(p -> p.findings().stream()).toList();
  }
}
