package dev.kdpc.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One numeric line of one or more designation rules set to another value for an evaluation: what
 * {@code kdpc impact --sweep} varies. The rules keep stating their own line (no legal figure moves into
 * Java); where a rule named here tests the fact {@code fact} against a line ({@code atLeast},
 * {@code atMost}, {@code below}, {@code above}), {@link Assessment} uses {@code value} instead and
 * remembers the line the rule states, so a report of the sweep can mark the law's actual line.
 * Only facts a rule declares {@code @sweepable} are ever overridden (checked by the caller against
 * {@link RuleInfo#sweepable()}). Thread-safe.
 */
public final class LineOverride {
  private final Set<String> rules;
  private final String fact;
  private final BigDecimal value;
  /** The lines the rules state for the fact, as seen while evaluating, by rule. */
  private final ConcurrentHashMap<String, BigDecimal> stated = new ConcurrentHashMap<>();

  public LineOverride(List<String> rules, String fact, BigDecimal value) {
    if (rules.isEmpty()) throw new IllegalArgumentException("an override names at least one rule");
    this.rules = Set.copyOf(rules);
    this.fact = fact;
    this.value = value;
  }

  public Set<String> rules() {
    return rules;
  }

  public String fact() {
    return fact;
  }

  public BigDecimal value() {
    return value;
  }

  /** The line rule {@code rule} applies for {@code path}, where it states {@code line}. */
  Number line(String rule, String path, Number line) {
    if (!fact.equals(path) || !rules.contains(rule)) return line;
    stated.putIfAbsent(rule, new BigDecimal(line.toString()));
    boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    if (!(line instanceof Double || line instanceof Float) && whole && value.abs().compareTo(LONG_MAX) <= 0) return value.longValueExact();
    return value.doubleValue(); // as the rule writes a share or a decimal line
  }

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** The lines the rules state for the fact, by rule, for the rules that tested it so far (a copy). */
  public java.util.Map<String, BigDecimal> stated() {
    return java.util.Map.copyOf(stated);
  }
}
