package dev.kdpc.profile;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Money and counts as people write them. One grammar, written once as regular expressions that both
 * the reader ({@link java.util.regex.Pattern}) and the JSON Schema ({@link ProfileSchema}, ECMA-262
 * {@code pattern}) use, so that an editor accepts exactly what kdpc accepts:
 *
 * <ul>
 *   <li>an integer: {@code 8000000000} (in YAML 1.1 also {@code 8_000_000_000}, which YAML 1.2 reads as
 *       the text {@code "8_000_000_000"}: accepted as text too);
 *   <li>digits grouped in threes with {@code ,} or {@code _}: {@code "8,000,000,000"}, {@code "8_000_000_000"};
 *   <li>money only: the Korean units 조 (10^12), 억 (10^8) and 만 (10^4), largest first, each at most
 *       once, each part after the first below 10,000, with or without 원 and spaces: {@code "80억원"},
 *       {@code "4조 3,226억원"}, {@code "1조"}, {@code "3,400억"}, {@code "12만 3,456원"} (a part without unit
 *       only after 만); a decimal with one unit alone ({@code "1.5억"} is 150,000,000 won), with at most
 *       as many decimals as keep the amount whole (12 for 조, 8 for 억, 4 for 만).
 * </ul>
 *
 * Refused, each with a message that says which forms are accepted: a sign or a negative amount, an
 * empty text, other separators or groupings ({@code "8,00,000"}), 천/백/십 ({@code "5천억"}: write
 * {@code "5,000억"}), units out of order or repeated, a part of 10,000 or more after a larger unit
 * ({@code "4조 12,000억"}: write {@code "5조 2,000억"}), and amounts of 10^18 won (100경, 1,000,000조) or
 * more. The limit of 18 digits keeps every accepted form expressible as a pattern, exactly; it is far
 * above any company's figure (the world's yearly output is about 1.5 × 10^17 won).
 */
final class Amounts {
  private Amounts() {}

  /** The largest amount or count accepted: 10^18 - 1. */
  static final long MAX = 999_999_999_999_999_999L;

  /** The largest amount or count, as people read it. */
  static final String MAX_TEXT = "999,999,999,999,999,999";

  private static final String WS = " *";

  /** Digits grouped in threes with {@code sep}, at most {@code d} digits, first digit not 0. */
  private static String grouped(char sep, int d) {
    StringBuilder b = new StringBuilder();
    int full = (d - 3) / 3; // groups of three after a first group of up to three digits
    if (full >= 1) b.append("[1-9][0-9]{0,2}(").append(sep).append("[0-9]{3}){1,").append(full).append('}');
    int rest = d - 3 * (full + 1);
    if (rest > 0) {
      if (b.length() > 0) b.append('|');
      b.append("[1-9]").append(rest > 1 ? "[0-9]{0," + (rest - 1) + "}" : "").append('(').append(sep).append("[0-9]{3}){").append(full + 1).append('}');
    }
    return b.toString();
  }

  /** A whole number of at most {@code d} digits, not starting with 0 (0 itself aside unless {@code zero} is false), plain or grouped. */
  private static String number(int d, boolean zero) {
    String g = grouped(',', d);
    String u = grouped('_', d);
    return "(" + (zero ? "0|" : "") + "[1-9][0-9]{0," + (d - 1) + "}" + (g.isEmpty() ? "" : "|" + g + "|" + u) + ")";
  }

  /** A whole number of at most {@code d} digits with up to {@code decimals} decimals, then {@code unit}. */
  private static String decimal(int d, int decimals, String unit) {
    return number(d, true) + "\\.[0-9]{1," + decimals + "}" + WS + unit;
  }

