package dev.kdpc.report;

/** The outcome of a finding; which ones a kind can have is fixed (DESIGN §4). */
public enum Outcome {
  DESIGNATED, NOT_DESIGNATED, MET, UNMET, VIOLATION, JUSTIFICATION_CLAIMED, CLEAR, UNDETERMINED;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** True for the outcomes a compliance team must act on. */
  public boolean adverse() {
    return this == UNMET || this == VIOLATION;
  }
}
