package dev.kdpc;

import java.util.Locale;

/** Which law to apply: only what is in force at the evaluation date, or live proposals too. */
public enum Scenario {
  /** Law in force on the as-of date. */
  IN_FORCE,
  /** Law in force plus promulgated law not yet in force and live proposals (bills, government plans). */
  WITH_PROPOSALS;

  /** The name used on the command line and in reports: {@code in-force}, {@code with-proposals}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Scenario parse(String s) {
    for (Scenario v : values()) if (v.id().equals(s)) return v;
    throw new InputException("unknown scenario '" + s + "'; use in-force or with-proposals");
  }
}
