package dev.kdpc.impact;

import dev.kdpc.report.Notice;
import dev.kdpc.report.Printable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The text and CSV forms of an {@link Impact}. Names are shown, never obeyed ({@link Printable#text}; CSV cells quoted, formulas defused). */
public final class ImpactText {
  private ImpactText() {}

  public static void text(Impact i, Writer w) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("kdpc impact: ").append(i.profiles()).append(i.profiles() == 1 ? " profile" : " profiles").append(", as of ").append(i.asOf())
        .append(", scenario ").append(i.scenario()).append('\n');
    for (Impact.Failed f : i.failed()) b.append("  skipped ").append(Printable.text(f.source())).append(": ").append(Printable.message(f.error())).append('\n');
    for (Notice n : i.notices()) b.append("  note ").append(n.regime()).append(": ").append(Printable.text(n.message())).append('\n');
    for (Impact.RegimeImpact r : i.regimes()) {
      b.append('\n').append(r.regime()).append(" (").append(r.status()).append("): ").append(Printable.text(r.title())).append('\n');
      b.append(String.format(Locale.ROOT, "  %-8s %7s %11s %13s%n", "country", "caught", "not caught", "undetermined"));
      for (Map.Entry<String, Impact.Groups<Impact.Entry>> e : r.byCountry().entrySet()) {
        Impact.Groups<Impact.Entry> g = e.getValue();
        b.append(String.format(Locale.ROOT, "  %-8s %7d %11d %13d%n", Printable.text(e.getKey()), g.caught().size(), g.notCaught().size(), g.undetermined().size()));
      }
      group(b, "caught", r, Impact.Groups::caught);
      group(b, "undetermined", r, Impact.Groups::undetermined);
      group(b, "not caught", r, Impact.Groups::notCaught);
    }
    if (i.sweep() != null) sweep(b, i.sweep());
    w.write(b.toString());
  }

  private static void group(StringBuilder b, String name, Impact.RegimeImpact r, java.util.function.Function<Impact.Groups<Impact.Entry>, List<Impact.Entry>> which) {
    boolean any = r.byCountry().values().stream().anyMatch(g -> !which.apply(g).isEmpty());
    if (!any) return;
    b.append("  ").append(name).append(":\n");
    StringBuilder unreached = new StringBuilder();
    for (Map.Entry<String, Impact.Groups<Impact.Entry>> e : r.byCountry().entrySet()) {
      for (Impact.Entry en : which.apply(e.getValue())) {
        if (en.designations().isEmpty()) { // said once, in a line, for all of them
          unreached.append(unreached.length() == 0 ? "" : ", ").append(Printable.text(e.getKey())).append(' ').append(Printable.text(en.company()));
          continue;
        }
        b.append("    ").append(Printable.text(e.getKey())).append("  ").append(Printable.text(en.company())).append(" (").append(Printable.text(en.source())).append(")");
        for (Impact.Designation d : en.designations()) b.append("\n      ").append(designation(d));
        b.append('\n');
      }
    }
    if (unreached.length() > 0) b.append("    no designation rule of the regime reaches their services: ").append(unreached).append('\n');
  }

  static String designation(Impact.Designation d) {
    StringBuilder b = new StringBuilder();
    b.append(d.rule()).append(d.service() == null ? "" : " [" + Printable.text(d.service()) + "]").append(' ').append(d.outcome());
    if (d.deciding() != null) {
      Impact.Deciding t = d.deciding();
      b.append("; ").append(Printable.text(t.fact())).append(' ').append(value(t.value())).append(' ').append(t.op()).append(' ').append(value(t.threshold()));
      if (t.margin() != null) b.append(" (margin ").append(String.format(Locale.ROOT, "%+.3f", t.margin())).append(')');
    }
    if (!d.missing().isEmpty()) b.append("; missing ").append(Printable.text(String.join(", ", d.missing())));
    return b.toString();
  }

  /** A number with thousands separators (whole) or as written; text escaped. */
  static String value(Object v) {
    if (v instanceof Long || v instanceof Integer) return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
    if (v instanceof BigDecimal d) return plain(d);
    if (v instanceof Double d) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    return Printable.text(String.valueOf(v));
  }

  static String plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() <= 0 ? String.format(Locale.ROOT, "%,d", s.toBigInteger()) : s.toPlainString();
  }

  private static void sweep(StringBuilder b, Impact.Sweep s) {
    b.append("\nsweep: the line of ").append(s.fact()).append(" in ").append(String.join(", ", s.rules())).append(" (").append(s.regime()).append(")");
    b.append(s.statedLine() != null ? "; the law's line: " + plain(s.statedLine()) : s.statedLines().isEmpty() ? "; no profile reached the line" : "; the rules' lines: " + s.statedLines())
        .append('\n');
    TreeSet<String> countries = new TreeSet<>();
    for (Impact.Point p : s.points()) countries.addAll(p.byCountry().keySet());
    int width = 10;
    for (Impact.Point p : s.points()) width = Math.max(width, plain(p.line()).length());
    b.append("  companies caught, by country").append('\n');
    b.append(String.format(Locale.ROOT, "  %-" + width + "s", "line"));
    for (String c : countries) b.append(String.format(Locale.ROOT, " %7s", Printable.text(c)));
    b.append(String.format(Locale.ROOT, " %7s%n", "all"));
    for (Impact.Point p : s.points()) {
      boolean law = s.statedLine() != null && p.line().compareTo(s.statedLine()) == 0;
      b.append(String.format(Locale.ROOT, "%s %-" + width + "s", law ? "*" : " ", plain(p.line())));
      int all = 0;
      for (String c : countries) {
        Impact.Groups<String> n = p.byCountry().get(c);
        int k = n == null ? 0 : n.caught().size();
        all += k;
        b.append(String.format(Locale.ROOT, " %7d", k));
      }
      b.append(String.format(Locale.ROOT, " %7d%n", all));
    }
    if (s.statedLine() != null) b.append("  * the law's line\n");
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * CSV (RFC 4180, a header row): without a sweep, one row per company, regime and deciding designation;
   * with a sweep, one row per value and country.
   */
  public static void csv(Impact i, Writer w) throws IOException {
    StringBuilder b = new StringBuilder();
    if (i.sweep() == null) {
      row(b, "regime", "status", "country", "group", "company", "source", "rule", "service", "outcome", "fact", "value", "op", "threshold", "margin");
      for (Impact.RegimeImpact r : i.regimes()) {
        for (Map.Entry<String, Impact.Groups<Impact.Entry>> e : r.byCountry().entrySet()) {
          rows(b, r, e.getKey(), "caught", e.getValue().caught());
          rows(b, r, e.getKey(), "undetermined", e.getValue().undetermined());
          rows(b, r, e.getKey(), "not_caught", e.getValue().notCaught());
        }
      }
    } else {
      Impact.Sweep s = i.sweep();
      row(b, "regime", "rules", "fact", "line", "stated_line", "country", "caught", "not_caught", "undetermined", "caught_companies");
      for (Impact.Point p : s.points()) {
        for (Map.Entry<String, Impact.Groups<String>> e : p.byCountry().entrySet()) {
          Impact.Groups<String> n = e.getValue();
          row(b, s.regime(), String.join(" ", s.rules()), s.fact(), p.line().stripTrailingZeros().toPlainString(),
              s.statedLine() == null ? "" : s.statedLine().stripTrailingZeros().toPlainString(), e.getKey(),
              String.valueOf(n.caught().size()), String.valueOf(n.notCaught().size()), String.valueOf(n.undetermined().size()), String.join("; ", n.caught()));
        }
      }
    }
    w.write(b.toString());
  }

  private static void rows(StringBuilder b, Impact.RegimeImpact r, String country, String group, List<Impact.Entry> entries) {
    for (Impact.Entry e : entries) {
      if (e.designations().isEmpty()) row(b, r.regime(), r.status(), country, group, e.company(), e.source(), "", "", "", "", "", "", "", "");
      for (Impact.Designation d : e.designations()) {
        Impact.Deciding t = d.deciding();
        row(b, r.regime(), r.status(), country, group, e.company(), e.source(), d.rule(), d.service() == null ? "" : d.service(), d.outcome(),
            t == null ? "" : t.fact(), t == null ? "" : raw(t.value()), t == null ? "" : t.op(), t == null ? "" : raw(t.threshold()),
            t == null || t.margin() == null ? "" : BigDecimal.valueOf(t.margin()).stripTrailingZeros().toPlainString());
      }
    }
  }

  private static String raw(Object v) {
    if (v == null) return "";
    if (v instanceof Double d) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    return String.valueOf(v);
  }

  private static void row(StringBuilder b, String... cells) {
    for (int k = 0; k < cells.length; k++) {
      if (k > 0) b.append(',');
      b.append(cell(cells[k]));
    }
    b.append("\r\n");
  }

  /** A CSV cell: quoted when it holds a comma, quote or line break; a text a spreadsheet would run as a formula gets a leading apostrophe. */
  static String cell(String s) {
    if (s == null) return "";
    String v = s;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-[0-9.Ee+-]+")) v = "'" + v;
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) v = '"' + v.replace("\"", "\"\"") + '"';
    return v;
  }
}
