package dev.kdpc.render;

import dev.kdpc.report.Finding;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.Printable;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.Test;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML, for CI dashboards: one test suite per profile, one test case per rule and profile. A
 * case fails when any of its findings is a potential violation or an unmet duty ({@link Outcome#adverse});
 * it is skipped when none fails and a finding is undetermined (facts missing); it passes otherwise. An
 * ineligibility (what a public body may not buy) passes with the outcome in its output: it is no breach
 * by the company, and {@code --fail-on ineligible} is there for a CI that wants to stop on it. A profile that could not be read
 * is one case in error. No timestamps or durations: the same report gives the same bytes.
 */
public final class JunitRenderer implements Renderer {
  public static final String NAME = "junit";

  @Override
  public String name() {
    return NAME;
  }


  private record Case(String rule, List<Finding> findings) {
    boolean failed() {
      return findings.stream().anyMatch(f -> f.outcome().adverse());
    }

    boolean skipped() {
      return !failed() && findings.stream().anyMatch(f -> f.outcome() == Outcome.UNDETERMINED);
    }
  }

  /**
   * The {@code <testsuites>} element carries the totals, so it is written at the tail: the suites wait in
   * a {@link Spill} until then.
   */
  @Override
  public Stream open(Report r, Writer out, RenderOptions options) throws IOException {
    String lang = options.lang();
    Spill suites = new Spill();
    return new Stream() {
      int tests;
      int failures;
      int errors;
      int skipped;

      @Override
      public void part(ProfileReport p) throws IOException {
        List<Case> cases = cases(p);
        if (p.error() != null) {
          tests++;
          errors++;
        }
        tests += cases.size();
        failures += (int) cases.stream().filter(Case::failed).count();
        skipped += (int) cases.stream().filter(Case::skipped).count();
        StringBuilder b = new StringBuilder();
        suite(b, r, p, cases, lang);
        suites.write(b);
      }

      @Override
      public void finish() throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"kdpc\" tests=\"").append(tests).append("\" failures=\"").append(failures)
            .append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped).append("\">\n");
        out.write(b.toString());
        suites.copyTo(out);
        out.write("</testsuites>\n");
      }

      @Override
      public void close() throws IOException {
        suites.close();
      }
    };
  }

  private static List<Case> cases(ProfileReport p) {
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    for (Finding f : p.findings()) byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
    List<Case> out = new ArrayList<>();
    byRule.forEach((k, v) -> out.add(new Case(k, v)));
    return out;
  }

  private static void suite(StringBuilder b, Report r, ProfileReport p, List<Case> cases, String lang) {
    int failures = (int) cases.stream().filter(Case::failed).count();
    int skipped = (int) cases.stream().filter(Case::skipped).count();
    int errors = p.error() == null ? 0 : 1;
    b.append("  <testsuite name=\"").append(x(p.source())).append("\" tests=\"").append(cases.size() + errors)
        .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped).append("\">\n");
    b.append("    <properties>\n");
    property(b, "company", p.company());
    property(b, "input_sha256", p.inputSha256());
    property(b, "as_of", r.asOf().toString());
    property(b, "scenario", r.scenario());
    property(b, "regimes", String.join(",", r.regimes()));
    property(b, "rules_digest", r.rulesDigest());
    property(b, "tool", r.tool());
    b.append("    </properties>\n");
    if (p.error() != null) {
      b.append("    <testcase name=\"read profile\" classname=\"kdpc.profile\">\n");
      b.append("      <error message=\"").append(escape(Printable.message(p.error()), true)).append("\" type=\"input\"/>\n");
      b.append("    </testcase>\n");
    }
    for (Case c : cases) testCase(b, p, c, lang);
    if (!p.notices().isEmpty()) { // how the profile was read (issue 13)
      StringBuilder out = new StringBuilder();
      for (String n : p.notices()) out.append(Words.w("inputnotice", lang)).append(": ").append(Printable.message(n)).append('\n');
      b.append("    <system-out>").append(t(out.toString())).append("</system-out>\n");
    }
    b.append("  </testsuite>\n");
  }

  private static void property(StringBuilder b, String name, String value) {
    if (value == null) return;
    b.append("      <property name=\"").append(x(name)).append("\" value=\"").append(x(value)).append("\"/>\n");
  }

  private static void testCase(StringBuilder b, ProfileReport p, Case c, String lang) {
    Finding first = c.findings().get(0);
    b.append("    <testcase name=\"").append(x(c.rule() + ": " + first.title(lang))).append("\" classname=\"")
        .append(x("kdpc." + first.regime())).append("\">\n");
    StringBuilder detail = new StringBuilder();
    List<String> failing = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (Finding f : c.findings()) {
      String who = f.service() == null ? "company" : "service " + f.service();
      detail.append(Printable.text(who)).append(": ").append(f.outcome().id()).append(" (").append(f.status().id()).append(")\n");
      for (Test t : f.because()) {
        detail.append("  ").append(Words.mark(t)).append(' ').append(Printable.text(Format.test(t))).append(Format.shortfall(t));
        if (t.line() > 0) detail.append(" [").append(Printable.text(p.source())).append(':').append(t.line()).append(']');
        detail.append('\n');
      }
      if (!f.missing().isEmpty()) detail.append("  not stated: ").append(Printable.text(String.join(", ", f.missing()))).append('\n');
      if (f.sanction() != null && f.outcome().adverse()) detail.append("  sanction ceiling: ").append(Printable.text(Words.sanction(f.sanction(), lang))).append('\n');
      for (var r : f.readings()) detail.append("  ").append(Words.w("reading", lang)).append(": ").append(Printable.text(Words.reading(r, lang))).append('\n');
      if (f.flip() != null) detail.append("  one fact would change it: ").append(Printable.text(Words.flip(f.flip(), "->"))).append('\n');
      if (f.outcome().adverse()) failing.add(who + " " + f.outcome().id());
      if (f.outcome() == Outcome.UNDETERMINED) open.add(who);
    }
    detail.append(Printable.text(first.citation().law(lang))).append(", ").append(Printable.text(first.citation().article())).append('\n');
    detail.append("source: ").append(Printable.text(first.citation().source())).append('\n');
    if (c.failed()) {
      String type = c.findings().stream().anyMatch(f -> f.outcome() == Outcome.POTENTIAL_VIOLATION) ? "potential_violation" : "unmet";
      b.append("      <failure message=\"").append(x(String.join("; ", failing))).append("\" type=\"").append(type).append("\">")
          .append(t(detail.toString())).append("</failure>\n");
    } else if (c.skipped()) {
      b.append("      <skipped message=\"").append(x("undetermined (facts not stated): " + String.join(", ", open))).append("\"/>\n");
      b.append("      <system-out>").append(t(detail.toString())).append("</system-out>\n");
    } else {
      b.append("      <system-out>").append(t(detail.toString())).append("</system-out>\n");
    }
    b.append("    </testcase>\n");
  }

  /**
   * A user-supplied value (a name, a file name, a rule's text) for an attribute: control, bidirectional
   * and invisible characters as visible escapes ({@link Printable#text}), then XML-escaped.
   */
  static String x(String s) {
    return escape(Printable.text(s), true);
  }

  /**
   * Element content built of lines, XML-escaped, line breaks kept: its user-supplied parts were made
   * printable where the lines were built; any character XML 1.0 cannot hold is written as its visible
   * escape all the same.
   */
  static String t(String s) {
    return escape(s, false);
  }

  private static String escape(String s, boolean attribute) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        case '\n' -> b.append(attribute ? "&#10;" : "\n");
        default -> {
          if (c == 0x9 || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) b.appendCodePoint(c);
          else b.append(String.format(c < 0xA0 ? "\\x%02x" : "\\u%04x", c)); // as Printable writes it
        }
      }
    });
    return b.toString();
  }
}
