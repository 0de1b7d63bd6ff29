package dev.kdpc.cli;

import dev.kdpc.Checker;
import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.Scenario;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that evaluate: date, scenario, regimes, rules folder. */
final class CommonOptions {
  @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluation date, YYYY-MM-DD (default: today in Korea, Asia/Seoul).")
  String asOf;

  @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "in-force",
      description = "in-force (law in force only, the default) or with-proposals (adds promulgated law and live proposals).")
  String scenario;

  @Option(names = "--regimes", paramLabel = "ID", split = ",", description = "Evaluate these regimes (comma-separated ids), whatever their status.")
  List<String> regimes = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "DIR", description = "A rules folder to use instead of the bundled rules."
      + " Rules are code: the folder must match the rule grammar (the shape of kdpc's own rules) first; see the README's Security section.")
  Path rules;

  @Option(names = "--trust-rules", description = "Skip the rule grammar for the --rules folder: it then runs as code with kdpc's rights; only for a folder you trust like kdpc itself.")
  boolean trustRules;

  Options options() {
    LocalDate date;
    try {
      date = asOf == null ? LocalDate.now(java.time.ZoneId.of("Asia/Seoul")) : LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new InputException("--as-of '" + asOf + "' is not a date written YYYY-MM-DD");
    }
    return new Options(date, Scenario.parse(scenario), regimes);
  }

  Checker checker() {
    if (rules == null) return bundled();
    return trustRules ? Checker.withTrustedRules(rules) : Checker.withRules(rules);
  }

  private static volatile Checker bundled;

  /** The bundled rules, compiled once per JVM (a Checker is immutable and thread-safe). */
  private static Checker bundled() {
    Checker c = bundled;
    if (c == null) {
      synchronized (CommonOptions.class) {
        c = bundled;
        if (c == null) bundled = c = Checker.withBundledRules();
      }
    }
    return c;
  }
}
