package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.Options;
import dev.kdpc.Review;
import dev.kdpc.TestSupport;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.render.RenderOptions;
import dev.kdpc.render.Renderers;
import dev.kdpc.report.Kind;
import dev.kdpc.report.ProfileReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * The folder runs that crashed the spliced stream (issue 12, item 8): a first profile with no duties,
 * and a first profile that fails a {@code --set} path, each followed by ordinary profiles. Every format
 * now streams them: the exit code is the run's (0, or 2 for the profile that failed), the output is
 * complete and well-formed, and it equals the library's whole rendering of the same folder.
 */
class StreamedFormatsCliTest {
  private static final Options OPTIONS = Options.withProposals(LocalDate.of(2026, 6, 30));
  private static final String SET = "services.comics.users.daily_average_kr=1000000";
  /** A company with no service: designation tests only, no duty, no service "comics". */
  private static final String TINY = "kdpc: 1\ncompany:\n  name: Tiny Co.\n  headquarters: KR\n  korean_office: true\n"
      // under the company-level lines of the Network Act ISMS and PIPA 2026 regimes, which would otherwise be undetermined duties
      + "  revenue_krw: { global: 1_000_000_000, ict_services: 1_000_000_000 }\n  daily_users_prev_year: 1_000\n"
      + "  pipa_certification_criteria_met: false\n";

  @TempDir Path tmp;
  private Path dir;
  private final List<Path> files = new ArrayList<>();

  @BeforeEach
  void folder() throws IOException {
    dir = Files.createDirectories(tmp.resolve("folder"));
    files.add(Files.writeString(dir.resolve("00-tiny.yaml"), TINY));
    files.add(Files.copy(TestSupport.root().resolve("samples/webtoon-near-miss.yaml"), dir.resolve("01-webtoon.yaml")));
    files.add(Files.copy(TestSupport.root().resolve("samples/webtoon-near-miss.yaml"), dir.resolve("02-webtoon-again.yaml")));
  }

  private record Run(int code, String out, String err) {}

  private Run check(String format, String... more) {
    List<String> args = new ArrayList<>(List.of("check", "--format", format, "--as-of", "2026-06-30", "--scenario", "with-proposals",
        "--fail-on", "none"));
    args.addAll(List.of(more));
    args.add(dir.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** The library's whole report of the folder, rendered once. */
  private String whole(String format, Map<String, String> set) throws IOException {
    List<ProfileReport> parts = new ArrayList<>();
    Review review = new Review(TestSupport.checker());
    for (Path f : files) {
      try {
        parts.add(review.evaluate(ProfileInput.read(TestSupport.reader(), f).source(), OPTIONS, set, false));
      } catch (ProfileException e) {
        parts.add(ProfileReport.failed(e.file(), e.getMessage()));
      }
    }
    StringWriter w = new StringWriter();
    Renderers.byName(format).orElseThrow().render(TestSupport.checker().report(OPTIONS, parts), w, RenderOptions.DEFAULT);
    return w.toString();
  }

  @Test
  void aFirstProfileWithNoDutiesStreamsInEveryFormat() throws Exception {
    ProfileReport tiny = TestSupport.checker().evaluate(TestSupport.reader().read(files.get(0)), OPTIONS);
    assertThat(tiny.findings()).as("precondition: the first profile has no duty").allMatch(f -> f.kind() == Kind.DESIGNATION);
    for (String format : Renderers.names()) {
      Run r = check(format);
      assertThat(r.err()).as(format).isEmpty();
      assertThat(r.code()).as(format).isEqualTo(ExitCode.OK.code);
      assertThat(r.out()).as(format).isEqualTo(whole(format, Map.of()));
      complete(format, r.out());
    }
  }

  @Test
  void aFirstProfileThatFailsASetPathStreamsInEveryFormat() throws Exception {
    for (String format : Renderers.names()) {
      Run r = check(format, "--set", SET);
      assertThat(r.code()).as(format).isEqualTo(ExitCode.INPUT.code);
      assertThat(r.err()).as(format).contains("00-tiny.yaml", "no service with id 'comics'").doesNotContain("Exception", "01-webtoon");
      assertThat(r.out()).as(format).isEqualTo(whole(format, Map.of("services.comics.users.daily_average_kr", "1000000")));
      complete(format, r.out());
    }
  }

  /** The report is whole: it ends as its format ends, names every profile and parses where a parser is at hand. */
  private void complete(String format, String out) throws Exception {
    for (Path f : files) assertThat(out).as(format + " names " + f.getFileName()).contains(f.getFileName().toString());
    switch (format) {
      case "markdown" -> assertThat(out).contains("\n## Obligation register\n");
      case "html" -> {
        assertThat(out).contains("<section class=\"register\">").endsWith("</section>\n</body>\n</html>\n");
        parse(out.replaceFirst("<!DOCTYPE html>\n", "").replaceAll("<(meta|br)([^>]*)>", "<$1$2/>"));
      }
      case "junit" -> assertThat(parse(out).getDocumentElement().getElementsByTagName("testsuite").getLength()).isEqualTo(files.size());
      case "junit-surefire" -> assertThat(parse(out).getDocumentElement().getTagName()).isEqualTo("testsuite");
      case "json", "sarif" -> assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(out).isObject()).isTrue();
      case "text" -> assertThat(out).contains("== " + files.get(2));
      default -> throw new AssertionError(format);
    }
  }

  private static org.w3c.dom.Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var builder = f.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new InputSource(new StringReader(xml)));
  }
}
