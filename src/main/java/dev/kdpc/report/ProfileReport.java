package dev.kdpc.report;

import java.util.List;

/**
 * The findings for one profile. A profile that could not be read has {@code error} set and no findings.
 *
 * @param source the profile's name as given
 * @param inputSha256 SHA-256 of the profile's bytes, or null when it could not be read
 * @param company the company's name
 * @param error the one-paragraph input error, or null
 * @param whatIf the facts changed with {@code --set} and what that changed, or null
 * @param whyNot per regime and service, the designations not met (filled on request, else empty)
 * @param notices remarks on how the profile was read (e.g. rounded market shares accepted)
 */
public record ProfileReport(
    String source,
    String inputSha256,
    String company,
    List<Finding> findings,
    List<NearMiss> nearMisses,
    String error,
    WhatIf whatIf,
    List<WhyNot> whyNot,
    List<String> notices) {

  /** How close a failed designation test must be to its line (relative) to count as a near miss. */
  public static final double NEAR_MISS_MARGIN = 0.20;

  public ProfileReport {
    findings = List.copyOf(findings);
    nearMisses = List.copyOf(nearMisses);
    whyNot = whyNot == null ? List.of() : List.copyOf(whyNot);
    notices = notices == null ? List.of() : List.copyOf(notices);
  }

  /** A part without notices. */
  public ProfileReport(String source, String inputSha256, String company, List<Finding> findings, List<NearMiss> nearMisses, String error,
      WhatIf whatIf, List<WhyNot> whyNot) {
    this(source, inputSha256, company, findings, nearMisses, error, whatIf, whyNot, List.of());
  }

  /** This part with the profile's notices. */
  public ProfileReport withNotices(List<String> notices) {
    return new ProfileReport(source, inputSha256, company, findings, nearMisses, error, whatIf, whyNot, notices);
  }

  /** A profile's findings, without what-if or why-not additions. */
  public ProfileReport(String source, String inputSha256, String company, List<Finding> findings, List<NearMiss> nearMisses, String error) {
    this(source, inputSha256, company, findings, nearMisses, error, null, List.of());
  }

  /** This part with other findings (e.g. with flips), the rest unchanged. */
  public ProfileReport withFindings(List<Finding> findings) {
    return new ProfileReport(source, inputSha256, company, findings, nearMisses, error, whatIf, whyNot, notices);
  }

  /** This part with a what-if record and a why-not view. */
  public ProfileReport withReview(WhatIf whatIf, List<WhyNot> whyNot) {
    return new ProfileReport(source, inputSha256, company, findings, nearMisses, error, whatIf, whyNot, notices);
  }

  public static ProfileReport failed(String source, String error) {
    return new ProfileReport(source, null, null, List.of(), List.of(), error);
  }
}
