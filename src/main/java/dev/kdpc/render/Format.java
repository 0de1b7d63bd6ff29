package dev.kdpc.render;

import dev.kdpc.report.Test;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How values are written for people: shares as percents, won with separators. */
public final class Format {
  private Format() {}

  public static String value(Object v, String unit) {
    if (v == null) return "not stated";
    if (v instanceof Number n) {
      return switch (unit == null ? "" : unit) {
        case "share" -> percent(n.doubleValue());
        case "krw" -> String.format(Locale.ROOT, "%,d won", n.longValue());
        case "count" -> String.format(Locale.ROOT, "%,d", n.longValue());
        default -> plain(n);
      };
    }
    return String.valueOf(v);
  }

  /** A value in {@code lang} ({@code ko}: 원, 기재 없음, 예/아니요). */
  public static String value(Object v, String unit, String lang) {
    return "ko".equals(lang) ? Ko.value(v, unit) : value(v, unit);
  }

  /** One test in words in {@code lang}. */
  public static String test(Test t, String lang) {
    return "ko".equals(lang) ? Ko.test(t) : test(t);
  }

  /** The shortfall of a failed test in {@code lang}. */
  public static String shortfall(Test t, String lang) {
    return "ko".equals(lang) ? Ko.shortfall(t) : shortfall(t);
  }

  public static String plain(Number n) {
    if (n instanceof Long || n instanceof Integer) return String.format(Locale.ROOT, "%,d", n.longValue());
    double d = n.doubleValue();
    if (Math.abs(d) >= 1e15 || (Math.abs(d) < 1e-3 && d != 0)) return String.format(Locale.ROOT, "%.3g", d);
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  public static String percent(double share) {
    BigDecimal pct = BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return pct.toPlainString() + "%";
  }

  /** A signed relative margin, e.g. {@code +44%} or {@code -0.0001%}. */
  public static String margin(Double m) {
    if (m == null) return "";
    BigDecimal pct = BigDecimal.valueOf(m).multiply(BigDecimal.valueOf(100)).round(new java.math.MathContext(3)).stripTrailingZeros();
    return (m >= 0 ? "+" : "") + pct.toPlainString() + "%";
  }

  /** One test in words: {@code services.tube.users.daily_average_kr = 999,999 >= 1,000,000}. */
  public static String test(Test t) {
    String subject = t.label() != null ? t.label() + " [" + t.fact() + "]" : t.fact();
    String thresholdUnit = "share".equals(t.unit()) || "krw".equals(t.unit()) || "count".equals(t.unit()) ? t.unit() : null;
    String threshold = t.threshold() instanceof Number ? value(t.threshold(), thresholdUnit) : String.valueOf(t.threshold());
    String s = subject + " = " + asWritten(t) + " " + t.op() + " " + threshold;
    if (t.margin() != null) s += " (margin " + margin(t.margin()) + ")";
    return s;
  }

  /**
   * A test's value as the profile wrote it and in won (or as a number): {@code "4조 3,226억원" (4,322,600,000,000 won)};
   * the value alone when the profile wrote a number, or text that reads the same ({@code "41,000,000"}).
   */
  public static String asWritten(Test t) {
    return asWritten(t, value(t.value(), t.unit()));
  }

  /** As {@link #asWritten(Test)}, with the value already formatted as {@code v} (e.g. in Korean). */
  static String asWritten(Test t, String v) {
    if (t.written() == null || t.value() == null) return v;
    String w = t.written().strip();
    String plain = t.value() instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : v;
    if (w.equals(plain) || (w.endsWith("원") && w.substring(0, w.length() - 1).strip().equals(plain))) return v;
    return "\"" + dev.kdpc.report.Printable.text(w) + "\" (" + v + ")";
  }

  /**
   * How far a failed numeric test is from its line, e.g. {@code ; short by 40,000 (4%)} or
   * {@code ; short by 3 points (6%)} for a share; empty when not numeric or not failed.
   */
  public static String shortfall(Test t) {
    if (!Boolean.FALSE.equals(t.met()) || !(t.value() instanceof Number v) || !(t.threshold() instanceof Number l)) return "";
    BigDecimal gap = new BigDecimal(l.toString()).subtract(new BigDecimal(v.toString())).abs();
    String amount;
    if ("share".equals(t.unit())) {
      amount = gap.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + " percentage points";
    } else {
      amount = value(gap.stripTrailingZeros().scale() <= 0 ? (Number) gap.longValue() : (Number) gap.doubleValue(), t.unit());
    }
    String word = t.op().startsWith(">") ? "short by " : "over by ";
    return "; " + word + amount + (t.margin() == null ? "" : " (" + margin(Math.abs(t.margin())).replace("+", "") + ")");
  }
}
