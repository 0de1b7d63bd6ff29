package dev.kdpc.rules;

import java.time.LocalDate;

/**
 * The evaluation date, as a fact: exactly one is inserted per evaluation, so a rule can compare a
 * profile date with it ({@code $ctx : EvaluationContext()}). Rules never read the system clock.
 */
public final class EvaluationContext {
  private final LocalDate asOf;

  public EvaluationContext(LocalDate asOf) {
    this.asOf = asOf;
  }

  public LocalDate getAsOf() {
    return asOf;
  }

  @Override
  public String toString() {
    return "EvaluationContext(" + asOf + ")";
  }
}
