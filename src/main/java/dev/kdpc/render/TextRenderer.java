package dev.kdpc.render;

import dev.kdpc.report.Change;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Kind;
import dev.kdpc.report.NearMiss;
import dev.kdpc.report.Notice;
import dev.kdpc.report.Reading;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.Printable;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.Sanction;
import dev.kdpc.report.Test;
import dev.kdpc.report.WhatIf;
import dev.kdpc.report.WhyNot;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A readable report for a terminal: designations first, then obligations and prohibitions, each with its article. */
public final class TextRenderer implements Renderer {
  public static final String NAME = "text";

  @Override
  public String name() {
    return NAME;
  }

  /** Head: the basis of the evaluation; a part per profile; no tail. */
  @Override
  public Stream open(Report r, Writer out, RenderOptions options) throws IOException {
    String lang = options.lang();
    StringBuilder b = new StringBuilder();
    boolean ko = "ko".equals(lang);
    b.append(r.tool()).append(" | ").append(Words.w("t_asof", lang)).append(' ').append(r.asOf()).append(" | ")
        .append(Words.w("t_scenario", lang)).append(' ').append(ko ? Ko.scenario(r.scenario()) : r.scenario())
        .append(" | ").append(Words.w("t_rules", lang)).append(' ').append(r.rulesDigest(), 0, 12).append('\n');
    b.append(Words.w("regimes", lang)).append(": ").append(r.regimes().isEmpty() ? Words.w("none", lang) : safe(String.join(", ", r.regimes()))).append('\n');
    for (Notice n : r.notices()) {
      b.append(Words.w("t_notice", lang)).append(": ").append(safe(n.regime())).append(": ")
          .append(Printable.message(ko ? Ko.notice(n.message()) : n.message())).append('\n');
    }
    out.write(b.toString());
    return new Stream() {
      @Override
      public void part(ProfileReport p) throws IOException {
        StringBuilder b = new StringBuilder();
        profile(b, p, lang);
        out.write(b.toString());
      }

      @Override
      public void finish() {
        // the text report has no tail
      }
    };
  }