  private static final String PART = number(4, false);
  private static final String MAN_TAIL = PART + WS + "만(" + WS + PART + ")?";
  private static final String EOK_TAIL = PART + WS + "억(" + WS + MAN_TAIL + ")?|" + MAN_TAIL;
  private static final String KOREAN =
      number(6, true) + WS + "조(" + WS + "(" + EOK_TAIL + "))?"
      + "|" + decimal(6, 12, "조")
      + "|" + number(10, true) + WS + "억(" + WS + "(" + MAN_TAIL + "))?"
      + "|" + decimal(10, 8, "억")
      + "|" + number(14, true) + WS + "만(" + WS + PART + ")?"
      + "|" + decimal(14, 4, "만");

  private static final String COUNT_CORE = number(18, true);
  private static final String MONEY_CORE = "(" + number(18, true) + "|" + KOREAN + ")(" + WS + "원)?";

  /** A count written as text: digits, plain or grouped in threes, at most 18 of them; spaces around. */
  static final String COUNT_PATTERN = "^" + WS + COUNT_CORE + WS + "$";

  /** An amount in won written as text: a count's forms, or Korean units; 원 optional; spaces around. */
  static final String MONEY_PATTERN = "^" + WS + MONEY_CORE + WS + "$";

  /** The largest integer in the schema's {@code maximum}. */
  static final long MAX_INTEGER = MAX;

  // The reader matches the core on the text without its outer spaces: the same language as the schema's
  // pattern (the core starts with a digit and ends with a digit or a unit), without backtracking over a long run of spaces.
  private static final Pattern COUNT = Pattern.compile(COUNT_CORE);
  private static final Pattern MONEY = Pattern.compile(MONEY_CORE);

  /** {@code text} without the spaces (U+0020 only, as the pattern's) at its ends. */
  private static String trimSpaces(String text) {
    int a = 0;
    int b = text.length();
    while (a < b && text.charAt(a) == ' ') a++;
    while (b > a && text.charAt(b - 1) == ' ') b--;
    return text.substring(a, b);
  }

  /** What the error messages say is accepted. */
  static final String MONEY_FORMS = "an amount in won must be a whole number of won from 0 to " + MAX_TEXT
      + ", written as an integer (8000000000), as digits grouped in threes with ',' or '_' (\"8,000,000,000\"), or with the Korean units"
      + " 조, 억 and 만, largest first, with or without 원 (\"80억원\", \"4조 3,226억원\", \"3,400억\", \"1.5억\")";

  static final String COUNT_FORMS = "a count must be a whole number from 0 to " + MAX_TEXT
      + ", written as an integer (41000000) or as digits grouped in threes with ',' or '_' (\"41,000,000\")";

  /** Thrown with the message to show; the caller adds file, line, column and field. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** The amount {@code text} gives, or {@link Refused} with why and what is accepted. */
  static long money(String text) throws Refused {
    if (MONEY.matcher(trimSpaces(text)).matches()) return exact(text);
    throw new Refused(explain(text, true));
  }

  /** The count {@code text} gives, or {@link Refused} with why and what is accepted. */
  static long count(String text) throws Refused {
    if (COUNT.matcher(trimSpaces(text)).matches()) return exact(text);
    throw new Refused(explain(text, false));
  }

  /** The value of a text the grammar accepted (its digit limits keep it at or below {@link #MAX} and whole). */
  private static long exact(String text) {
    BigDecimal v = lenient(text);
    return v.longValueExact();
  }

  private static final BigDecimal MAN = BigDecimal.TEN.pow(4);
  private static final BigDecimal EOK = BigDecimal.TEN.pow(8);
  private static final BigDecimal JO = BigDecimal.TEN.pow(12);

