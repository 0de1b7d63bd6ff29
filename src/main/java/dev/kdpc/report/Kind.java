package dev.kdpc.report;

/**
 * What a finding is about: a designation (who is what), an obligation (a duty), an eligibility (what
 * a buyer or regulator may do with the service, e.g. whether a public body may buy it) or a
 * prohibition (a banned practice).
 */
public enum Kind {
  DESIGNATION, OBLIGATION, ELIGIBILITY, PROHIBITION;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
