package dev.kdpc.render;

import dev.kdpc.report.Change;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Kind;
import dev.kdpc.report.NearMiss;
import dev.kdpc.report.Notice;
import dev.kdpc.report.Reading;
import dev.kdpc.report.Printable;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.Test;
import dev.kdpc.report.WhatIf;
import dev.kdpc.report.WhyNot;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * The memo as one self-contained HTML file: styles inline, no scripts, images, fonts or other
 * resources to fetch, and a print style sheet. Each finding is a {@code <section class="finding">}
 * whose {@code data-finding} attribute reads {@code RULE|service|outcome}, so a tool can find it. Ends
 * with the obligation register.
 */
public final class HtmlRenderer implements Renderer {
  public static final String NAME = "html";

  private static final String CSS = """
      body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Malgun Gothic", sans-serif; color: #111;
             max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
      h1 { font-size: 1.6rem; margin-bottom: .5rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #333; }
      h3 { font-size: 1.1rem; margin-top: 1.5rem; } h4 { font-size: 1rem; margin: 0 0 .4rem; }
      table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
      th, td { border: 1px solid #999; padding: .25rem .45rem; text-align: left; vertical-align: top; font-size: .92em; }
      th { background: #eee; } table.meta th { width: 12rem; }
      code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .88em; } td code { white-space: nowrap; }
      section.finding { border-left: 4px solid #888; padding: .3rem .9rem; margin: 1rem 0; }
      section.finding.adverse { border-left-color: #b00; } section.finding.open { border-left-color: #c80; }
      .outcome { font-weight: bold; } .adverse .outcome, td.adverse { color: #b00; }
      ul.tests { list-style: none; padding-left: .5rem; } ul.tests li::before { content: attr(data-mark) " "; font-weight: bold; }
      .note { color: #444; font-size: .92em; } blockquote { border-left: 3px solid #aaa; margin: 1rem 0; padding: .2rem .8rem; color: #333; }
      @media print {
        body { max-width: none; margin: 0; font-size: 10pt; }
        a { color: inherit; text-decoration: none; }
        a[href]::after { content: " (" attr(href) ")"; font-size: .8em; word-break: break-all; }
        section.finding, tr { break-inside: avoid; }
        h2, h3 { break-after: avoid; }
        th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      }
      """;

  @Override
  public String name() {
    return NAME;
  }

