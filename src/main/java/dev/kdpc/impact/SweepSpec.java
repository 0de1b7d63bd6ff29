package dev.kdpc.impact;

import dev.kdpc.InputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code --sweep RULE[,RULE...]:FACT=FROM..TO[:STEP]} option: the rules (one regime's) whose line of
 * {@code FACT} varies, and the values it takes, from FROM to TO (inclusive, where a step lands on it)
 * by STEP (default: a tenth of the range). Numbers are decimals ({@code 4_000_000_000_000}, {@code 4e12},
 * {@code 0.6}) or percentages ({@code 60%}), from 0 to 10^30 with at most 12 decimal places; at most
 * {@value #MAX_POINTS} values.
 */
public record SweepSpec(List<String> rules, String fact, BigDecimal from, BigDecimal to, BigDecimal step) {
  /** The most values one sweep evaluates (each evaluates every profile again). */
  public static final int MAX_POINTS = 201;

  /** The longest option value read. */
  static final int MAX_LENGTH = 1_000;

  private static final BigDecimal MAX_VALUE = BigDecimal.TEN.pow(30);
  private static final int MAX_SCALE = 12;
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
  private static final Pattern FACT = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){0,15}");
  private static final Pattern NUMBER = Pattern.compile("[0-9][0-9_]*(\\.[0-9_]+)?([eE][+-]?[0-9]{1,2})?%?|\\.[0-9][0-9_]*([eE][+-]?[0-9]{1,2})?%?");

  private static final String FORM = "give RULE-ID[,RULE-ID...]:FACT=FROM..TO[:STEP], e.g. KFTC24-A,KFTC24-B:company.revenue_krw.korea=1e12..6e12:5e11"
      + " or KFTC24-A:market.share=40%..80%:5%";

  public SweepSpec {
    rules = List.copyOf(rules);
  }

  /** Parses the option's value; throws {@link InputException} with the form expected. */
  public static SweepSpec parse(String text) {
    if (text == null || text.isBlank()) throw bad(text, "it is empty");
    if (text.length() > MAX_LENGTH) throw new InputException("--sweep is " + text.length() + " characters long; at most " + MAX_LENGTH + " are read; " + FORM);
    int eq = text.indexOf('=');
    if (eq < 0) throw bad(text, "it has no '='");
    String left = text.substring(0, eq).strip();
    String right = text.substring(eq + 1).strip();
    int colon = left.indexOf(':');
    if (colon < 0) throw bad(text, "it has no ':' between the rule and the fact");
    List<String> rules = new ArrayList<>();
    for (String id : left.substring(0, colon).split(",", -1)) {
      String r = id.strip();
      if (!RULE_ID.matcher(r).matches()) throw bad(text, "'" + r + "' is not a rule id");
      if (!rules.contains(r)) rules.add(r);
    }
    String fact = left.substring(colon + 1).strip();
    if (!FACT.matcher(fact).matches()) throw bad(text, "'" + fact + "' is not a fact path (lower-case words joined by dots, e.g. market.share)");
    int dots = right.indexOf("..");
    if (dots < 0 || right.indexOf("..", dots + 2) >= 0) throw bad(text, "the range needs exactly one '..' between FROM and TO");
    String fromText = right.substring(0, dots).strip();
    String rest = right.substring(dots + 2).strip();
    int c = rest.indexOf(':');
    String toText = c < 0 ? rest : rest.substring(0, c).strip();
    String stepText = c < 0 ? null : rest.substring(c + 1).strip();
    BigDecimal from = number(text, "FROM", fromText);
    BigDecimal to = number(text, "TO", toText);
    if (from.compareTo(to) > 0) throw bad(text, "FROM " + fromText + " is above TO " + toText);
    BigDecimal step;
    if (stepText == null) {
      step = from.compareTo(to) == 0 ? BigDecimal.ONE : to.subtract(from).divide(BigDecimal.TEN, MAX_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
      if (step.signum() == 0) throw bad(text, "the range is too narrow for a default step; give STEP");
    } else {
      if (stepText.startsWith("-")) throw bad(text, "STEP " + stepText + " is negative; give a step above 0");
      step = number(text, "STEP", stepText);
      if (step.signum() == 0) throw bad(text, "STEP is 0; give a step above 0");
    }
    BigDecimal count = to.subtract(from).divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
    if (count.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0) {
      throw new InputException("--sweep '" + text + "' gives " + (count.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0 ? "more than 10^9" : count.toPlainString())
          + " values; at most " + MAX_POINTS + " are evaluated (each evaluates every profile again): give a larger STEP or a narrower range");
    }
    return new SweepSpec(rules, fact, from, to, step);
  }

  /** The values, FROM first, each FROM + i × STEP up to TO. */
  public List<BigDecimal> values() {
    List<BigDecimal> out = new ArrayList<>();
    for (BigDecimal v = from; v.compareTo(to) <= 0 && out.size() < MAX_POINTS; v = v.add(step)) out.add(v.stripTrailingZeros());
    return out;
  }

  private static BigDecimal number(String text, String what, String s) {
    if (s.startsWith("-")) throw bad(text, what + " " + s + " is negative; lines are from 0 to 10^30");
    if (!NUMBER.matcher(s).matches()) throw bad(text, what + " '" + s + "' is not a number (e.g. 4e12, 4_000_000_000_000, 0.6 or 60%)");
    boolean pct = s.endsWith("%");
    BigDecimal v;
    try {
      v = new BigDecimal(s.replace("_", "").replace("%", ""));
    } catch (NumberFormatException e) {
      throw bad(text, what + " '" + s + "' is not a number");
    }
    if (pct) v = v.movePointLeft(2);
    if (v.compareTo(MAX_VALUE) > 0) throw bad(text, what + " " + s + " is above 10^30");
    if (v.stripTrailingZeros().scale() > MAX_SCALE) throw bad(text, what + " " + s + " has more than " + MAX_SCALE + " decimal places");
    return v;
  }

  private static InputException bad(String text, String why) {
    return new InputException("--sweep '" + (text == null ? "" : text) + "' is not a sweep: " + why + "; " + FORM);
  }
}
