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
 * JUnit XML in the form of Ant's JUnitReport ({@code <testsuites>} of {@code <testsuite>}s), valid under
 * the Apache Ant JUnit schema (Windy Road's {@code JUnit.xsd}): one test suite per profile, one test case
 * per rule and profile. A case fails when any of its findings is a potential violation or an unmet duty
 * ({@link Outcome#adverse}); it is skipped when none fails and a finding is undetermined (facts missing);
 * it passes otherwise. An ineligibility (what a public body may not buy) passes: it is no breach by the
 * company, and {@code --fail-on ineligible} is there for a CI that wants to stop on it. A profile that
 * could not be read is one case in error. The schema lets a case hold only its failure, skip or error, so
 * what every case found (its tests, citation and source) is written in the suite's {@code system-out}.
 *
 * <p>No clock and no host: a suite's {@code timestamp} is the as-of date at midnight (the date the law is
 * applied), its {@code hostname} {@code localhost}, every {@code time} 0, so the same report gives the
 * same bytes. Each suite is written as its profile comes: {@code <testsuites>} carries no totals. The
 * form Maven Surefire writes is {@link JunitSurefireRenderer}.
 */
public final class JunitRenderer implements Renderer {
  public static final String NAME = "junit";

  @Override
  public String name() {
    return NAME;
  }

  /** The test case of one rule for one profile: its findings (one per service, or the company's). */
  record Case(String rule, List<Finding> findings) {
    boolean failed() {
      return findings.stream().anyMatch(f -> f.outcome().adverse());
    }

    boolean skipped() {
      return !failed() && findings.stream().anyMatch(f -> f.outcome() == Outcome.UNDETERMINED);
    }

    String name(String lang) {
      return rule + ": " + findings.get(0).title(lang);
    }

    /** The failure's type: {@code potential_violation} if a finding is one, else {@code unmet}. */
    String failureType() {
      return findings.stream().anyMatch(f -> f.outcome() == Outcome.POTENTIAL_VIOLATION) ? "potential_violation" : "unmet";
    }

    String failureMessage() {
      List<String> failing = new ArrayList<>();
      for (Finding f : findings) if (f.outcome().adverse()) failing.add(who(f) + " " + f.outcome().id());
      return String.join("; ", failing);
    }

    String skippedMessage() {
      List<String> open = new ArrayList<>();
      for (Finding f : findings) if (f.outcome() == Outcome.UNDETERMINED) open.add(who(f));
      return "undetermined (facts not stated): " + String.join(", ", open);
    }
  }

  @Override
  public Stream open(Report r, Writer out, RenderOptions options) throws IOException {
    String lang = options.lang();
    String timestamp = r.asOf() + "T00:00:00";
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    return new Stream() {
      int id;

      @Override
      public void part(ProfileReport p) throws IOException {
        StringBuilder b = new StringBuilder();
        suite(b, r, p, cases(p), id++, timestamp, lang);
        out.write(b.toString());
      }

      @Override
      public void finish() throws IOException {
        out.write("</testsuites>\n");
      }
    };
  }

  static List<Case> cases(ProfileReport p) {
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    for (Finding f : p.findings()) byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
    List<Case> out = new ArrayList<>();
    byRule.forEach((k, v) -> out.add(new Case(k, v)));
    return out;
  }

  private static void suite(StringBuilder b, Report r, ProfileReport p, List<Case> cases, int id, String timestamp, String lang) {
    int failures = (int) cases.stream().filter(Case::failed).count();
    int skipped = (int) cases.stream().filter(Case::skipped).count();
    int errors = p.error() == null ? 0 : 1;
    b.append("  <testsuite name=\"").append(x(p.source())).append("\" package=\"kdpc\" id=\"").append(id)
        .append("\" timestamp=\"").append(timestamp).append("\" hostname=\"localhost\" tests=\"").append(cases.size() + errors)
        .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped)
        .append("\" time=\"0\">\n");
    b.append("    <properties>\n");
    property(b, "      ", "company", p.company());
    property(b, "      ", "input_sha256", p.inputSha256());
    headerProperties(b, r, "      ");
    b.append("    </properties>\n");
    if (p.error() != null) {
      b.append("    <testcase name=\"read profile\" classname=\"kdpc.profile\" time=\"0\">\n");
      b.append("      <error message=\"").append(escape(Printable.message(p.error()), true)).append("\" type=\"input\"/>\n");
      b.append("    </testcase>\n");
    }
    StringBuilder out = new StringBuilder();
    for (Case c : cases) {
      b.append("    <testcase name=\"").append(x(c.name(lang))).append("\" classname=\"").append(x("kdpc." + c.findings().get(0).regime()))
          .append("\" time=\"0\"");
      String detail = detail(p, c, lang);
      if (c.failed()) {
        b.append(">\n      <failure message=\"").append(x(c.failureMessage())).append("\" type=\"").append(c.failureType()).append("\">")
            .append(t(detail)).append("</failure>\n    </testcase>\n");
      } else if (c.skipped()) {
        b.append(">\n      <skipped message=\"").append(x(c.skippedMessage())).append("\"/>\n    </testcase>\n");
      } else {
        b.append("/>\n");
      }
      out.append(Printable.text(c.name(lang))).append('\n').append(detail).append('\n');
    }
    for (String n : p.notices()) out.append(Words.w("inputnotice", lang)).append(": ").append(Printable.message(n)).append('\n');
    b.append("    <system-out>").append(t(out.toString())).append("</system-out>\n");
    b.append("    <system-err></system-err>\n");
    b.append("  </testsuite>\n");
  }

  /** The report's own properties: date, scenario, regimes, rules digest, tool. */
  static void headerProperties(StringBuilder b, Report r, String indent) {
    property(b, indent, "as_of", r.asOf().toString());
    property(b, indent, "scenario", r.scenario());
    property(b, indent, "regimes", String.join(",", r.regimes()));
    property(b, indent, "rules_digest", r.rulesDigest());
    property(b, indent, "tool", r.tool());
  }

  static void property(StringBuilder b, String indent, String name, String value) {
    if (value == null) return;
    b.append(indent).append("<property name=\"").append(x(name)).append("\" value=\"").append(x(value)).append("\"/>\n");
  }

  private static String who(Finding f) {
    return f.service() == null ? "company" : "service " + f.service();
  }

  /** What a case found, one line a finding and a test, then the citation and source: text, not yet escaped. */
  static String detail(ProfileReport p, Case c, String lang) {
    Finding first = c.findings().get(0);
    StringBuilder detail = new StringBuilder();
    for (Finding f : c.findings()) {
      detail.append(Printable.text(who(f))).append(": ").append(f.outcome().id()).append(" (").append(f.status().id()).append(")\n");
      for (Test t : f.because()) {
        detail.append("  ").append(Words.mark(t)).append(' ').append(Printable.text(Format.test(t))).append(Format.shortfall(t));
        if (t.line() > 0) detail.append(" [").append(Printable.text(p.source())).append(':').append(t.line()).append(']');
        detail.append('\n');
      }
      if (!f.missing().isEmpty()) detail.append("  not stated: ").append(Printable.text(String.join(", ", f.missing()))).append('\n');
      if (f.sanction() != null && f.outcome().adverse()) detail.append("  sanction ceiling: ").append(Printable.text(Words.sanction(f.sanction(), lang))).append('\n');
      for (var r : f.readings()) detail.append("  ").append(Words.w("reading", lang)).append(": ").append(Printable.text(Words.reading(r, lang))).append('\n');
      if (f.flip() != null) detail.append("  one fact would change it: ").append(Printable.text(Words.flip(f.flip(), "->"))).append('\n');
    }
    detail.append(Printable.text(first.citation().law(lang))).append(", ").append(Printable.text(first.citation().article())).append('\n');
    detail.append("source: ").append(Printable.text(first.citation().source())).append('\n');
    return detail.toString();
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

  static String escape(String s, boolean attribute) {
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