  /** Head: the document's head, the basis and disclaimer; a part per profile; the tail is the register and the end of the document. */
  @Override
  public Stream open(Report r, Writer out, RenderOptions options) throws IOException {
    String lang = options.lang();
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(Words.w("memo", lang))).append(" — ").append(r.asOf()).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    b.append("<h1>").append(esc(Words.w("memo", lang))).append("</h1>\n<table class=\"meta\">\n");
    meta(b, Words.w("asof", lang), esc(r.asOf().toString()));
    meta(b, Words.w("scenario", lang), esc(("ko".equals(lang) ? Ko.scenario(r.scenario()) : r.scenario())));
    meta(b, Words.w("regimes", lang), r.regimes().isEmpty() ? esc(Words.w("none", lang))
        : String.join(", ", r.regimes().stream().map(x -> "<code>" + esc(x) + "</code>").toList()));
    meta(b, Words.w("rules", lang), "<code>" + esc(r.rulesDigest().substring(0, 12)) + "</code>");
    meta(b, Words.w("tool", lang), esc(r.tool()));
    b.append("</table>\n<blockquote>").append(esc(Words.w("disclaimer", lang)));
    for (Notice n : r.notices()) b.append("<br>\n<code>").append(esc(n.regime())).append("</code>: ").append(esc(n.message()));
    b.append("</blockquote>\n");
    out.write(b.toString());
    return new Register((row, many) -> row(row, many, lang)).stream(out, (section, p) -> profile(section, p, lang), (o, reg) -> {
      register(o, reg, lang);
      o.write("</body>\n</html>\n");
    });
  }

  private static void meta(StringBuilder b, String key, String html) {
    b.append("<tr><th>").append(esc(key)).append("</th><td>").append(html).append("</td></tr>\n");
  }

  private static void profile(StringBuilder b, ProfileReport p, String lang) {
    b.append("\n<article class=\"profile\" data-source=\"").append(esc(p.source())).append("\">\n<h2>")
        .append(esc(p.company() == null ? p.source() : p.company())).append(" — <code>").append(esc(p.source())).append("</code></h2>\n");
    if (p.error() != null) {
      b.append("<p class=\"error\"><strong>").append(esc(Words.w("error", lang))).append(":</strong> ").append(html(Printable.message(p.error()))).append("</p>\n</article>\n");
      return;
    }
    for (String n : p.notices()) {
      b.append("<p class=\"notice\"><strong>").append(esc(Words.w("inputnotice", lang))).append(":</strong> ").append(html(Printable.message("ko".equals(lang) ? Ko.inputNotice(n) : n))).append("</p>\n");
    }
    b.append("<h3>").append(esc(Words.w("summary", lang))).append("</h3>\n");
    if (p.findings().isEmpty()) {
      b.append("<p>").append(esc(Words.w("nofindings", lang))).append("</p>\n");
    } else {
      b.append("<table class=\"summary\">\n<tr><th>#</th><th>").append(esc(Words.w("rule", lang))).append("</th><th>")
          .append(esc(Words.w("service", lang))).append("</th><th>").append(esc(Words.w("finding", lang))).append("</th><th>")
          .append(esc(Words.w("outcome", lang))).append("</th><th>").append(esc(Words.w("status", lang))).append("</th><th>")
          .append(esc(Words.w("basis", lang))).append("</th></tr>\n");
      int i = 1;
      for (Finding f : p.findings()) {
        b.append("<tr><td><a href=\"#").append(anchor(p, f)).append("\">").append(i++).append("</a></td><td><code>").append(esc(f.rule()))
            .append("</code></td><td>").append(esc(Words.subject(f, lang))).append("</td><td>").append(esc(f.title(lang)))
            .append("</td><td class=\"outcome").append(f.outcome().adverse() ? " adverse" : "").append("\">")
            .append(esc(Words.outcome(f, lang))).append("</td><td>").append(esc(Words.status(f.status(), lang)))
            .append("</td><td>").append(esc(f.article(lang))).append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    if (p.whatIf() != null) whatIf(b, p.whatIf(), lang);
    if (!p.findings().isEmpty()) {
      b.append("<h3>").append(esc(Words.w("findings", lang))).append("</h3>\n");
      int i = 1;
      for (Finding f : p.findings()) finding(b, p, f, i++, lang);
    }
    if (!p.nearMisses().isEmpty()) {
      b.append("<h3>").append(esc(Words.w("near", lang))).append("</h3>\n<ul>\n");
      for (NearMiss n : p.nearMisses()) {
        b.append("<li><code>").append(esc(n.rule())).append("</code> ").append(esc(n.service() == null ? Words.w("companywide", lang) : n.service()))
            .append(": ").append(esc(Format.test(n.test(), lang) + Format.shortfall(n.test(), lang))).append(line(n.test(), lang)).append("</li>\n");
      }
      b.append("</ul>\n");
    }
    if (!p.whyNot().isEmpty()) whyNot(b, p.whyNot(), lang);
    b.append("</article>\n");
  }

  private static String anchor(ProfileReport p, Finding f) {
    String s = "f-" + Integer.toHexString(p.source().hashCode()) + "-" + f.rule() + "-" + (f.service() == null ? "company" : f.service());
    return s.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static void finding(StringBuilder b, ProfileReport p, Finding f, int i, String lang) {
    String cls = f.outcome().adverse() ? " adverse" : f.outcome() == dev.kdpc.report.Outcome.UNDETERMINED ? " open" : "";
    b.append("<section class=\"finding").append(cls).append("\" id=\"").append(anchor(p, f)).append("\" data-finding=\"")
        .append(esc(f.rule() + "|" + (f.service() == null ? "" : f.service()) + "|" + f.outcome().id())).append("\">\n");
    b.append("<h4>").append(i).append(". <code>").append(esc(f.rule())).append("</code> ").append(esc(f.title(lang)))
        .append(" — ").append(esc(Words.subject(f, lang))).append("</h4>\n<ul>\n");
    b.append("<li><strong>").append(esc(Words.w("outcome", lang))).append(":</strong> <span class=\"outcome\">")
        .append(esc(Words.outcome(f, lang))).append("</span> · ").append(esc(Words.status(f.status(), lang)))
        .append(" · ").append(esc(Words.kind(f.kind(), lang))).append("</li>\n");
    String meaning = Words.meaning(f, lang);
    if (meaning != null) b.append("<li><strong>").append(esc(Words.w("meaning", lang))).append(":</strong> ").append(esc(meaning)).append("</li>\n");
    b.append("<li><strong>").append(esc(Words.w("citation", lang))).append(":</strong> ").append(esc(f.citation().law(lang)))
        .append(", ").append(esc(f.article(lang))).append("</li>\n");
    b.append("<li><strong>").append(esc(Words.w("source", lang))).append(":</strong> ");
    List<String> urls = Words.urls(f.text(f.citation().source(), lang));
    for (int k = 0; k < urls.size(); k++) {
      String u = urls.get(k);
      if (k > 0) b.append("; ");
      if (u.startsWith("http://") || u.startsWith("https://")) b.append("<a href=\"").append(esc(u)).append("\">").append(esc(u)).append("</a>");
      else b.append(esc(u));
    }
    b.append("</li>\n");
    WhatIf w = p.whatIf();
    if (w != null) {
      for (Change c : w.changes()) {
        if (c.rule().equals(f.rule()) && Objects.equals(c.service(), f.service())) {
          b.append("<li><strong>").append(esc(Words.w("whatif", lang))).append(":</strong> ")
              .append(esc(c.before() == null ? Words.w("t_newfinding", lang) : Words.w("t_was", lang) + " " + Words.outcome(c.before(), c.statusBefore(), lang))).append("</li>\n");
        }
      }
    }
    if (!f.because().isEmpty()) {
      b.append("<li><strong>").append(esc(Words.w("reasons", lang))).append(":</strong>\n<ul class=\"tests\">\n");
      for (Test t : f.because()) {
        b.append("<li data-mark=\"").append(t.met() == null ? "?" : t.met() ? "✓" : "✗").append("\">")
            .append(esc(Format.test(t, lang) + Format.shortfall(t, lang))).append(line(t, lang));
        if (w != null && w.set().containsKey(t.fact())) b.append(" <em>(--set)</em>");
        b.append("</li>\n");
      }
      b.append("</ul></li>\n");
    }
    if (f.flip() != null) {
      b.append("<li><strong>").append(esc(Words.w("flip", lang))).append(":</strong> ").append(esc(Words.flip(f.flip(), "→", lang)))
          .append(" (<code>").append(esc(Words.flipSet(f.flip()))).append("</code>)</li>\n");
    }
    if (!f.missing().isEmpty()) {
      b.append("<li><strong>").append(esc(Words.w("missing", lang))).append(":</strong> ")
          .append(String.join(", ", f.missing().stream().map(m -> "<code>" + esc(m) + "</code>").toList())).append("</li>\n");
    }
    if (!f.missingImmaterial().isEmpty()) {
      b.append("<li><strong>").append(esc(Words.w("immaterial", lang))).append(":</strong> ")
          .append(String.join(", ", f.missingImmaterial().stream().map(m -> "<code>" + esc(m) + "</code>").toList())).append("</li>\n");
    }
    if (!f.dependsOn().isEmpty()) {
      b.append("<li><strong>").append(esc(Words.w("restson", lang))).append(":</strong> ")
          .append(String.join(", ", f.dependsOn().stream().map(m -> "<code>" + esc(m) + "</code>").toList())).append("</li>\n");
    }
    if (f.justification() != null) {
      b.append("<li><strong>").append(esc(Words.w("justification", lang))).append(":</strong> ").append(esc(f.justification()));
      if (f.burden() != null) b.append(" (").append(esc(Words.w("burden", lang))).append(": ").append(esc(f.text(f.burden(), lang))).append(')');
      b.append("</li>\n");
    }
    if (f.kind() != Kind.DESIGNATION || f.sanction() != null) {
      b.append("<li><strong>").append(esc(Words.w("ceiling", lang))).append(":</strong> ").append(esc(Words.sanction(f, f.sanction(), lang))).append("</li>\n");
    }
    for (String n : f.notes()) b.append("<li class=\"note\"><strong>").append(esc(Words.w("notes", lang))).append(":</strong> ").append(esc(f.text(n, lang))).append("</li>\n");
    for (Reading r : f.readings()) {
      b.append("<li class=\"reading\"><strong>").append(esc(Words.w("reading", lang))).append(":</strong> ").append(esc(Words.reading(f, r, lang))).append("</li>\n");
    }
    b.append("</ul>\n</section>\n");
  }

  private static void whatIf(StringBuilder b, WhatIf w, String lang) {
    b.append("<h3>").append(esc(Words.w("whatif", lang))).append("</h3>\n<p>").append(esc(Words.w("set", lang))).append(":</p>\n<ul>\n");
    w.set().forEach((k, v) -> b.append("<li><code>").append(esc(k)).append(" = ").append(esc(v)).append("</code></li>\n"));
    b.append("</ul>\n<p>").append(esc(Words.w("changes", lang))).append(":</p>\n");
    if (w.changes().isEmpty()) {
      b.append("<p>").append(esc(Words.w("nochange", lang))).append("</p>\n");
      return;
    }
    b.append("<ul class=\"changes\">\n");
    for (Change c : w.changes()) {
      b.append("<li>").append(esc(Words.change(c.type(), lang))).append(" <code>").append(esc(c.rule())).append("</code> ")
          .append(esc(c.service() == null ? Words.w("companywide", lang) : c.service())).append(": ")
          .append(esc(c.before() == null ? "—" : Words.outcome(c.before(), lang))).append(" → ")
          .append(esc(c.after() == null ? "—" : Words.outcome(c.after(), lang)));
      for (Change.FactChange fc : c.facts()) {
        b.append("; <code>").append(esc(fc.fact())).append("</code> ").append(esc(Format.value(fc.before(), fc.unit(), lang)))
            .append(" → ").append(esc(Format.value(fc.after(), fc.unit(), lang)));
      }
      for (String r : c.reasons()) b.append("; ").append(esc("ko".equals(lang) ? Ko.reason(r) : r));
      b.append("</li>\n");
    }
    b.append("</ul>\n");
  }

  private static void whyNot(StringBuilder b, List<WhyNot> whyNot, String lang) {
    b.append("<h3>").append(esc(Words.w("whynot", lang))).append("</h3>\n<ul class=\"why-not\">\n");
    for (WhyNot w : whyNot) {
      b.append("<li><code>").append(esc(w.regime())).append("</code> — ")
          .append(esc(w.service() == null ? Words.w("companywide", lang) : w.service())).append("\n<ul>\n");
      for (Finding f : w.designations()) {
        for (Test t : f.because()) {
          if (Boolean.FALSE.equals(t.met())) {
            b.append("<li><code>").append(esc(f.rule())).append("</code> ").append(esc(Format.test(t, lang) + Format.shortfall(t, lang))).append(line(t, lang)).append("</li>\n");
          }
        }
        if (f.flip() != null) {
          b.append("<li><code>").append(esc(f.rule())).append("</code> ").append(esc(Words.w("flip", lang))).append(": ")
              .append(esc(Words.flip(f.flip(), "→", lang))).append("</li>\n");
        }
      }
      for (String n : w.notes()) b.append("<li class=\"note\">").append(esc("ko".equals(lang) ? Ko.whyNotNote(n) : n)).append("</li>\n");
      b.append("</ul></li>\n");
    }
    b.append("</ul>\n");
  }

  private static void register(Writer out, Register register, String lang) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("\n<section class=\"register\">\n<h2>").append(esc(Words.w("register", lang))).append("</h2>\n");
    if (register.isEmpty()) {
      b.append("<p>").append(esc(Words.w("noduties", lang))).append("</p>\n</section>\n");
      out.write(b.toString());
      return;
    }
    boolean many = register.many();
    b.append("<table class=\"register\">\n<tr>");
    if (many) b.append("<th>").append(esc(Words.w("profile", lang))).append("</th>");
    for (String k : List.of("kind", "finding", "service", "basis", "status", "outcome", "ceiling")) b.append("<th>").append(esc(Words.w(k, lang))).append("</th>");
    b.append("</tr>\n");
    out.write(b.toString());
    register.writeRows(out);
    out.write("</table>\n</section>\n");
  }

  /** One row of the register. */
  private static String row(Register.Row row, boolean many, String lang) {
    StringBuilder b = new StringBuilder();
    Finding f = row.finding();
    b.append("<tr data-register=\"").append(esc(f.rule() + "|" + (f.service() == null ? "" : f.service()))).append("\">");
    if (many) b.append("<td><code>").append(esc(row.profile())).append("</code></td>");
    b.append("<td>").append(esc(Words.registerKind(f.kind(), lang))).append("</td><td>").append(esc(f.title(lang))).append(" (<code>").append(esc(f.rule())).append("</code>)</td><td>")
        .append(esc(Words.subject(f, lang))).append("</td><td>").append(esc(f.citation().law(lang) + ", " + f.article(lang)))
        .append("</td><td>").append(esc(Words.status(f.status(), lang))).append("</td><td class=\"outcome")
        .append(f.outcome().adverse() ? " adverse" : "").append("\">").append(esc(Words.outcome(f, lang)))
        .append("</td><td>").append(esc(Words.sanction(f, f.sanction(), lang))).append("</td></tr>\n");
    return b.toString();
  }

  private static String line(Test t, String lang) {
    return t.line() > 0 ? " <span class=\"note\">" + Words.line(t.line(), lang) + "</span>" : "";
  }

  /**
   * Text for HTML content or a quoted attribute: {@code < > & " '} as references, and control,
   * bidirectional and invisible characters as visible escapes ({@link Printable#text}). Public for the
   * impact view's page, which escapes the same way.
   */
  public static String esc(String s) {
    return html(Printable.text(s));
  }

  private static String html(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
