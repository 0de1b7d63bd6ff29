package dev.kdpc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.ExternalTools;
import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code --format junit} is valid under the Apache Ant JUnit schema and {@code --format junit-surefire}
 * under Maven Surefire's, both checked by {@code xmllint --schema} (Debian's libxml2-utils) against the
 * schemas vendored in {@code src/test/resources/junit/}; the counts agree with the JSON report.
 */
class JunitSchemaTest {
  @TempDir Path tmp;

  static final Path XSD = TestSupport.root().resolve("src/test/resources/junit");

  private static String cli(String... args) {
    ReviewSupport.Run r = ReviewSupport.cli(args);
    assertThat(r.code()).as(r.err()).isIn(0, 1, 2);
    return r.out();
  }

  /** The reports to check, each as {@code [name, args...]} without the format. */
  private List<String[]> reports() throws Exception {
    List<String[]> out = new ArrayList<>();
    try (var s = Files.list(TestSupport.root().resolve("samples"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        out.add(new String[] {p.getFileName().toString(), "--scenario", "with-proposals", "samples/" + p.getFileName()});
      }
    }
    out.add(new String[] {"folder", "--scenario", "with-proposals", "samples"});
    out.add(new String[] {"folder-ko", "--lang", "ko", "samples"});
    Path mixed = Files.createDirectory(tmp.resolve("mixed"));
    Files.copy(TestSupport.root().resolve("samples/portal-search.yaml"), mixed.resolve("a.yaml"));
    Files.writeString(mixed.resolve("b.yaml"), "kdpc: 1\ncompany: [\n", StandardCharsets.UTF_8);
    Files.writeString(mixed.resolve("c.yaml"), "kdpc: 1\ncompany:\n  name: \"<&>\\u001b[2J \\\" ' \\t end\"\n", StandardCharsets.UTF_8);
    out.add(new String[] {"mixed", mixed.toString()});
    return out;
  }

  @Test
  void eachFormIsValidUnderItsSchemaWithXmllint() throws Exception {
    Path xmllint = ExternalTools.debian("xmllint", "libxml2-utils");
    List<String> ant = new ArrayList<>();
    List<String> surefire = new ArrayList<>();
    for (String[] r : reports()) {
      for (String format : List.of("junit", "junit-surefire")) {
        List<String> args = new ArrayList<>(List.of("check", "--as-of", "2026-06-30", "--format", format));
        args.addAll(List.of(r).subList(1, r.length));
        String xml = cli(args.toArray(String[]::new));
        assertThat(xml).as(r[0] + " " + format).startsWith("<?xml");
        Path f = tmp.resolve(r[0] + "." + format + ".xml");
        Files.writeString(f, xml, StandardCharsets.UTF_8);
        (format.equals("junit") ? ant : surefire).add(f.toString());
        checkCounts(xml, format, r[0]);
      }
    }
    validate(xmllint, "ant-junit.xsd", ant, true);
    validate(xmllint, "surefire-test-report.xsd", surefire, true);
    // xmllint does check: each form is refused by the other's schema
    validate(xmllint, "surefire-test-report.xsd", ant.subList(0, 1), false);
    validate(xmllint, "ant-junit.xsd", surefire.subList(0, 1), false);
  }

  private void validate(Path xmllint, String xsd, List<String> files, boolean valid) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(xmllint.toString(), "--noout", "--schema", XSD.resolve(xsd).toString()));
    cmd.addAll(files);
    ExternalTools.Result r = ExternalTools.run(cmd, null, tmp);
    if (valid) {
      assertThat(r.code()).as(r.out()).isZero();
      for (String f : files) assertThat(r.out()).contains(f + " validates");
    } else {
      assertThat(r.code()).as(r.out()).isNotZero();
      assertThat(r.out()).contains("fails to validate");
    }
  }

  /** Every suite's counts are its cases' (the schemas cannot say so). */
  private static void checkCounts(String xml, String format, String what) throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).as(what).isPositive();
    if (format.equals("junit-surefire")) assertThat(suites.getLength()).as(what).isOne();
    for (int i = 0; i < suites.getLength(); i++) {
      Element s = (Element) suites.item(i);
      NodeList cases = s.getElementsByTagName("testcase");
      assertThat(Integer.parseInt(s.getAttribute("tests"))).as(what).isEqualTo(cases.getLength());
      assertThat(Integer.parseInt(s.getAttribute("failures"))).as(what).isEqualTo(s.getElementsByTagName("failure").getLength());
      assertThat(Integer.parseInt(s.getAttribute("skipped"))).as(what).isEqualTo(s.getElementsByTagName("skipped").getLength());
      assertThat(Integer.parseInt(s.getAttribute("errors"))).as(what).isEqualTo(s.getElementsByTagName("error").getLength());
      if (format.equals("junit")) assertThat(s.getAttribute("id")).isEqualTo(String.valueOf(i));
    }
  }

  @Test
  void bothFormsAgreeOnEveryCase() throws Exception {
    String ant = cli("check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "--format", "junit", "samples");
    String surefire = cli("check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "--format", "junit-surefire", "samples");
    var f = DocumentBuilderFactory.newInstance();
    Document a = f.newDocumentBuilder().parse(new ByteArrayInputStream(ant.getBytes(StandardCharsets.UTF_8)));
    Document s = f.newDocumentBuilder().parse(new ByteArrayInputStream(surefire.getBytes(StandardCharsets.UTF_8)));
    List<String> fromAnt = new ArrayList<>();
    NodeList suites = a.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      NodeList cases = suite.getElementsByTagName("testcase");
      for (int k = 0; k < cases.getLength(); k++) fromAnt.add(suite.getAttribute("name") + " " + verdict((Element) cases.item(k)));
    }
    List<String> fromSurefire = new ArrayList<>();
    NodeList cases = s.getElementsByTagName("testcase");
    for (int k = 0; k < cases.getLength(); k++) fromSurefire.add(((Element) cases.item(k)).getAttribute("classname") + " " + verdict((Element) cases.item(k)));
    assertThat(fromSurefire).isEqualTo(fromAnt).hasSizeGreaterThan(100);
    assertThat(String.join("\n", fromAnt) + "\n").contains(" failure\n").contains(" skipped\n").contains(" passed\n");
  }

  private static String verdict(Element c) {
    String v = c.getElementsByTagName("failure").getLength() > 0 ? "failure" : c.getElementsByTagName("skipped").getLength() > 0 ? "skipped"
        : c.getElementsByTagName("error").getLength() > 0 ? "error" : "passed";
    return c.getAttribute("name") + " " + v;
  }
}
