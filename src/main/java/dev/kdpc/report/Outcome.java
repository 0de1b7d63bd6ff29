package dev.kdpc.report;

/**
 * The outcome of a finding (report contract v2); which ones a kind can have is fixed (DESIGN §4,
 * docs/REPORT.md):
 * <ul>
 *   <li>designation: {@link #PRESUMED} (the law presumes the status, rebuttably), {@link #MEETS_CRITERIA}
 *       (the criteria that attach duties, or on which the regulator designates, are met), {@link #NOT_MET};
 *   <li>obligation: {@link #MET}, {@link #UNMET};
 *   <li>eligibility (what a buyer or regulator may do with the service): {@link #ELIGIBLE}, {@link #INELIGIBLE};
 *   <li>prohibition: {@link #POTENTIAL_VIOLATION} (conduct stated present, no justification stated: a risk,
 *       which only the regulator's finding of unfairness makes a violation), {@link #JUSTIFICATION_CLAIMED},
 *       {@link #CLEAR};
 *   <li>any kind: {@link #UNDETERMINED}, when a fact not stated could change the outcome.
 * </ul>
 * Version 1 of the report used {@code designated}, {@code not_designated} and {@code violation}.
 */
public enum Outcome {
  PRESUMED, MEETS_CRITERIA, NOT_MET, MET, UNMET, ELIGIBLE, INELIGIBLE, POTENTIAL_VIOLATION, JUSTIFICATION_CLAIMED, CLEAR,
  UNDETERMINED;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The outcome whose {@link #id()} is {@code id}, or null. */
  public static Outcome byId(String id) {
    for (Outcome o : values()) if (o.id().equals(id)) return o;
    return null;
  }

  /** True for the outcomes a compliance team must act on: an unmet duty or a potential violation. */
  public boolean adverse() {
    return this == UNMET || this == POTENTIAL_VIOLATION;
  }

  /** True for a designation that is met, presumed or by the criteria. */
  public boolean designationMet() {
    return this == PRESUMED || this == MEETS_CRITERIA;
  }
}
