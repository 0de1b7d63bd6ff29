package dev.kdpc.impact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.TestSupport;
import dev.kdpc.profile.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public-figures portfolio ({@code samples/portfolio}): every profile validates, and every figure
 * carries its source and date in a comment on its line. A figure is any value with a digit in it (money,
 * counts, shares), except the format's version and the fiscal year.
 */
class PortfolioTest {
  static final Path PORTFOLIO = TestSupport.root().resolve("samples/portfolio");

  /** A YAML line whose value is a number or a percent string: {@code key: 1_000}, {@code - key: 0.5}, {@code key: "57%"}. */
  static final Pattern FIGURE = Pattern.compile("^\\s*(?:-\\s+)?([a-z_]+):\\s*\"?[0-9][0-9_.eE+%-]*\"?\\s*(#.*)?$");
  /** A source comment: a URL and a date (YYYY-MM or YYYY-MM-DD). */
  static final Pattern SOURCE = Pattern.compile("#.*\\b(19|20)\\d{2}-\\d{2}(-\\d{2})?\\b.*https?://\\S+|#.*https?://\\S+.*\\b(19|20)\\d{2}-\\d{2}(-\\d{2})?\\b");
  static final Set<String> NOT_FIGURES = Set.of("kdpc", "fiscal_year");

  static List<Path> profiles() throws IOException {
    try (Stream<Path> s = Files.list(PORTFOLIO)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** The lines of {@code yaml} that state a figure without a source comment, as "line: text". */
  static List<String> unsourced(String yaml) {
    List<String> out = new ArrayList<>();
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = FIGURE.matcher(lines[i]);
      if (!m.matches() || NOT_FIGURES.contains(m.group(1))) continue;
      if (!SOURCE.matcher(lines[i]).find()) out.add((i + 1) + ": " + lines[i].strip());
    }
    return out;
  }

  @Test
  void theCheckFindsAFigureWithoutASource() {
    assertThat(unsourced("company:\n  revenue_krw:\n    global: 1_000   # FY2025; Example, 2026-01-02, https://example.org/x\n")).isEmpty();
    assertThat(unsourced("company:\n  revenue_krw:\n    global: 1_000\n")).containsExactly("3: global: 1_000");
    assertThat(unsourced("    share: 0.5   # a comment without a link, 2025-01-01\n")).hasSize(1);
    assertThat(unsourced("    share: 0.5   # https://example.org without a date\n")).hasSize(1);
    assertThat(unsourced("        - { name: X, share: 0.5 }\n")).as("a flow mapping hides figures: refused below").isEmpty();
    assertThat(unsourced("  fiscal_year: 2025\nkdpc: 1\n")).isEmpty();
    assertThat(unsourced("      share: \"57%\"\n")).hasSize(1);
  }

  @Test
  void everyFigureHasItsSourceAndDate() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path p : profiles()) {
      String yaml = Files.readString(p, StandardCharsets.UTF_8);
      for (String u : unsourced(yaml)) missing.add(p.getFileName() + ":" + u);
      // Flow mappings ({ a: 1, b: 2 }) would put several figures behind one comment: the portfolio writes one figure a line.
      for (String line : yaml.split("\n")) {
        String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
        if (code.contains("{") && code.matches(".*[0-9].*")) missing.add(p.getFileName() + ": a figure in a flow mapping: " + line.strip());
      }
    }
    assertThat(missing).as("figures without a source comment (URL and date)").isEmpty();
  }

  @Test
  void theProfilesValidateAndCoverTheCountriesAndServices() throws IOException {
    List<Path> files = profiles();
    assertThat(files).hasSizeGreaterThanOrEqualTo(20);
    Set<String> countries = new TreeSet<>();
    Set<String> categories = new TreeSet<>();
    for (Path f : files) {
      Profile p = TestSupport.reader().read(f);
      assertThat(p.company().name()).as(f.toString()).isNotBlank();
      assertThat(p.company().headquarters()).as(f + " states its headquarters").isNotBlank();
      assertThat(p.company().fiscalYear()).as(f + " states the year its figures describe").isNotNull();
      assertThat(Files.readString(f)).as(f + " says what it is").startsWith("# Public figures for analysis, not a statement by the company.");
      countries.add(p.company().headquarters());
      p.services().forEach(s -> categories.add(s.category()));
    }
    assertThat(countries).contains("KR", "US", "CN");
    assertThat(categories).contains("search", "app_market", "ecommerce", "delivery", "video", "sns", "cloud", "ai");
  }

  @Test
  void samplesTestsStillSeeOnlyTheFictionalSamples() throws IOException {
    // SamplesGoldenTest and the format tests list samples/ without descending: the portfolio gets no per-profile goldens.
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("samples"))) {
      assertThat(s.filter(p -> p.toString().endsWith(".yaml")).map(p -> p.getFileName().toString()))
          .noneMatch(n -> profilesNames().contains(n));
    }
  }

  private static Set<String> profilesNames() {
    try {
      Set<String> out = new TreeSet<>();
      for (Path p : profiles()) out.add(p.getFileName().toString());
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
