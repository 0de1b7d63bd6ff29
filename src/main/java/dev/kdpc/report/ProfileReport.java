package dev.kdpc.report;

import java.util.List;

/**
 * The findings for one profile. A profile that could not be read has {@code error} set and no findings.
 *
 * @param source the profile's name as given
 * @param inputSha256 SHA-256 of the profile's bytes, or null when it could not be read
 * @param company the company's name
 * @param error the one-paragraph input error, or null
 */
public record ProfileReport(
    String source,
    String inputSha256,
    String company,
    List<Finding> findings,
    List<NearMiss> nearMisses,
    String error) {

  /** How close a failed designation test must be to its line (relative) to count as a near miss. */
  public static final double NEAR_MISS_MARGIN = 0.20;

  public ProfileReport {
    findings = List.copyOf(findings);
    nearMisses = List.copyOf(nearMisses);
  }

  public static ProfileReport failed(String source, String error) {
    return new ProfileReport(source, null, null, List.of(), List.of(), error);
  }
}
