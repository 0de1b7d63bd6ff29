package dev.kdpc.render;

import dev.kdpc.report.Change;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Kind;
import dev.kdpc.report.NearMiss;
import dev.kdpc.report.Notice;
import dev.kdpc.report.Reading;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.Test;
import dev.kdpc.report.WhatIf;
import dev.kdpc.report.WhyNot;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A legal memo in Markdown: the evaluation's basis, a summary table per profile, each finding with
 * its citation, reasons and sanction ceiling, and, last, the obligation register (every duty and ban
 * that applies, with its basis, status, outcome and ceiling).
 */
public final class MarkdownRenderer implements Renderer {
  public static final String NAME = "markdown";

  private final boolean wrap;

  public MarkdownRenderer() {
    this(true);
  }

  /** With {@code wrap} false, prose lines are not wrapped (for tests that compare the two). */
  MarkdownRenderer(boolean wrap) {
    this.wrap = wrap;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Head: the basis and disclaimer; a part per profile; the tail is the register of duties across profiles. */
  @Override
  public Stream open(Report r, Writer target, RenderOptions options) throws IOException {
    String lang = options.lang();
    MarkdownWrap out = new MarkdownWrap(target, wrap); // prose wrapped at 80 characters (markdownlint's MD013)
    StringBuilder b = new StringBuilder();
    b.append("# ").append(Words.w("memo", lang)).append("\n\n");
    b.append("| ").append(Words.w("item", lang)).append(" | ").append(Words.w("value", lang)).append(" |\n").append(Markdown.delimiter(2));
    b.append("| ").append(Words.w("asof", lang)).append(" | ").append(r.asOf()).append(" |\n");
    b.append("| ").append(Words.w("scenario", lang)).append(" | ").append(("ko".equals(lang) ? Ko.scenario(r.scenario()) : r.scenario())).append(" |\n");
    b.append("| ").append(Words.w("regimes", lang)).append(" | ")
        .append(r.regimes().isEmpty() ? Words.w("none", lang) : String.join(", ", r.regimes().stream().map(Markdown::codeCell).toList())).append(" |\n");
    b.append("| ").append(Words.w("rules", lang)).append(" | `").append(r.rulesDigest(), 0, 12).append("` |\n");
    b.append("| ").append(Words.w("tool", lang)).append(" | ").append(cell(r.tool())).append(" |\n\n");
    b.append("> ").append(Words.w("disclaimer", lang)).append("\n");
    for (Notice n : r.notices()) b.append(">\n> ").append(Markdown.code(n.regime())).append(": ").append(cell(n.message())).append('\n');
    out.write(b.toString());
    Stream inner = new Register((row, many) -> row(row, many, lang)).stream(out, (section, p) -> profile(section, p, lang),
        (o, reg) -> register(o, reg, lang));
    return new Stream() {
      @Override
      public void part(ProfileReport p) throws IOException {
        inner.part(p);
      }

      @Override
      public void finish() throws IOException {
        inner.finish();
        out.finishLine();
      }

      @Override
      public void close() throws IOException {
        inner.close();
      }
    };
  }

  private static void profile(StringBuilder b, ProfileReport p, String lang) {
    b.append("\n## ").append(cell(p.company() == null ? p.source() : p.company())).append(" — ").append(Markdown.code(p.source())).append("\n\n");
    if (p.error() != null) {
      b.append("**").append(Words.w("error", lang)).append(":** ").append(Markdown.message(p.error())).append('\n');
      return;
    }
    for (String n : p.notices()) b.append("> **").append(Words.w("inputnotice", lang)).append(":** ").append(Markdown.message("ko".equals(lang) ? Ko.inputNotice(n) : n)).append("\n\n");
    b.append("### ").append(Words.w("summary", lang)).append("\n\n");
    if (p.findings().isEmpty()) {
      b.append(Words.w("nofindings", lang)).append('\n');
    } else {
      b.append("| # | ").append(Words.w("rule", lang)).append(" | ").append(Words.w("service", lang)).append(" | ")
          .append(Words.w("finding", lang)).append(" | ").append(Words.w("outcome", lang)).append(" | ")
          .append(Words.w("status", lang)).append(" | ").append(Words.w("basis", lang)).append(" |\n");
      b.append(Markdown.delimiter(7));
      int i = 1;
      for (Finding f : p.findings()) {
        b.append("| ").append(i++).append(" | ").append(Markdown.codeCell(f.rule())).append(" | ").append(cell(Words.subject(f, lang))).append(" | ")
            .append(cell(f.title(lang))).append(" | **").append(Words.outcome(f, lang)).append("** | ")
            .append(Words.status(f.status(), lang)).append(" | ").append(cell(f.article(lang))).append(" |\n");
      }
    }
    if (p.whatIf() != null) whatIf(b, p.whatIf(), lang);
    if (!p.findings().isEmpty()) {
      b.append("\n### ").append(Words.w("findings", lang)).append('\n');
      int i = 1;
      for (Finding f : p.findings()) finding(b, f, i++, p.whatIf(), lang);
    }
    if (!p.nearMisses().isEmpty()) {
      b.append("\n### ").append(Words.w("near", lang)).append("\n\n");
      for (NearMiss n : p.nearMisses()) {
        b.append("- ").append(Markdown.code(n.rule())).append(' ').append(n.service() == null ? Words.w("companywide", lang) : cell(n.service()))
            .append(": ").append(cell(Format.test(n.test(), lang))).append(cell(Format.shortfall(n.test(), lang))).append(line(n.test(), lang)).append('\n');
      }
    }
    if (!p.whyNot().isEmpty()) whyNot(b, p.whyNot(), lang);
  }

  private static void finding(StringBuilder b, Finding f, int i, WhatIf whatIf, String lang) {
    b.append("\n#### ").append(i).append(". ").append(Markdown.code(f.rule())).append(' ').append(cell(f.title(lang)))
        .append(" — ").append(cell(Words.subject(f, lang))).append("\n\n");
    b.append("- **").append(Words.w("outcome", lang)).append(":** ").append(Words.outcome(f, lang))
        .append(" · ").append(Words.status(f.status(), lang)).append(" · ").append(Words.kind(f.kind(), lang)).append('\n');
    String meaning = Words.meaning(f, lang);
    if (meaning != null) b.append("- **").append(Words.w("meaning", lang)).append(":** ").append(cell(meaning)).append('\n');
    b.append("- **").append(Words.w("citation", lang)).append(":** ").append(cell(f.citation().law(lang))).append(", ")
        .append(cell(f.article(lang))).append('\n');
    b.append("- **").append(Words.w("source", lang)).append(":** ")
        .append(String.join("; ", Words.urls(f.text(f.citation().source(), lang)).stream().map(Markdown::url).toList()))
        .append('\n');
    if (whatIf != null) {
      for (Change c : whatIf.changes()) {
        if (c.rule().equals(f.rule()) && java.util.Objects.equals(c.service(), f.service())) {
          b.append("- **").append(Words.w("whatif", lang)).append(":** ")
              .append(c.before() == null ? Words.w("t_newfinding", lang) : Words.w("t_was", lang) + " " + Words.outcome(c.before(), c.statusBefore(), lang)).append('\n');
        }
      }
    }
    if (!f.because().isEmpty()) {
      b.append("- **").append(Words.w("reasons", lang)).append(":**\n");
      for (Test t : f.because()) {
        b.append("  - ").append(symbol(t)).append(' ').append(cell(Format.test(t, lang))).append(cell(Format.shortfall(t, lang))).append(line(t, lang));
        if (whatIf != null && whatIf.set().containsKey(t.fact())) b.append(" *(--set)*");
        b.append('\n');
      }
    }
    if (f.flip() != null) {
      b.append("- **").append(Words.w("flip", lang)).append(":** ").append(cell(Words.flip(f.flip(), "→", lang)))
          .append(" (").append(Markdown.code(Words.flipSet(f.flip()))).append(")\n");
    }
    if (!f.missing().isEmpty()) {
      b.append("- **").append(Words.w("missing", lang)).append(":** ")
          .append(String.join(", ", f.missing().stream().map(Markdown::code).toList())).append('\n');
    }
    if (!f.missingImmaterial().isEmpty()) {
      b.append("- **").append(Words.w("immaterial", lang)).append(":** ")
          .append(String.join(", ", f.missingImmaterial().stream().map(Markdown::code).toList())).append('\n');
    }
    if (!f.dependsOn().isEmpty()) {
      b.append("- **").append(Words.w("restson", lang)).append(":** ")
          .append(String.join(", ", f.dependsOn().stream().map(Markdown::code).toList())).append('\n');
    }
    if (f.justification() != null) {
      b.append("- **").append(Words.w("justification", lang)).append(":** ").append(cell(f.justification()));
      if (f.burden() != null) b.append(" (").append(Words.w("burden", lang)).append(": ").append(cell(f.text(f.burden(), lang))).append(')');
      b.append('\n');
    }
    if (f.kind() != Kind.DESIGNATION || f.sanction() != null) {
      b.append("- **").append(Words.w("ceiling", lang)).append(":** ").append(cell(Words.sanction(f, f.sanction(), lang))).append('\n');
    }
    for (String n : f.notes()) b.append("- **").append(Words.w("notes", lang)).append(":** ").append(cell(f.text(n, lang))).append('\n');
    for (Reading r : f.readings()) b.append("- **").append(Words.w("reading", lang)).append(":** ").append(cell(Words.reading(f, r, lang))).append('\n');
  }

  private static void whatIf(StringBuilder b, WhatIf w, String lang) {
    b.append("\n### ").append(Words.w("whatif", lang)).append("\n\n");
    b.append(Words.w("set", lang)).append(":\n\n");
    w.set().forEach((k, v) -> b.append("- ").append(Markdown.code(k + " = " + v)).append('\n'));
    b.append('\n').append(Words.w("changes", lang)).append(":\n\n");
    if (w.changes().isEmpty()) {
      b.append(Words.w("nochange", lang)).append('\n');
      return;
    }
    for (Change c : w.changes()) {
      b.append("- ").append(Words.change(c.type(), lang)).append(' ').append(Markdown.code(c.rule())).append(' ')
          .append(c.service() == null ? Words.w("companywide", lang) : cell(c.service())).append(": ")
          .append(c.before() == null ? "—" : Words.outcome(c.before(), lang)).append(" → ")
          .append(c.after() == null ? "—" : Words.outcome(c.after(), lang));
      for (Change.FactChange fc : c.facts()) {
        b.append("; ").append(Markdown.code(fc.fact())).append(' ').append(cell(Format.value(fc.before(), fc.unit(), lang))).append(" → ").append(cell(Format.value(fc.after(), fc.unit(), lang)));
      }
      for (String r : c.reasons()) b.append("; ").append(cell("ko".equals(lang) ? Ko.reason(r) : r));
      b.append('\n');
    }
  }

  private static void whyNot(StringBuilder b, List<WhyNot> whyNot, String lang) {
    b.append("\n### ").append(Words.w("whynot", lang)).append("\n");
    String regime = null;
    for (WhyNot w : whyNot) {
      if (!w.regime().equals(regime)) {
        regime = w.regime();
        b.append("\n**").append(Markdown.code(regime)).append("**\n\n");
      }
      b.append("- ").append(w.service() == null ? Words.w("companywide", lang) : cell(w.service())).append(":\n");
      for (Finding f : w.designations()) {
        for (Test t : f.because()) {
          if (Boolean.FALSE.equals(t.met())) {
            b.append("  - ").append(Markdown.code(f.rule())).append(' ').append(cell(Format.test(t, lang))).append(cell(Format.shortfall(t, lang))).append(line(t, lang)).append('\n');
          }
        }
        if (f.flip() != null) b.append("  - ").append(Markdown.code(f.rule())).append(' ').append(Words.w("flip", lang)).append(": ").append(cell(Words.flip(f.flip(), "→", lang))).append('\n');
      }
      for (String n : w.notes()) b.append("  - ").append(cell("ko".equals(lang) ? Ko.whyNotNote(n) : n)).append('\n');
    }
  }

  /** The register: every duty and ban found, across profiles, as the memo's last table. */
  private static void register(Writer out, Register register, String lang) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("\n## ").append(Words.w("register", lang)).append("\n\n");
    boolean many = register.many();
    if (register.isEmpty()) {
      b.append(Words.w("noduties", lang)).append('\n');
      out.write(b.toString());
      return;
    }
    if (many) b.append("| ").append(Words.w("profile", lang)).append(' ');
    b.append("| ").append(Words.w("kind", lang)).append(" | ").append(Words.w("finding", lang)).append(" | ").append(Words.w("service", lang)).append(" | ")
        .append(Words.w("basis", lang)).append(" | ").append(Words.w("status", lang)).append(" | ")
        .append(Words.w("outcome", lang)).append(" | ").append(Words.w("ceiling", lang)).append(" |\n");
    b.append(Markdown.delimiter(many ? 8 : 7));
    out.write(b.toString());
    register.writeRows(out);
  }

  /** One row of the register. */
  private static String row(Register.Row row, boolean many, String lang) {
    StringBuilder b = new StringBuilder();
    Finding f = row.finding();
    if (many) b.append("| ").append(Markdown.codeCell(row.profile())).append(' ');
    b.append("| ").append(Words.registerKind(f.kind(), lang)).append(" | ").append(cell(f.title(lang))).append(" (").append(Markdown.codeCell(f.rule())).append(") | ").append(cell(Words.subject(f, lang))).append(" | ")
        .append(cell(f.citation().law(lang))).append(", ").append(cell(f.article(lang))).append(" | ")
        .append(Words.status(f.status(), lang)).append(" | **").append(Words.outcome(f, lang)).append("** | ")
        .append(cell(Words.sanction(f, f.sanction(), lang))).append(" |\n");
    return b.toString();
  }

  private static String symbol(Test t) {
    return t.met() == null ? "?" : t.met() ? "✓" : "✗";
  }

  private static String line(Test t, String lang) {
    return t.line() > 0 ? " *" + Words.line(t.line(), lang) + "*" : "";
  }

  static String cell(String s) {
    return Markdown.cell(s);
  }
}
