package dev.kdpc.impact;

import dev.kdpc.report.Notice;
import dev.kdpc.render.HtmlRenderer;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The HTML form of an {@link Impact}: one self-contained page (no script, no fetched resource) with an
 * inline SVG bar chart per regime (one bar per headquarters country: the companies caught), the
 * companies in tables, and for a sweep a step chart of the companies caught per country against the
 * line, the law's own line marked. Chart elements carry data attributes ({@code data-country},
 * {@code data-caught}, {@code data-line}) so a test, or a reader's tool, can read them back.
 */
public final class ImpactHtml {
  private ImpactHtml() {}

  /** Colours of the countries, in sorted order (a palette readable in print and by most colour-blind readers). */
  private static final String[] PALETTE = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000"};

  public static void html(Impact i, Writer w) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>kdpc impact</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#111}\n")
        .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}\n")
        .append("svg{display:block;margin:.5em 0}svg text{font-size:12px;font-family:system-ui,sans-serif}\n")
        .append(".note{color:#555}.law-line{stroke:#b00;stroke-dasharray:4 3}\n")
        .append("@media print{body{margin:0;max-width:none}}\n</style>\n</head>\n<body>\n");
    b.append("<h1>Who the regimes catch, by headquarters country</h1>\n");
    b.append("<p class=\"note\">").append(i.profiles()).append(" profiles evaluated as of ").append(i.asOf()).append(", scenario ")
        .append(esc(i.scenario())).append("; ").append(esc(i.tool())).append(". Caught: a designation presumed or meeting the criteria.</p>\n");
    if (!i.failed().isEmpty()) {
      b.append("<h2>Skipped profiles</h2>\n<ul class=\"failed\">\n");
      for (Impact.Failed f : i.failed()) b.append("<li data-source=\"").append(esc(f.source())).append("\">").append(esc(f.source())).append(": ").append(esc(f.error())).append("</li>\n");
      b.append("</ul>\n");
    }
    for (Notice n : i.notices()) b.append("<p class=\"note\">").append(esc(n.regime())).append(": ").append(esc(n.message())).append("</p>\n");
    for (Impact.RegimeImpact r : i.regimes()) regime(b, r);
    if (i.sweep() != null) sweep(b, i.sweep());
    b.append("</body>\n</html>\n");
    w.write(b.toString());
  }

  private static void regime(StringBuilder b, Impact.RegimeImpact r) {
    b.append("<section class=\"regime\" data-regime=\"").append(esc(r.regime())).append("\">\n<h2>").append(esc(r.regime())).append(" (")
        .append(esc(r.status())).append(")</h2>\n<p>").append(esc(r.title())).append("</p>\n");
    List<String> countries = new ArrayList<>(r.byCountry().keySet());
    int max = 1;
    for (Impact.Groups<Impact.Entry> g : r.byCountry().values()) max = Math.max(max, g.caught().size());
    int barW = 36;
    int gap = 24;
    int left = 40;
    int h = 160;
    int width = left + countries.size() * (barW + gap) + gap;
    b.append("<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(h + 50)
        .append("\" role=\"img\" aria-label=\"companies caught by ").append(esc(r.regime())).append(", per headquarters country\">\n");
    b.append("<line x1=\"").append(left).append("\" y1=\"10\" x2=\"").append(left).append("\" y2=\"").append(h + 10).append("\" stroke=\"#333\"/>\n");
    b.append("<line x1=\"").append(left).append("\" y1=\"").append(h + 10).append("\" x2=\"").append(width).append("\" y2=\"").append(h + 10).append("\" stroke=\"#333\"/>\n");
    b.append("<text x=\"4\" y=\"16\">").append(max).append("</text><text x=\"4\" y=\"").append(h + 10).append("\">0</text>\n");
    for (int k = 0; k < countries.size(); k++) {
      Impact.Groups<Impact.Entry> g = r.byCountry().get(countries.get(k));
      int n = g.caught().size();
      int bh = Math.round((float) n * h / max);
      int x = left + gap + k * (barW + gap);
      b.append("<rect class=\"bar\" data-country=\"").append(esc(countries.get(k))).append("\" data-caught=\"").append(n).append("\" data-total=\"").append(g.total())
          .append("\" x=\"").append(x).append("\" y=\"").append(h + 10 - bh).append("\" width=\"").append(barW).append("\" height=\"").append(bh)
          .append("\" fill=\"").append(PALETTE[k % PALETTE.length]).append("\"><title>").append(esc(countries.get(k))).append(": ").append(n).append(" of ")
          .append(g.total()).append(" caught</title></rect>\n");
      b.append("<text x=\"").append(x + barW / 2).append("\" y=\"").append(h + 26).append("\" text-anchor=\"middle\">").append(esc(countries.get(k))).append("</text>\n");
      b.append("<text x=\"").append(x + barW / 2).append("\" y=\"").append(h + 42).append("\" text-anchor=\"middle\">").append(n).append('/').append(g.total()).append("</text>\n");
    }
    b.append("</svg>\n");
    b.append("<table class=\"companies\">\n<tr><th>country</th><th>group</th><th>company</th><th>designations (deciding test, margin)</th></tr>\n");
    for (Map.Entry<String, Impact.Groups<Impact.Entry>> e : r.byCountry().entrySet()) {
      rows(b, e.getKey(), "caught", e.getValue().caught());
      rows(b, e.getKey(), "undetermined", e.getValue().undetermined());
      rows(b, e.getKey(), "not caught", e.getValue().notCaught());
    }
    b.append("</table>\n</section>\n");
  }

  private static void rows(StringBuilder b, String country, String group, List<Impact.Entry> entries) {
    for (Impact.Entry e : entries) {
      b.append("<tr data-group=\"").append(group).append("\"><td>").append(esc(country)).append("</td><td>").append(group).append("</td><td>")
          .append(esc(e.company())).append("</td><td>");
      if (e.designations().isEmpty()) b.append("no designation rule of the regime reaches its services");
      for (int k = 0; k < e.designations().size(); k++) b.append(k > 0 ? "<br>" : "").append(esc(ImpactText.designation(e.designations().get(k))));
      b.append("</td></tr>\n");
    }
  }

  private static void sweep(StringBuilder b, Impact.Sweep s) {
    List<String> countries = new ArrayList<>(new TreeSet<>(s.points().stream().flatMap(p -> p.byCountry().keySet().stream()).toList()));
    BigDecimal from = s.points().get(0).line();
    BigDecimal to = s.points().get(s.points().size() - 1).line();
    BigDecimal law = s.statedLine();
    BigDecimal lo = law != null && law.compareTo(from) < 0 ? law : from;
    BigDecimal hi = law != null && law.compareTo(to) > 0 ? law : to;
    int max = 1;
    for (Impact.Point p : s.points()) for (Impact.Groups<String> n : p.byCountry().values()) max = Math.max(max, n.caught().size());
    int left = 50;
    int top = 20;
    int w = 560;
    int h = 220;
    b.append("<section class=\"sweep\" data-fact=\"").append(esc(s.fact())).append("\">\n<h2>Sweep: the line of ").append(esc(s.fact())).append(" in ")
        .append(esc(String.join(", ", s.rules()))).append("</h2>\n<p>Companies caught by ").append(esc(s.regime())).append(" at each value of the line, per headquarters country")
        .append(law != null ? "; the dashed red line marks the law's line, " + esc(ImpactText.plain(law)) : "").append(".</p>\n");
    b.append("<svg class=\"steps\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(left + w + 130).append("\" height=\"").append(top + h + 50)
        .append("\" role=\"img\" aria-label=\"companies caught against the line of ").append(esc(s.fact())).append("\">\n");
    b.append("<line x1=\"").append(left).append("\" y1=\"").append(top).append("\" x2=\"").append(left).append("\" y2=\"").append(top + h).append("\" stroke=\"#333\"/>\n");
    b.append("<line x1=\"").append(left).append("\" y1=\"").append(top + h).append("\" x2=\"").append(left + w).append("\" y2=\"").append(top + h).append("\" stroke=\"#333\"/>\n");
    b.append("<text x=\"8\" y=\"").append(top + 4).append("\">").append(max).append("</text><text x=\"8\" y=\"").append(top + h).append("\">0</text>\n");
    b.append("<text x=\"").append(left).append("\" y=\"").append(top + h + 18).append("\">").append(esc(short_(lo))).append("</text>\n");
    b.append("<text x=\"").append(left + w).append("\" y=\"").append(top + h + 18).append("\" text-anchor=\"end\">").append(esc(short_(hi))).append("</text>\n");
    b.append("<text x=\"").append(left + w / 2).append("\" y=\"").append(top + h + 36).append("\" text-anchor=\"middle\">").append(esc(s.fact())).append("</text>\n");
    for (int k = 0; k < countries.size(); k++) {
      String c = countries.get(k);
      StringBuilder d = new StringBuilder();
      StringBuilder values = new StringBuilder();
      Integer prevY = null;
      for (Impact.Point p : s.points()) {
        Impact.Groups<String> n = p.byCountry().get(c);
        int caught = n == null ? 0 : n.caught().size();
        double x = x(p.line(), lo, hi, left, w);
        int y = top + h - Math.round((float) caught * h / max) - k; // offset by a pixel per country so equal lines stay visible
        if (prevY == null) d.append(String.format(Locale.ROOT, "M%.1f %d", x, y));
        else d.append(String.format(Locale.ROOT, " H%.1f V%d", x, y));
        prevY = y;
        values.append(values.length() == 0 ? "" : " ").append(p.line().stripTrailingZeros().toPlainString()).append(':').append(caught);
      }
      String colour = PALETTE[k % PALETTE.length];
      b.append("<path class=\"step\" data-country=\"").append(esc(c)).append("\" data-values=\"").append(esc(values.toString())).append("\" d=\"").append(d)
          .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"><title>").append(esc(c)).append("</title></path>\n");
      b.append("<rect x=\"").append(left + w + 20).append("\" y=\"").append(top + 14 * k).append("\" width=\"10\" height=\"10\" fill=\"").append(colour).append("\"/>")
          .append("<text x=\"").append(left + w + 36).append("\" y=\"").append(top + 14 * k + 10).append("\">").append(esc(c)).append("</text>\n");
    }
    if (law != null) {
      double x = x(law, lo, hi, left, w);
      b.append(String.format(Locale.ROOT, "<line class=\"law-line\" data-line=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>%n", law.stripTrailingZeros().toPlainString(), x, top, x, top + h));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#b00\" text-anchor=\"middle\">the law's line %s</text>%n", x, top - 6, esc(short_(law))));
    }
    b.append("</svg>\n<table class=\"sweep-table\">\n<tr><th>line</th>");
    for (String c : countries) b.append("<th>").append(esc(c)).append("</th>");
    b.append("</tr>\n");
    for (Impact.Point p : s.points()) {
      boolean isLaw = law != null && p.line().compareTo(law) == 0;
      b.append("<tr").append(isLaw ? " class=\"law\"" : "").append("><td>").append(esc(ImpactText.plain(p.line()))).append(isLaw ? " (the law)" : "").append("</td>");
      for (String c : countries) {
        Impact.Groups<String> n = p.byCountry().get(c);
        b.append("<td title=\"").append(n == null ? "" : esc(String.join(", ", n.caught()))).append("\">").append(n == null ? 0 : n.caught().size()).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n</section>\n");
  }

  private static double x(BigDecimal v, BigDecimal lo, BigDecimal hi, int left, int w) {
    if (hi.compareTo(lo) == 0) return left + w / 2.0;
    return left + w * v.subtract(lo).divide(hi.subtract(lo), MathContext.DECIMAL64).doubleValue();
  }

  /** A line for an axis: 4 tn, 500 bn, 10 M, or a share as a percentage. */
  static String short_(BigDecimal v) {
    BigDecimal a = v.abs();
    if (a.compareTo(BigDecimal.ONE) <= 0 && v.scale() > 0) return v.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    String[][] units = {{"1000000000000", " tn"}, {"1000000000", " bn"}, {"1000000", " M"}};
    for (String[] u : units) {
      BigDecimal d = new BigDecimal(u[0]);
      if (a.compareTo(d) >= 0) return v.divide(d, MathContext.DECIMAL64).stripTrailingZeros().toPlainString() + u[1];
    }
    return v.stripTrailingZeros().toPlainString();
  }

  /** HTML-escaped, with control and invisible characters shown as escapes (as the HTML report: {@link HtmlRenderer#esc}). */
  static String esc(String s) {
    return s == null ? "" : HtmlRenderer.esc(s);
  }
}
