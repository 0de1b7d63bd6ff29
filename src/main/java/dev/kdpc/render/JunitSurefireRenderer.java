package dev.kdpc.render;

import dev.kdpc.render.JunitRenderer.Case;
import dev.kdpc.report.Printable;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * JUnit XML in the form Maven Surefire writes ({@code TEST-*.xml}), valid under Surefire's
 * {@code surefire-test-report.xsd}: one {@code <testsuite>} for the whole report (the schema has no
 * {@code <testsuites>}), one test case per rule and profile, whose {@code classname} is the profile's
 * path, so a dashboard groups the cases by profile. Cases fail, are skipped, pass or are in error as in
 * {@link JunitRenderer}; what a case found is in its failure, or else in its own {@code system-out}. The suite's properties
 * are the report's (date, scenario, regimes, rules digest, tool) and, per profile, its company and input
 * digest ({@code profile:PATH}) and how it was read ({@code notice:PATH}). Every {@code time} is 0: the same report gives the same bytes.
 *
 * <p>The totals and the properties come before the cases, so both wait in {@link Spill}s until the tail.
 */
public final class JunitSurefireRenderer implements Renderer {
  public static final String NAME = "junit-surefire";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Stream open(Report r, Writer out, RenderOptions options) throws IOException {
    String lang = options.lang();
    Spill properties = new Spill();
    Spill cases = new Spill();
    return new Stream() {
      int tests;
      int failures;
      int errors;
      int skipped;

      @Override
      public void part(ProfileReport p) throws IOException {
        StringBuilder prop = new StringBuilder();
        String what = (p.company() == null ? "" : p.company()) + (p.inputSha256() == null ? "" : " (sha256 " + p.inputSha256() + ")");
        JunitRenderer.property(prop, "    ", "profile:" + p.source(), what.strip());
        for (String n : p.notices()) { // how the profile was read: the schema gives a suite no system-out
          JunitRenderer.property(prop, "    ", "notice:" + p.source(), Printable.message(n));
        }
        properties.write(prop);
        StringBuilder b = new StringBuilder();
        String classname = JunitRenderer.x(p.source());
        if (p.error() != null) {
          tests++;
          errors++;
          b.append("  <testcase name=\"read profile\" classname=\"").append(classname).append("\" time=\"0\">\n");
          b.append("    <error message=\"").append(JunitRenderer.escape(Printable.message(p.error()), true)).append("\" type=\"input\"/>\n");
          b.append("  </testcase>\n");
        }
        List<Case> list = JunitRenderer.cases(p);
        for (Case c : list) {
          tests++;
          String detail = JunitRenderer.t(JunitRenderer.detail(p, c, lang));
          b.append("  <testcase name=\"").append(JunitRenderer.x(c.name(lang))).append("\" classname=\"").append(classname)
              .append("\" time=\"0\">\n");
          if (c.failed()) {
            failures++;
            b.append("    <failure message=\"").append(JunitRenderer.x(c.failureMessage())).append("\" type=\"").append(c.failureType())
                .append("\">").append(detail).append("</failure>\n");
          } else {
            if (c.skipped()) {
              skipped++;
              b.append("    <skipped message=\"").append(JunitRenderer.x(c.skippedMessage())).append("\"/>\n");
            }
            b.append("    <system-out>").append(detail).append("</system-out>\n");
          }
          b.append("  </testcase>\n");
        }
        cases.write(b);
      }

      @Override
      public void finish() throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuite name=\"kdpc\" time=\"0\" tests=\"").append(tests).append("\" errors=\"").append(errors)
            .append("\" skipped=\"").append(skipped).append("\" failures=\"").append(failures).append("\">\n");
        b.append("  <properties>\n");
        JunitRenderer.headerProperties(b, r, "    ");
        out.write(b.toString());
        properties.copyTo(out);
        out.write("  </properties>\n");
        cases.copyTo(out);
        out.write("</testsuite>\n");
      }

      @Override
      public void close() throws IOException {
        try (properties; cases) {
          // closing the spills deletes their files
        }
      }
    };
  }
}
