package dev.kdpc.cli;

import dev.kdpc.Checker;
import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.Scenario;
import dev.kdpc.profile.ProfileReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
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

  @Option(names = "--regimes", paramLabel = "ID,...", description = "Evaluate these regimes (comma-separated ids), whatever their status.")
  List<String> regimes = new ArrayList<>(); // as given: split in regimes(), where an empty id is refused

  /** The regime ids of every {@code --regimes}; an empty one ({@code --regimes ,}, {@code a,,b}) is an error, not the default. */
  List<String> regimes() {
    List<String> ids = new ArrayList<>();
    for (String given : regimes) {
      for (String id : given.split(",", -1)) {
        if (id.isBlank()) {
          throw new InputException("--regimes '" + given + "' holds an empty regime id; give ids separated by commas,"
              + " e.g. --regimes tba-app-market,network-fee (leave the option out for the scenario's regimes)");
        }
        ids.add(id.strip());
      }
    }
    return ids;
  }

  @Option(names = "--rules", paramLabel = "DIR", description = "A rules folder to use instead of the bundled rules."
      + " Rules are code: the folder must match the rule grammar (the shape of kdpc's own rules) first; see the README's Security section.")
  Path rules;

  @Option(names = "--trust-rules", description = "Skip the rule grammar for the --rules folder: it then runs as code with kdpc's rights; only for a folder you trust like kdpc itself.")
  boolean trustRules;

  @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "5",
      description = "Stop the evaluation of a profile that takes longer than this (default 5; a decimal such as 0.5 is allowed;"
          + " at most 3600); a profile stopped so is reported as failed, naming the rule that was running, and the run exits 5.")
  String timeLimit;

  /** {@code --time-limit} as a duration: above 0 (at least a millisecond), at most an hour. */
  Duration timeLimit() {
    BigDecimal s;
    try {
      s = new BigDecimal(timeLimit.strip());
    } catch (NumberFormatException e) {
      throw new InputException("--time-limit '" + timeLimit + "' is not a number of seconds (e.g. 5 or 0.5)");
    }
    BigDecimal max = BigDecimal.valueOf(Checker.MAX_TIME_LIMIT.toSeconds());
    if (s.compareTo(new BigDecimal("0.001")) < 0 || s.compareTo(max) > 0) {
      throw new InputException("--time-limit " + timeLimit + " is out of range: give seconds from 0.001 to " + max);
    }
    return Duration.ofNanos(s.movePointRight(9).longValue());
  }

  Options options() {
    timeLimit(); // refused before anything is read or compiled
    LocalDate date = asOf == null ? LocalDate.now(java.time.ZoneId.of("Asia/Seoul")) : date("--as-of", asOf);
    return new Options(date, Scenario.parse(scenario), regimes());
  }

  /**
   * A date option: {@code YYYY-MM-DD}, a real calendar date, in the years a profile's dates may take
   * ({@link ProfileReader#MIN_YEAR} to {@link ProfileReader#MAX_YEAR}).
   */
  static LocalDate date(String option, String text) {
    LocalDate d;
    try {
      d = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InputException(option + " '" + text + "' is not a date written YYYY-MM-DD");
    }
    if (d.getYear() < ProfileReader.MIN_YEAR || d.getYear() > ProfileReader.MAX_YEAR) {
      throw new InputException(option + " " + text + " is out of range: give a date from " + ProfileReader.MIN_YEAR + " to " + ProfileReader.MAX_YEAR);
    }
    return d;
  }

  Checker checker() {
    Duration limit = timeLimit(); // checked before the rules are compiled
    if (rules == null) return bundled().withTimeLimit(limit);
    return (trustRules ? Checker.withTrustedRules(rules) : Checker.withRules(rules)).withTimeLimit(limit);
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