  private static void profile(StringBuilder b, ProfileReport p, String lang) {
    b.append('\n').append("== ").append(safe(p.source()));
    if (p.company() != null) b.append(" (").append(safe(p.company())).append(')');
    b.append(" ==\n");
    if (p.error() != null) {
      b.append("  ").append(Words.w("t_error", lang)).append(": ").append(Printable.message(p.error())).append('\n');
      return;
    }
    for (String n : p.notices()) b.append("  ").append(Words.w("inputnotice", lang)).append(": ").append(Printable.message("ko".equals(lang) ? Ko.inputNotice(n) : n)).append('\n');
    if (p.whatIf() != null) whatIf(b, p.whatIf(), lang);
    for (Kind k : Kind.values()) {
      List<Finding> of = p.findings().stream().filter(f -> f.kind() == k).toList();
      if (of.isEmpty()) continue;
      b.append('\n').append(Words.w(switch (k) {
        case DESIGNATION -> "h_designations";
        case OBLIGATION -> "h_obligations";
        case ELIGIBILITY -> "h_eligibility";
        case PROHIBITION -> "h_prohibitions";
      }, lang)).append('\n');
      for (Finding f : of) finding(b, f, p.whatIf(), lang);
    }
    if (p.findings().isEmpty()) b.append("  ").append(Words.w("nofindings", lang)).append('\n');
    if (!p.nearMisses().isEmpty()) {
      b.append('\n').append(String.format(java.util.Locale.ROOT, Words.w("h_near", lang), Format.percent(ProfileReport.NEAR_MISS_MARGIN))).append('\n');
      for (NearMiss n : p.nearMisses()) {
        b.append("  ").append(safe(n.rule())).append(n.service() == null ? "" : " [" + safe(n.service()) + "]").append(": ")
            .append(safe(Format.test(n.test(), lang))).append('\n');
      }
    }
    if (!p.whyNot().isEmpty()) whyNot(b, p.whyNot(), lang);
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Finding f : p.findings()) counts.merge(f.outcome(), 1, Integer::sum);
    b.append('\n').append(Words.w("summary", lang)).append(": ");
    StringBuilder s = new StringBuilder();
    counts.forEach((o, n) -> s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(Words.outcome(o, lang)));
    b.append(s.length() == 0 ? Words.w("t_nofindings", lang) : s).append('\n');
  }

  private static void finding(StringBuilder b, Finding f, WhatIf whatIf, String lang) {
    b.append("  [").append(Words.outcome(f, lang).toUpperCase(Locale.ROOT)).append("] ")
        .append(safe(f.rule())).append(f.service() == null ? " " + Words.w("companywide", lang) : " [" + safe(f.service()) + "]")
        .append(" ").append(safe(f.title(lang)));
    Change changed = whatIf == null ? null : changeOf(whatIf, f);
    if (changed != null) {
      b.append("  <- ").append(Words.w("t_whatif", lang)).append(": ").append(changed.type() == Change.Type.ADDED ? Words.w("t_new", lang)
          : Words.w("t_was", lang) + " " + Words.outcome(changed.before(), changed.statusBefore(), lang));
    }
    b.append('\n');
    b.append("      ").append(safe(f.citation().law(lang))).append(", ").append(safe(f.article(lang)))
        .append(" (").append(Words.status(f.status(), lang)).append(")\n");
    String meaning = Words.meaning(f, lang);
    if (meaning != null) b.append("      ").append(Words.w("t_meaning", lang)).append(": ").append(safe(meaning)).append('\n');
    for (Test t : f.because()) {
      String mark = t.met() == null ? "?" : t.met() ? "+" : "-";
      b.append("      ").append(mark).append(' ').append(safe(Format.test(t, lang)));
      if (whatIf != null && whatIf.set().containsKey(t.fact())) b.append(' ').append(Words.w("t_setby", lang));
      b.append('\n');
    }
    if (f.flip() != null) {
      b.append("      ").append(Words.w("t_flip", lang)).append(": ").append(safe(Words.flip(f.flip(), "->", lang)))
          .append(" [").append(safe(Words.flipSet(f.flip()))).append("]\n");
    }
    if (!f.missing().isEmpty()) b.append("      ").append(Words.w("t_missing", lang)).append(": ").append(safe(String.join(", ", f.missing()))).append('\n');
    if (!f.missingImmaterial().isEmpty()) {
      b.append("      ").append(Words.w("immaterial_text", lang)).append(": ").append(safe(String.join(", ", f.missingImmaterial()))).append('\n');
    }
    if (!f.dependsOn().isEmpty()) b.append("      ").append(Words.w("t_restson", lang)).append(": ").append(safe(String.join(", ", f.dependsOn()))).append('\n');
    if (f.justification() != null) {
      b.append("      ").append(Words.w("t_justification", lang)).append(": ").append(safe(f.justification()));
      if (f.burden() != null) b.append(" (").append(Words.w("burden", lang)).append(": ").append(safe(f.text(f.burden(), lang))).append(')');
      b.append('\n');
    }
    if (f.sanction() != null && (f.outcome().adverse() || f.outcome() == Outcome.UNDETERMINED || f.outcome() == Outcome.JUSTIFICATION_CLAIMED)) {
      Sanction s = f.sanction();
      b.append("      ").append(Words.w("t_ceiling", lang)).append(": ").append(safe(f.text(s.text(), lang)));
      if (s.maxKrw() != null) b.append(Words.w("t_onfigures", lang)).append(Format.value(s.maxKrw(), "krw", lang));
      b.append(" (").append(Words.w("ceiling_note", lang)).append(")\n");
    }
    for (String n : f.notes()) b.append("      ").append(Words.w("t_note", lang)).append(": ").append(safe(f.text(n, lang))).append('\n');
    for (Reading r : f.readings()) b.append("      ").append(Words.w("reading", lang)).append(": ").append(safe(Words.reading(f, r, lang))).append('\n');
    b.append("      ").append(Words.w("t_source", lang)).append(": ").append(safe(f.text(f.citation().source(), lang))).append('\n');
  }

  private static Change changeOf(WhatIf w, Finding f) {
    for (Change c : w.changes()) {
      if (c.rule().equals(f.rule()) && java.util.Objects.equals(c.service(), f.service())) return c;
    }
    return null;
  }

  private static void whatIf(StringBuilder b, WhatIf w, String lang) {
    b.append('\n').append(Words.w("h_whatif", lang)).append('\n');
    w.set().forEach((k, v) -> b.append("  ").append(Words.w("t_set", lang)).append(' ').append(safe(k)).append(" = ").append(safe(v)).append('\n'));
    if (w.changes().isEmpty()) {
      b.append("  ").append(Words.w("t_nochange", lang)).append('\n');
      return;
    }
    b.append("  ").append(Words.w("t_changes", lang)).append('\n');
    for (Change c : w.changes()) change(b, c, lang, "    ");
  }

  /** One change between two evaluations, with its cause. */
  static void change(StringBuilder b, Change c, String lang, String indent) {
    b.append(indent).append(Words.change(c.type(), lang).toUpperCase(Locale.ROOT)).append(' ').append(safe(c.rule()))
        .append(c.service() == null ? " " + Words.w("companywide", lang) : " [" + safe(c.service()) + "]").append(' ')
        .append(safe("ko".equals(lang) && c.titleKo() != null ? c.titleKo() : c.title())).append(": ")
        .append(c.before() == null ? Words.w("t_nofinding", lang)
            : Words.outcome(c.before(), c.statusBefore(), lang) + " (" + Words.status(c.statusBefore(), lang) + ")")
        .append(" -> ")
        .append(c.after() == null ? Words.w("t_nofinding", lang)
            : Words.outcome(c.after(), c.statusAfter(), lang) + " (" + Words.status(c.statusAfter(), lang) + ")")
        .append('\n');
    for (Change.FactChange fc : c.facts()) {
      b.append(indent).append("  ").append(Words.w("t_because", lang)).append(' ').append(safe(fc.fact())).append(": ")
          .append(safe(Format.value(fc.before(), fc.unit(), lang))).append(" -> ").append(safe(Format.value(fc.after(), fc.unit(), lang)));
      if (fc.line() > 0) b.append(' ').append(Words.line(fc.line(), lang));
      b.append('\n');
    }
    for (String r : c.reasons()) {
      b.append(indent).append("  ").append(Words.w("t_because", lang)).append(' ').append(safe("ko".equals(lang) ? Ko.reason(r) : r)).append('\n');
    }
  }

  /** A user-supplied value (a name, a file name, a rule's text) made printable: see {@link Printable}. */
  private static String safe(String s) {
    return Printable.text(s);
  }

  private static void whyNot(StringBuilder b, List<WhyNot> whyNot, String lang) {
    b.append('\n').append(Words.w("h_whynot", lang)).append('\n');
    String regime = null;
    for (WhyNot w : whyNot) {
      if (!w.regime().equals(regime)) {
        regime = w.regime();
        b.append("  ").append(safe(regime)).append('\n');
      }
      b.append("    ").append(w.service() == null ? Words.w("t_company", lang) : Words.w("t_service", lang) + " " + safe(w.service()))
          .append(": ").append(Words.w("t_notdesignated", lang)).append('\n');
      for (Finding f : w.designations()) {
        for (Test t : f.because()) {
          if (!Boolean.FALSE.equals(t.met())) continue;
          b.append("      ").append(safe(f.rule())).append(": ").append(safe(Format.test(t, lang))).append(Format.shortfall(t, lang)).append('\n');
        }
        if (f.flip() != null) {
          b.append("      ").append(safe(f.rule())).append(": ").append(Words.w("t_flipit", lang)).append(": ")
              .append(safe(Words.flip(f.flip(), "->", lang))).append('\n');
        }
      }
      for (String n : w.notes()) b.append("      ").append(safe("ko".equals(lang) ? Ko.whyNotNote(n) : n)).append('\n');
    }
  }
}
