package dev.kdpc;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How to evaluate: the date, the scenario, and optionally the regimes picked by name (which then
 * replace the scenario's choice; a lapsed regime picked by name is evaluated and marked lapsed, one not
 * yet announced is reported as such and not applied).
 */
public record Options(LocalDate asOf, Scenario scenario, List<String> regimes) {
  public Options {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(scenario, "scenario");
    regimes = regimes == null ? List.of() : List.copyOf(regimes);
  }

  /** Law in force on {@code date}. */
  public static Options inForce(LocalDate date) {
    return new Options(date, Scenario.IN_FORCE, List.of());
  }

  /** Law in force and live proposals on {@code date}. */
  public static Options withProposals(LocalDate date) {
    return new Options(date, Scenario.WITH_PROPOSALS, List.of());
  }

  /** These options with the regimes picked by name. */
  public Options regimes(String... ids) {
    return new Options(asOf, scenario, List.of(ids));
  }
}
