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
    b.append(r.tool()).append(" | as of ").append(r.asOf()).append(" | scenario ").append(r.scenario())
        .append(" | rules ").append(r.rulesDigest(), 0, 12).append('\n');
    b.append("Regimes evaluated: ").append(r.regimes().isEmpty() ? "none" : safe(String.join(", ", r.regimes()))).append('\n');
    for (Notice n : r.notices()) b.append("Note: ").append(safe(n.regime())).append(": ").append(Printable.message(n.message())).append('\n');
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
      b.append("  ERROR: ").append(Printable.message(p.error())).append('\n');
      return;
    }
    for (String n : p.notices()) b.append("  ").append(Words.w("inputnotice", lang)).append(": ").append(Printable.message(n)).append('\n');
    if (p.whatIf() != null) whatIf(b, p.whatIf(), lang);
    for (Kind k : Kind.values()) {
      List<Finding> of = p.findings().stream().filter(f -> f.kind() == k).toList();
      if (of.isEmpty()) continue;
      b.append('\n').append(switch (k) {
        case DESIGNATION -> "DESIGNATIONS";
        case OBLIGATION -> "OBLIGATIONS";
        case ELIGIBILITY -> "ELIGIBILITY (what a public body or other buyer may do)";
        case PROHIBITION -> "PROHIBITIONS";
      }).append('\n');
      for (Finding f : of) finding(b, f, p.whatIf(), lang);
    }
    if (p.findings().isEmpty()) b.append("  No findings under the regimes evaluated.\n");
    if (!p.nearMisses().isEmpty()) {
      b.append("\nNEAR MISSES (designation tests failed by less than ")
          .append(Format.percent(ProfileReport.NEAR_MISS_MARGIN)).append(")\n");
      for (NearMiss n : p.nearMisses()) {
        b.append("  ").append(safe(n.rule())).append(n.service() == null ? "" : " [" + safe(n.service()) + "]").append(": ")
            .append(safe(Format.test(n.test()))).append('\n');
      }
    }
    if (!p.whyNot().isEmpty()) whyNot(b, p.whyNot());
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Finding f : p.findings()) counts.merge(f.outcome(), 1, Integer::sum);
    b.append("\nSummary: ");
    StringBuilder s = new StringBuilder();
    counts.forEach((o, n) -> s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(Words.outcome(o, lang)));
    b.append(s.length() == 0 ? "no findings" : s).append('\n');
  }

  private static void finding(StringBuilder b, Finding f, WhatIf whatIf, String lang) {
    b.append("  [").append(Words.outcome(f, lang).toUpperCase(Locale.ROOT)).append("] ")
        .append(safe(f.rule())).append(f.service() == null ? " (company)" : " [" + safe(f.service()) + "]")
        .append(" ").append(safe(f.title(lang)));
    Change changed = whatIf == null ? null : changeOf(whatIf, f);
    if (changed != null) {
      b.append("  <- what-if: ").append(changed.type() == Change.Type.ADDED ? "new" : "was " + Words.outcome(changed.before(), changed.statusBefore(), lang));
    }
    b.append('\n');
    b.append("      ").append(safe(f.citation().law(lang))).append(", ").append(safe(f.citation().article()))
        .append(" (").append(f.status().id().replace('_', ' ')).append(")\n");
    String meaning = Words.meaning(f, lang);
    if (meaning != null) b.append("      meaning: ").append(safe(meaning)).append('\n');
    for (Test t : f.because()) {
      String mark = t.met() == null ? "?" : t.met() ? "+" : "-";
      b.append("      ").append(mark).append(' ').append(safe(Format.test(t)));
      if (whatIf != null && whatIf.set().containsKey(t.fact())) b.append(" (set by --set)");
      b.append('\n');
    }
    if (f.flip() != null) {
      b.append("      would be met with one fact changed: ").append(safe(Words.flip(f.flip(), "->")))
          .append(" [").append(safe(Words.flipSet(f.flip()))).append("]\n");
    }
    if (!f.missing().isEmpty()) b.append("      missing: ").append(safe(String.join(", ", f.missing()))).append('\n');
    if (!f.missingImmaterial().isEmpty()) {
      b.append("      ").append(Words.w("immaterial_text", lang)).append(": ").append(safe(String.join(", ", f.missingImmaterial()))).append('\n');
    }
    if (!f.dependsOn().isEmpty()) b.append("      rests on: ").append(safe(String.join(", ", f.dependsOn()))).append('\n');
    if (f.justification() != null) {
      b.append("      justification claimed: ").append(safe(f.justification()));
      if (f.burden() != null) b.append(" (burden of proof: ").append(safe(f.burden())).append(')');
      b.append('\n');
    }
    if (f.sanction() != null && (f.outcome().adverse() || f.outcome() == Outcome.UNDETERMINED || f.outcome() == Outcome.JUSTIFICATION_CLAIMED)) {
      Sanction s = f.sanction();
      b.append("      sanction ceiling: ").append(safe(s.text()));
      if (s.maxKrw() != null) b.append("; on the profile's figures at most ").append(Format.value(s.maxKrw(), "krw"));
      b.append(" (").append(Sanction.CEILING_NOTE).append(")\n");
    }
    for (String n : f.notes()) b.append("      note: ").append(safe(n)).append('\n');
    for (Reading r : f.readings()) b.append("      ").append(Words.w("reading", lang)).append(": ").append(safe(Words.reading(r, lang))).append('\n');
    b.append("      source: ").append(safe(f.citation().source())).append('\n');
  }

  private static Change changeOf(WhatIf w, Finding f) {
    for (Change c : w.changes()) {
      if (c.rule().equals(f.rule()) && java.util.Objects.equals(c.service(), f.service())) return c;
    }
    return null;
  }

  private static void whatIf(StringBuilder b, WhatIf w, String lang) {
    b.append("\nWHAT IF\n");
    w.set().forEach((k, v) -> b.append("  set ").append(safe(k)).append(" = ").append(safe(v)).append('\n'));
    if (w.changes().isEmpty()) {
      b.append("  No finding changes against the profile as written.\n");
      return;
    }
    b.append("  Changes against the profile as written:\n");
    for (Change c : w.changes()) change(b, c, lang, "    ");
  }

  /** One change between two evaluations, with its cause. */
  static void change(StringBuilder b, Change c, String lang, String indent) {
    b.append(indent).append(c.type().id().toUpperCase(Locale.ROOT)).append(' ').append(safe(c.rule()))
        .append(c.service() == null ? " (company)" : " [" + safe(c.service()) + "]").append(' ')
        .append(safe("ko".equals(lang) && c.titleKo() != null ? c.titleKo() : c.title())).append(": ")
        .append(c.before() == null ? "no finding" : Words.outcome(c.before(), c.statusBefore(), "en") + " (" + c.statusBefore().id().replace('_', ' ') + ")")
        .append(" -> ")
        .append(c.after() == null ? "no finding" : Words.outcome(c.after(), c.statusAfter(), "en") + " (" + c.statusAfter().id().replace('_', ' ') + ")")
        .append('\n');
    for (Change.FactChange fc : c.facts()) {
      b.append(indent).append("  because ").append(safe(fc.fact())).append(": ").append(safe(Format.value(fc.before(), fc.unit())))
          .append(" -> ").append(safe(Format.value(fc.after(), fc.unit())));
      if (fc.line() > 0) b.append(" (line ").append(fc.line()).append(')');
      b.append('\n');
    }
    for (String r : c.reasons()) b.append(indent).append("  because ").append(safe(r)).append('\n');
  }

  /** A user-supplied value (a name, a file name, a rule's text) made printable: see {@link Printable}. */
  private static String safe(String s) {
    return Printable.text(s);
  }

  private static void whyNot(StringBuilder b, List<WhyNot> whyNot) {
    b.append("\nWHY NOT MET (per regime: the designation tests that failed)\n");
    String regime = null;
    for (WhyNot w : whyNot) {
      if (!w.regime().equals(regime)) {
        regime = w.regime();
        b.append("  ").append(safe(regime)).append('\n');
      }
      b.append("    ").append(w.service() == null ? "company" : "service " + safe(w.service())).append(": not designated\n");
      for (Finding f : w.designations()) {
        for (Test t : f.because()) {
          if (!Boolean.FALSE.equals(t.met())) continue;
          b.append("      ").append(safe(f.rule())).append(": ").append(safe(Format.test(t))).append(Format.shortfall(t)).append('\n');
        }
        if (f.flip() != null) b.append("      ").append(safe(f.rule())).append(": one fact would flip it: ").append(safe(Words.flip(f.flip(), "->"))).append('\n');
      }
      for (String n : w.notes()) b.append("      ").append(safe(n)).append('\n');
    }
  }
}