  /**
   * The value a text means, read leniently (any order, 천/백/십 as multipliers within a group of four
   * digits, any grouping of digits), or null when it holds something else. Only for messages: the
   * strict grammar decides what is accepted.
   */
  static BigDecimal lenient(String text) {
    String s = text.strip();
    if (s.endsWith("원")) s = s.substring(0, s.length() - 1).strip();
    if (s.isEmpty()) return null;
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal group = BigDecimal.ZERO; // the part below 10,000 being read, before its large unit
    StringBuilder digits = new StringBuilder();
    boolean any = false;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '\0';
      if (c >= '0' && c <= '9' || c == '.') {
        digits.append(c);
        continue;
      }
      if (c == ',' || c == '_' || c == ' ') continue;
      BigDecimal n = null;
      if (digits.length() > 0) {
        try {
          n = new BigDecimal(digits.toString());
        } catch (NumberFormatException e) {
          return null;
        }
        digits.setLength(0);
        any = true;
      }
      BigDecimal small = switch (c) {
        case '십' -> BigDecimal.TEN;
        case '백' -> BigDecimal.valueOf(100);
        case '천' -> BigDecimal.valueOf(1000);
        default -> null;
      };
      BigDecimal large = switch (c) {
        case '만' -> MAN;
        case '억' -> EOK;
        case '조' -> JO;
        default -> null;
      };
      if (small != null) {
        group = group.add((n == null ? BigDecimal.ONE : n).multiply(small));
        any = true;
      } else if (large != null) {
        BigDecimal g = group.add(n == null ? BigDecimal.ZERO : n);
        total = total.add((g.signum() == 0 && n == null ? BigDecimal.ONE : g).multiply(large));
        group = BigDecimal.ZERO;
        any = true;
      } else if (c == '\0') {
        total = total.add(group).add(n == null ? BigDecimal.ZERO : n);
      } else {
        return null;
      }
    }
    return any ? total : null;
  }

  private static String explain(String text, boolean money) {
    String forms = money ? MONEY_FORMS : COUNT_FORMS;
    String got = "got the text \"" + ValueDeserializers.shown(text) + "\"";
    String s = text.strip();
    boolean negative = s.startsWith("-") || s.startsWith("\u2212");
    if (negative || s.startsWith("+")) s = s.substring(1);
    BigDecimal v = lenient(s);
    if (v == null) return forms + "; " + got;
    if (negative && v.signum() > 0) return (money ? "an amount in won" : "a count") + " must not be negative, " + got;
    if (v.compareTo(BigDecimal.valueOf(MAX)) > 0) {
      return (money ? "an amount in won" : "a count") + " is too large: " + got + " (the largest is " + MAX_TEXT + (money ? ", 1,000,000조원 less one won" : "") + ")";
    }
    if (v.stripTrailingZeros().scale() > 0) {
      return (money ? "an amount in won must be a whole number of won" : "a count must be a whole number") + ", " + got + " ("
          + v.stripTrailingZeros().toPlainString() + ")";
    }
    long exact = v.longValueExact();
    boolean units = s.chars().anyMatch(c -> c >= 0xAC00);
    String suggestion = money && units ? korean(exact) : String.format(Locale.ROOT, "%,d", exact);
    if (!money && units) return COUNT_FORMS + " (the Korean units 만, 억 and 조 are for money); " + got + "; did you mean \"" + suggestion + "\"?";
    return forms + "; " + got + "; did you mean \"" + suggestion + "\"?";
  }

  /** An amount in Korean units, largest first: {@code 4322600000000} gives {@code 4조 3,226억원}. */
  static String korean(long won) {
    if (won == 0) return "0원";
    StringBuilder b = new StringBuilder();
    long[] units = {1_000_000_000_000L, 100_000_000L, 10_000L};
    String[] names = {"조", "억", "만"};
    long rest = won;
    for (int i = 0; i < units.length; i++) {
      long n = rest / units[i];
      rest %= units[i];
      if (n > 0) {
        if (b.length() > 0) b.append(' ');
        b.append(String.format(Locale.ROOT, "%,d", n)).append(names[i]);
      }
    }
    if (rest > 0) {
      if (b.length() > 0) b.append(' ');
      b.append(String.format(Locale.ROOT, "%,d", rest));
    }
    return b.append('원').toString();
  }
}
