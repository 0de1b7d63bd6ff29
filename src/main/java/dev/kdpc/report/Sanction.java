package dev.kdpc.report;

/**
 * The statutory ceiling of the sanction that attaches to a finding: never an estimate of a fine.
 *
 * @param text the cap in words, with its basis
 * @param rate the cap as a fraction of the base revenue, or null
 * @param baseFact the fact path of the base revenue, or null
 * @param baseKrw the base revenue from the profile, or null when not stated
 * @param maxKrw rate × base, where both are known, else null
 * @param flatCapKrw a flat ceiling in won (e.g. where there is no revenue, or a fixed fine), or null
 */
public record Sanction(String text, Double rate, String baseFact, Long baseKrw, Long maxKrw, Long flatCapKrw) {
  /** What every sanction figure is, said plainly. */
  public static final String CEILING_NOTE = "statutory ceiling, not an estimate of a fine";
}
