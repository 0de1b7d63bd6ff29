package dev.kdpc.render;

import dev.kdpc.report.Change;
import dev.kdpc.report.Comparison;
import dev.kdpc.report.Printable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Comparison} ({@code kdpc diff}, {@code kdpc check --compare-scenarios}) as text, JSON
 * or Markdown: the findings added, removed and changed, each with its cause.
 */
public final class ComparisonRenderer {
  private ComparisonRenderer() {}

  /** The formats a comparison can be written in. */
  public static final List<String> FORMATS = List.of("text", "json", "markdown");

  public static void render(String format, Comparison c, Writer out, RenderOptions options) throws IOException {
    switch (format) {
      case "json" -> JsonRenderer.render(c, out);
      case "markdown" -> {
        MarkdownWrap w = new MarkdownWrap(out); // prose wrapped at 80 characters (markdownlint's MD013)
        w.write(markdown(c, options.lang()));
        w.finishLine();
      }
      case "text" -> out.write(text(c, options.lang()));
      default -> throw new IllegalArgumentException("a comparison is written as text, json or markdown, not " + format);
    }
  }

  static String text(Comparison c, String lang) {
    StringBuilder b = new StringBuilder();
    boolean ko = "ko".equals(lang);
    b.append(c.tool()).append(" | ").append(Words.w("t_rules", lang)).append(' ').append(c.rulesDigest(), 0, 12).append('\n');
    b.append(ko ? "이전: " : "before: ").append(Printable.text(ko ? Ko.side(c.before()) : c.before())).append('\n');
    b.append(ko ? "이후: " : "after:  ").append(Printable.text(ko ? Ko.side(c.after()) : c.after())).append('\n');
    for (Comparison.Entry e : c.profiles()) {
      b.append("\n== ").append(Printable.text(e.before())).append(e.before().equals(e.after()) ? "" : " -> " + Printable.text(e.after()));
      if (e.company() != null) b.append(" (").append(Printable.text(e.company())).append(')');
      b.append(" ==\n");
      if (e.changes().isEmpty()) {
        b.append("  ").append(Words.w("t_nochanges", lang)).append('\n');
        continue;
      }
      for (Change ch : e.changes()) TextRenderer.change(b, ch, lang, "  ");
      b.append('\n').append(Words.w("summary", lang)).append(": ").append(counts(e.changes(), lang)).append('\n');
    }
    return b.toString();
  }

  private static String counts(List<Change> changes, String lang) {
    StringBuilder s = new StringBuilder();
    for (Change.Type t : Change.Type.values()) {
      long n = changes.stream().filter(c -> c.type() == t).count();
      if (n > 0) s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(Words.change(t, lang));
    }
    return s.toString();
  }

  static String markdown(Comparison c, String lang) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append("ko".equals(lang) ? "검토 결과 비교" : "Comparison of findings").append("\n\n");
    boolean ko = "ko".equals(lang);
    b.append(ko ? "- 이전: " : "- before: ").append(Markdown.cell(ko ? Ko.side(c.before()) : c.before())).append('\n');
    b.append(ko ? "- 이후: " : "- after: ").append(Markdown.cell(ko ? Ko.side(c.after()) : c.after())).append('\n');
    b.append("- ").append(c.tool()).append(", ").append(Words.w("t_rules", lang)).append(' ').append(c.rulesDigest(), 0, 12).append("\n");
    for (Comparison.Entry e : c.profiles()) {
      // the heading ends in the path, as the memo's does (a name such as "Corp." would end it in a period)
      b.append("\n## ").append(Markdown.cell(e.company() == null ? e.after() : e.company())).append(" — ").append(Markdown.code(e.after()))
          .append("\n\n");
      if (!e.before().equals(e.after())) b.append(Markdown.code(e.before())).append(" → ").append(Markdown.code(e.after())).append("\n\n");
      if (e.changes().isEmpty()) {
        b.append(Words.w("t_nochanges", lang)).append('\n');
        continue;
      }
      b.append(ko ? "| 변경 | 규칙 | 서비스 | 이전 | 이후 | 원인 |\n"
          : "| change | rule | " + Words.w("service", lang).toLowerCase(Locale.ROOT) + " | before | after | cause |\n");
      b.append(Markdown.delimiter(6));
      for (Change ch : e.changes()) {
        StringBuilder cause = new StringBuilder();
        for (Change.FactChange fc : ch.facts()) {
          if (cause.length() > 0) cause.append("; ");
          cause.append(Markdown.codeCell(fc.fact())).append(' ').append(Markdown.cell(Format.value(fc.before(), fc.unit(), lang))).append(" → ")
              .append(Markdown.cell(Format.value(fc.after(), fc.unit(), lang)));
          if (fc.line() > 0) cause.append(' ').append(Words.line(fc.line(), lang));
        }
        for (String r : ch.reasons()) cause.append(cause.length() > 0 ? "; " : "").append(Markdown.cell(ko ? Ko.reason(r) : r));
        b.append("| ").append(Words.change(ch.type(), lang)).append(" | ").append(Markdown.codeCell(ch.rule())).append(" | ")
            .append(ch.service() == null ? Words.w("companywide", lang) : Markdown.cell(ch.service())).append(" | ")
            .append(ch.before() == null ? "—" : Words.outcome(ch.before(), ch.statusBefore(), lang) + " (" + Words.status(ch.statusBefore(), lang) + ")").append(" | ")
            .append(ch.after() == null ? "—" : Words.outcome(ch.after(), ch.statusAfter(), lang) + " (" + Words.status(ch.statusAfter(), lang) + ")").append(" | ")
            .append(cause.isEmpty() ? "—" : cause).append(" |\n");
      }
    }
    return b.toString();
  }
}
