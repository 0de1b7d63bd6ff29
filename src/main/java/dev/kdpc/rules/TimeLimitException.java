package dev.kdpc.rules;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * An evaluation that ran past its time limit and was stopped (see {@code Checker.withTimeLimit}). Not
 * an input error: the profile and the rules may both be valid, and a larger limit may let it finish.
 * The message is one paragraph: {@code FILE: evaluation stopped after 5 s in rule 'ID' (rules/x.drl:12);
 * raise the time limit (--time-limit) or fix the rule}. The command line exits 5 for it.
 */
public final class TimeLimitException extends RuntimeException {
  private final String source;
  private final String rule;
  private final String problem;
  private final Duration limit;

  /**
   * @param source the profile's name
   * @param rule the id of the rule whose consequence was running, or null when the engine was matching
   *     conditions
   * @param where the rule's file and line ({@code rules/x.drl:12}), or null
   */
  public TimeLimitException(String source, String rule, String where, Duration limit) {
    super(source + ": " + problem(rule, where, limit));
    this.source = source;
    this.rule = rule;
    this.problem = problem(rule, where, limit);
    this.limit = limit;
  }

  private static String problem(String rule, String where, Duration limit) {
    return "evaluation stopped after " + seconds(limit) + " s "
        + (rule == null ? "while the rules' conditions were being matched" : "in rule '" + rule + "'" + (where == null ? "" : " (" + where + ")"))
        + "; raise the time limit (--time-limit) or fix the rule";
  }

  /** {@code limit} in seconds, as short as it goes: 5, 0.3, 0.125. */
  public static String seconds(Duration limit) {
    return BigDecimal.valueOf(limit.toNanos(), 9).stripTrailingZeros().toPlainString();
  }

  /** The profile's name, as in its report. */
  public String source() {
    return source;
  }

  /** The rule that was running, or null. */
  public String rule() {
    return rule;
  }

  /** The message without the profile's name in front. */
  public String problem() {
    return problem;
  }

  public Duration limit() {
    return limit;
  }
}
