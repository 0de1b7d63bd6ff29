package dev.kdpc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.ExternalTools;
import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import dev.kdpc.report.Report;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown kdpc writes is clean under markdownlint-cli's rules (npm {@code markdownlint-cli}, pinned in
 * {@code .ci/node}), with {@code .ci/node/markdownlint-reports.jsonc}, which departs from the defaults only
 * where they are wrong for a report (and says why); and wrapping its prose changes nothing it renders to.
 */
class MarkdownLintTest {
  @TempDir Path tmp;

  static final Path CONFIG = TestSupport.root().resolve(".ci/node/markdownlint-reports.jsonc");

  private static List<String> samples() throws Exception {
    try (var s = Files.list(TestSupport.root().resolve("samples"))) {
      return s.map(p -> "samples/" + p.getFileName()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void everyMarkdownReportPassesMarkdownlint() throws Exception {
    Path lint = ExternalTools.markdownlint();
    List<String[]> runs = new ArrayList<>();
    for (String s : samples()) {
      String name = Path.of(s).getFileName().toString().replace(".yaml", "");
      runs.add(new String[] {name + ".md", "check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "--format", "markdown", s});
      runs.add(new String[] {name + ".ko.md", "check", "--as-of", "2026-06-30", "--lang", "ko", "--format", "markdown", s});
    }
    runs.add(new String[] {"folder.md", "check", "--as-of", "2026-06-30", "--scenario", "with-proposals", "--format", "markdown", "--why-not", "samples"});
    runs.add(new String[] {"what-if.md", "check", "--as-of", "2026-06-30", "--format", "markdown", "--why-not",
        "--set", "services.comics.users.daily_average_kr=1000000", "samples/webtoon-near-miss.yaml"});
    runs.add(new String[] {"compare.md", "check", "--as-of", "2026-06-30", "--compare-scenarios", "--format", "markdown", "samples"});
    runs.add(new String[] {"diff.md", "diff", "--as-of", "2026-06-30", "--format", "markdown", "samples/webtoon-near-miss.yaml",
        "samples/portal-search.yaml"});
    runs.add(new String[] {"rules.md", "rules", "--as-of", "2026-06-30", "--format", "markdown"});
    runs.add(new String[] {"rules-2020.md", "rules", "--as-of", "2020-01-01", "--format", "markdown"});
    List<String> files = new ArrayList<>();
    for (String[] r : runs) {
      ReviewSupport.Run run = ReviewSupport.cli(java.util.Arrays.copyOfRange(r, 1, r.length));
      assertThat(run.code()).as(r[0] + ": " + run.err()).isIn(0, 1);
      Path f = tmp.resolve(r[0]);
      Files.writeString(f, run.out(), StandardCharsets.UTF_8);
      files.add(f.toString());
    }
    List<String> cmd = new ArrayList<>(List.of(lint.toString(), "--config", CONFIG.toString()));
    cmd.addAll(files);
    ExternalTools.Result r = ExternalTools.run(cmd, null, tmp);
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isZero();

    // the defaults alone find only what the configuration turns off for reports: table rows and headings
    // that cannot wrap (MD013), and repeated section names under each profile (MD024)
    List<String> defaults = new ArrayList<>(List.of(lint.toString()));
    defaults.addAll(files);
    ExternalTools.Result d = ExternalTools.run(defaults, null, tmp);
    List<String> rules = d.out().lines().map(l -> l.replaceAll("^.*? error (MD\\d+)/.*$", "$1")).distinct().sorted().toList();
    assertThat(rules).isSubsetOf("MD013", "MD024");
    for (String l : d.out().lines().toList()) {
      if (!l.contains("MD013")) continue;
      String[] at = l.split(":");
      String line = Files.readAllLines(Path.of(at[0]), StandardCharsets.UTF_8).get(Integer.parseInt(at[1]) - 1);
      assertThat(line).as(l).matches("^(\\||#).*");
    }
    // and the check does check: a bare URL is an error
    Path bad = Files.writeString(tmp.resolve("bad.md"), "# Title\n\nSee https://example.com for more.\n", StandardCharsets.UTF_8);
    assertThat(ExternalTools.run(List.of(lint.toString(), "--config", CONFIG.toString(), bad.toString()), null, tmp).out()).contains("MD034");
  }

  /** Every sample's memo, wrapped and not, renders to the same HTML (but for where lines break). */
  @Test
  void wrappingChangesNothingTheMemoRendersTo() throws Exception {
    HtmlRenderer html = HtmlRenderer.builder().extensions(List.of(org.commonmark.ext.gfm.tables.TablesExtension.create())).build();
    int wrapped = 0;
    for (String s : samples()) {
      for (String lang : List.of("en", "ko")) {
        Report r = ReviewSupport.report(List.of(Path.of(s).getFileName().toString()), Map.of(), true);
        StringWriter a = new StringWriter();
        new MarkdownRenderer(true).render(r, a, new RenderOptions(lang));
        StringWriter b = new StringWriter();
        new MarkdownRenderer(false).render(r, b, new RenderOptions(lang));
        if (!a.toString().equals(b.toString())) wrapped++;
        for (String line : a.toString().lines().toList()) {
          // as markdownlint measures (not strict): no space after the limit, outside tables and headings
          if (!line.startsWith("|") && !line.startsWith("#") && line.codePointCount(0, line.length()) > MarkdownWrap.WIDTH) {
            assertThat(line.substring(line.offsetByCodePoints(0, MarkdownWrap.WIDTH))).as(s + " " + lang + ": " + line).doesNotContain(" ");
          }
        }
        String x = html.render(CommonMarkSupport.PARSER.parse(a.toString())).replaceAll("\\s+", " ");
        String y = html.render(CommonMarkSupport.PARSER.parse(b.toString())).replaceAll("\\s+", " ");
        assertThat(x).as(s + " " + lang).isEqualTo(y);
      }
    }
    assertThat(wrapped).as("the samples have long lines to wrap").isPositive();
  }

  /** Words that would start a block at the start of a line are never put there; quotations and list items keep their form. */
  @Test
  void wrappingNeverStartsALineWithABlockMarker() throws Exception {
    HtmlRenderer html = HtmlRenderer.builder().build();
    String filler = "word ".repeat(14);
    List<String> lines = new ArrayList<>();
    for (String marker : List.of("- dash", "+ plus", "* star", "# hash", "> quote", "= equals", "1. one", "2) two", "--- rule", "```fence",
        "| pipe", "_under_", "<script>alert(1)</script>", "<div>", "`a <pre> b`")) {
      lines.add(filler + marker + " " + filler);
      lines.add("- " + filler + marker + " " + filler);
      lines.add("  - " + filler + marker + " " + filler);
      lines.add("> " + filler + marker + " " + filler);
      lines.add("12. " + filler + marker + " " + filler);
    }
    for (String line : lines) {
      String md = "Intro.\n\n" + line + "\n\nEnd.\n";
      StringWriter w = new StringWriter();
      try (MarkdownWrap wrap = new MarkdownWrap(w)) {
        wrap.write(md);
      }
      String out = w.toString();
      assertThat(out.lines().mapToInt(l -> l.codePointCount(0, l.length())).max().orElse(0)).as(out).isLessThanOrEqualTo(MarkdownWrap.WIDTH);
      assertThat(out.lines().count()).as(out).isGreaterThan(md.lines().count());
      assertThat(html.render(CommonMarkSupport.PARSER.parse(out)).replaceAll("\\s+", " "))
          .as(out).isEqualTo(html.render(CommonMarkSupport.PARSER.parse(md)).replaceAll("\\s+", " "));
    }
    String fenced = "```\n" + filler.repeat(3) + "\n```\n| " + filler.repeat(3) + " |\n# " + filler.repeat(3) + "\n";
    StringWriter w = new StringWriter();
    try (MarkdownWrap wrap = new MarkdownWrap(w)) {
      wrap.write(fenced);
    }
    assertThat(w.toString()).as("code, tables and headings are not wrapped").isEqualTo(fenced);
  }
}
