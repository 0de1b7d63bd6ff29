package dev.kdpc.report;

/** What a finding is about. */
public enum Kind {
  DESIGNATION, OBLIGATION, PROHIBITION;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
