package dev.kdpc.report;

import java.util.Locale;

/** A regime's (or rule's) legal status at the evaluation date. */
public enum Status {
  /** Law in force. */
  IN_FORCE,
  /** Passed and promulgated, not yet in force. */
  PROMULGATED,
  /** A live bill or government plan. */
  PROPOSED,
  /** Withdrawn, replaced, or died with the Assembly term. */
  LAPSED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Status parse(String s) {
    for (Status v : values()) if (v.id().equals(s)) return v;
    throw new IllegalArgumentException("unknown status '" + s + "' (in_force, promulgated, proposed, lapsed)");
  }
}
