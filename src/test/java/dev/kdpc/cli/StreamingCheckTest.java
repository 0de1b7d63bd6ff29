package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.Options;
import dev.kdpc.Review;
import dev.kdpc.TestSupport;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.render.RenderOptions;
import dev.kdpc.render.JsonRenderer;
import dev.kdpc.render.Renderer;
import dev.kdpc.render.Renderers;
import dev.kdpc.render.TextRenderer;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder run streams, in input order, exactly the report the library assembles for the same
 * profiles, whatever the number of threads and profiles in flight.
 */
class StreamingCheckTest {
  @TempDir Path tmp;
  private final List<Path> files = new ArrayList<>();
  private static final Options OPTIONS = Options.withProposals(LocalDate.of(2026, 6, 30));

  /** Many copies of the samples (more than the window holds), one bad profile in the middle. */
  @BeforeEach
  void folder() throws IOException {
    List<Path> samples;
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("samples"))) {
      samples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int n = Runtime.getRuntime().availableProcessors() * StreamingCheck.WINDOW * 2 + 7;
    for (int i = 0; i < n; i++) {
      Path f = tmp.resolve(String.format("p%04d.yaml", i));
      if (i == n / 2) Files.writeString(f, "kdpc: 1\nservices: 7\n");
      else Files.copy(samples.get(i % samples.size()), f);
      files.add(f);
    }
  }

  /** The report as the library makes it, profile by profile in order, rendered whole. */
  private String expected(Renderer renderer, List<Path> in) throws IOException {
    return expected(renderer, RenderOptions.DEFAULT, in);
  }

  private String expected(Renderer renderer, RenderOptions ro, List<Path> in) throws IOException {
    List<ProfileReport> parts = new ArrayList<>();
    for (Path f : in) {
      try {
        parts.add(TestSupport.checker().evaluate(TestSupport.reader().read(f), OPTIONS));
      } catch (ProfileException e) {
        parts.add(ProfileReport.failed(e.file(), e.getMessage()));
      }
    }
    StringWriter w = new StringWriter();
    renderer.render(TestSupport.checker().report(OPTIONS, parts), w, ro);
    return w.toString();
  }

  private record Run(int code, String out, String err) {}

  private static Run stream(Renderer renderer, List<Path> in) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = stream(renderer, RenderOptions.DEFAULT, in, new PrintWriter(out), err);
    return new Run(code, out.toString(), err.toString());
  }

  /** As {@link #stream}, to the standard output as the command line has it: UTF-8 bytes under a writer. */
  private static Run streamToStdout(Renderer renderer, RenderOptions ro, List<Path> in) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Stdout out = new Stdout(bytes);
    out.print("before "); // what a command printed before the report stays before it
    int code = stream(renderer, ro, in, out, err);
    return new Run(code, bytes.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString());
  }

  private static int stream(Renderer renderer, RenderOptions ro, List<Path> in, PrintWriter out, StringWriter err) {
    StreamingCheck<Profile> check = new StreamingCheck<>(in, TestSupport::checker, OPTIONS, renderer, ro,
        f -> f.outcome() == Outcome.POTENTIAL_VIOLATION, new PrintWriter(err, true));
    return check.run(TestSupport.reader()::read, (c, p) -> c.evaluate(p, OPTIONS), null, out);
  }

  /** Every format, in both languages (Korean titles are several bytes a character), through the byte path of the command line. */
  @Test
  void theStandardOutputGetsTheSameReportAsBytes() throws IOException {
    List<Path> some = files.subList(0, Math.min(files.size(), 20)); // the bad profile is among them on up to two cores
    for (String format : Renderers.names()) {
      for (String lang : RenderOptions.LANGUAGES) {
        Renderer renderer = Renderers.byName(format).orElseThrow();
        RenderOptions ro = new RenderOptions(lang);
        Run r = streamToStdout(renderer, ro, some);
        assertThat(r.out()).as(format + " " + lang).isEqualTo("before " + expected(renderer, ro, some));
      }
    }
  }

  @Test
  void jsonFolderIsByteIdenticalToTheWholeReport() throws IOException {
    Run r = stream(new JsonRenderer(), files);
    assertThat(r.code()).as("one bad profile").isEqualTo(ExitCode.INPUT.code);
    assertThat(r.err()).contains("p" + String.format("%04d", files.size() / 2) + ".yaml:2:11");
    assertThat(r.out()).isEqualTo(expected(new JsonRenderer(), files));
  }

  @Test
  void textFolderIsByteIdenticalToTheWholeReport() throws IOException {
    Run r = stream(new TextRenderer(), files);
    assertThat(r.out()).isEqualTo(expected(new TextRenderer(), files)).contains("== " + files.get(files.size() - 1));
  }

  @Test
  void singleProfileIsByteIdentical() throws IOException {
    List<Path> one = files.subList(0, 1);
    Run r = stream(new JsonRenderer(), one);
    assertThat(r.out()).isEqualTo(expected(new JsonRenderer(), one));
    assertThat(r.err()).isEmpty();
  }

  @Test
  void exitCodeReflectsFindingsAcrossTheFolder() throws IOException {
    List<Path> good = new ArrayList<>(files);
    good.remove(files.size() / 2);
    Run r = stream(new JsonRenderer(), good);
    Report whole = TestSupport.checker().report(OPTIONS,
        good.stream().map(f -> TestSupport.checker().evaluate(TestSupport.reader().read(f), OPTIONS)).toList());
    boolean violation = whole.findings().stream().anyMatch(f -> f.outcome() == Outcome.POTENTIAL_VIOLATION);
    assertThat(r.code()).isEqualTo(violation ? ExitCode.FINDINGS.code : ExitCode.OK.code);
    assertThat(r.out()).isEqualTo(expected(new JsonRenderer(), good));
  }

  @Test
  void allBadProfilesFailWithTheirErrorsAndNoReport() throws IOException {
    Path a = Files.writeString(tmp.resolve("zz-a.yaml"), "kdpc: 2\n");
    Path b = Files.writeString(tmp.resolve("zz-b.yaml"), "nope: 1\n");
    Run r = stream(new JsonRenderer(), List.of(a, b));
    assertThat(r.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("zz-a.yaml").contains("zz-b.yaml");
    assertThat(r.err().indexOf("zz-a.yaml")).isLessThan(r.err().indexOf("zz-b.yaml"));
  }

  /**
   * The renderer is opened once with the report's head (no profiles in it), given every profile in input
   * order, finished once and closed: here a renderer that puts a count up front, which it can know only
   * at the end, still gets the whole folder.
   */
  @Test
  void aRendererGetsTheHeadEveryPartInOrderAndOneFinish() throws IOException {
    List<String> calls = new ArrayList<>();
    Renderer counting = new Renderer() {
      @Override
      public String name() {
        return "counting";
      }

      @Override
      public Stream open(Report header, Writer out, RenderOptions options) {
        calls.add("open " + header.profiles().size());
        StringBuilder parts = new StringBuilder();
        return new Stream() {
          int n;

          @Override
          public void part(ProfileReport p) {
            n++;
            parts.append(p.source()).append(' ').append(p.findings().size()).append('\n');
          }

          @Override
          public void finish() throws IOException {
            calls.add("finish");
            out.write(n + " profiles\n" + parts);
          }

          @Override
          public void close() {
            calls.add("close");
          }
        };
      }
    };
    Run r = stream(counting, files);
    assertThat(calls).containsExactly("open 0", "finish", "close");
    assertThat(r.out()).isEqualTo(expected(counting, files)).startsWith(files.size() + " profiles\n");
    String[] lines = r.out().split("\n");
    for (int i = 0; i < files.size(); i++) assertThat(lines[i + 1]).startsWith(files.get(i).toString() + " ");
  }

  @Test
  void cliWritesTheFolderReportToAFile() throws IOException {
    Path out = tmp.resolve("report.json");
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"check", "--format", "json", "--as-of", "2026-06-30", "--scenario", "with-proposals",
        "--output", out.toString(), tmp.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).isEqualTo(ExitCode.INPUT.code);
    assertThat(Files.readString(out)).isEqualTo(reviewed(new JsonRenderer(), RenderOptions.DEFAULT, files, Map.of(), false));
  }

  /**
   * What the CLI wrote before streaming: every profile read, evaluated with its review (flips, --set,
   * --why-not), then the whole report rendered once.
   */
  private String reviewed(Renderer renderer, RenderOptions ro, List<Path> in, Map<String, String> set, boolean whyNot) throws IOException {
    List<ProfileReport> parts = new ArrayList<>();
    Review review = new Review(TestSupport.checker());
    for (Path f : in) {
      try {
        ProfileInput input = ProfileInput.read(TestSupport.reader(), f);
        parts.add(review.evaluate(input.source(), OPTIONS, set, whyNot));
      } catch (ProfileException e) {
        parts.add(ProfileReport.failed(e.file(), e.getMessage()));
      }
    }
    StringWriter w = new StringWriter();
    renderer.render(TestSupport.checker().report(OPTIONS, parts), w, ro);
    return w.toString();
  }

  /** Every format, in both languages, with --why-not and --set: the streamed folder equals the whole report. */
  @Test
  void everyFormatWithReviewOptionsIsIdenticalToTheWholeReport() throws IOException {
    List<Path> some = files.subList(0, Math.min(files.size(), 14)); // each sample once; the bad profile is not among them
    Path dir = Files.createDirectories(tmp.resolve("some"));
    List<Path> copies = new ArrayList<>();
    for (Path f : some) copies.add(Files.copy(f, dir.resolve(f.getFileName())));
    Map<String, String> set = new LinkedHashMap<>();
    set.put("company.revenue_krw.global", "9000000000000");
    for (String format : Renderers.names()) {
      for (String lang : RenderOptions.LANGUAGES) {
        for (boolean review : new boolean[] {false, true}) {
          List<String> args = new ArrayList<>(List.of("check", "--format", format, "--lang", lang, "--as-of", "2026-06-30",
              "--scenario", "with-proposals", "--fail-on", "none"));
          if (review) args.addAll(List.of("--why-not", "--set", "company.revenue_krw.global=9000000000000"));
          args.add(dir.toString());
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
          String what = format + " " + lang + (review ? " --why-not --set" : "");
          assertThat(err.toString()).as(what).isEmpty();
          assertThat(code).as(what).isEqualTo(ExitCode.OK.code);
          assertThat(out.toString()).as(what).isEqualTo(reviewed(Renderers.byName(format).orElseThrow(), new RenderOptions(lang),
              copies, review ? set : Map.of(), review));
        }
      }
    }
  }

  @Test
  void brokenRulesFolderIsAnInputErrorNamingItsFile() throws IOException {
    Path rules = Files.createDirectories(tmp.resolve("rules-broken"));
    Files.writeString(rules.resolve("bad.drl"), "package x;\nrule \"R\" when Nope() then end\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"check", "--rules", rules.toString(), files.get(0).toString()},
        new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(ExitCode.INPUT.code);
    assertThat(err.toString()).contains("bad.drl").doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
  }
}
