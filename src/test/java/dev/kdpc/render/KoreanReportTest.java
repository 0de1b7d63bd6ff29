package dev.kdpc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.Options;
import dev.kdpc.Review;
import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import dev.kdpc.report.Finding;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Reading;
import dev.kdpc.report.Report;
import dev.kdpc.rules.RuleInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --lang ko} is Korean throughout (issue 17): every rule carries the Korean of its article and notes, every text
 * of a consequence its {@code .ko("…")}, and no word of the renderers' English vocabulary ({@link Words#english()}:
 * headings, labels, values, outcomes, statuses) appears in the Korean text, Markdown or HTML report of any sample, in
 * either scenario, with why-not, nor in a what-if. What may stay as it is: rule ids, regime ids, fact paths, URLs,
 * ISO dates, and what the profile wrote (names, justifications, enum values).
 */
class KoreanReportTest {
  private static final Path RULES = TestSupport.root().resolve("rules");
  private static final Path SAMPLES = TestSupport.root().resolve("samples");
  private static final LocalDate[] DATES = {LocalDate.of(2026, 6, 30), LocalDate.of(2027, 7, 1)};
  private static Set<String> vocabulary;
  /**
   * Ids of the profile format that a rule compares a value with and the report shows as they are, like a fact path: the CSAP
   * tiers of {@code cloud.csap_tier} and {@code cloud.required_tier} (a profile writes {@code csap_tier: medium}).
   */
  private static final Set<String> FORMAT_IDS = Set.of("none", "low", "medium", "high");

  @BeforeAll
  static void vocabulary() {
    vocabulary = new TreeSet<>();
    for (String s : Words.english()) vocabulary.addAll(words(s));
    vocabulary.remove("kdpc"); // the tool's name
    assertThat(vocabulary).contains("designations", "obligations", "margin", "won", "stated", "note", "source", "summary",
        "missing", "rests", "sanction", "ceiling", "line", "scenario", "top", "firms", "included", "presumed", "force");
  }

  /** The words of {@code s}: runs of three or more Latin letters, lower-cased. */
  static Set<String> words(String s) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("[A-Za-z]{3,}").matcher(s);
    while (m.find()) out.add(m.group().toLowerCase(Locale.ROOT));
    return out;
  }

  @Test
  void everyRuleHasTheKoreanOfItsArticleAndNotes() {
    List<String> missing = new ArrayList<>();
    for (RuleInfo r : TestSupport.checker().catalogue().rules()) {
      if (r.citation().article() != null && !r.ko().containsKey(r.citation().article())) missing.add(r.id() + ": @article_ko");
      if (r.titleKo() == null) missing.add(r.id() + ": @title_ko");
      if (r.citation().lawKo() == null) missing.add(r.id() + ": @law_ko");
      String source = r.citation().source();
      boolean prose = source != null && !words(source.replaceAll("https?://\\S+", " ")).isEmpty();
      if (prose && !r.ko().containsKey(source)) missing.add(r.id() + ": @source_ko (its source has words beside its URLs)");
      for (String n : r.notes()) if (!r.ko().containsKey(n)) missing.add(r.id() + ": Korean of note '" + n + "'");
    }
    assertThat(missing).isEmpty();
  }

  private static final Pattern TEXT_BUILDER = Pattern.compile(
      "\\.(note|sanction|sanctionFlat|sanctionRate|burdenOn|otherReading)\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\)");
  private static final Pattern METADATA = Pattern.compile("@(article|note|variant)(_ko)?\\(");

  @Test
  void everyTextOfARuleFileHasItsKoreanBesideIt() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.list(RULES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
        String drl = Files.readString(f);
        Matcher m = TEXT_BUILDER.matcher(drl);
        while (m.find()) {
          if (!drl.substring(m.end()).stripLeading().startsWith(".ko(\"")) {
            missing.add(f.getFileName() + ":" + line(drl, m.start()) + ": ." + m.group(1) + "(…) has no .ko(\"…\") after it");
          }
        }
        for (String key : List.of("article", "note", "variant")) {
          long en = METADATA.matcher(drl).results().filter(r -> r.group(1).equals(key) && r.group(2) == null).count();
          long ko = METADATA.matcher(drl).results().filter(r -> r.group(1).equals(key) && r.group(2) != null).count();
          if (en != ko) missing.add(f.getFileName() + ": " + en + " @" + key + " but " + ko + " @" + key + "_ko");
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static int line(String s, int at) {
    return (int) s.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void everyFindingOfEverySampleHasItsTextsInKorean() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Report r : reports()) {
      for (ProfileReport p : r.profiles()) {
        for (Finding f : p.findings()) {
          List<String> texts = new ArrayList<>(f.notes());
          texts.add(f.citation().article());
          if (f.sanction() != null) texts.add(f.sanction().text());
          if (f.burden() != null) texts.add(f.burden());
          for (Reading rd : f.readings()) texts.add(rd.reading());
          for (String t : texts) if (t != null && f.text(t, "ko").equals(t)) missing.add(f.rule() + ": " + t);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  static List<String> samples() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
  }

  /** Every sample, in both scenarios on two dates, with why-not. */
  static List<Report> reports() throws IOException {
    List<Report> out = new ArrayList<>();
    Review review = new Review(TestSupport.checker());
    for (String s : samples()) {
      Path file = SAMPLES.resolve(s);
      for (LocalDate d : DATES) {
        for (Options o : List.of(Options.inForce(d), Options.withProposals(d))) {
          ProfileReport part = review.evaluate(ReviewSupport.source(file), o, Map.of(), true);
          out.add(TestSupport.checker().report(o, List.of(part)));
        }
      }
    }
    return out;
  }

  /** What the profile wrote, which the report may repeat as it is: the words of its values (not of its keys). */
  static Set<String> profileWords(String yaml) {
    Set<String> out = new TreeSet<>();
    for (String line : yaml.split("\n")) {
      String l = line.replaceFirst("#.*", "");
      Matcher m = Pattern.compile("(?:^|[{,]\\s*)[A-Za-z_][A-Za-z0-9_]*\\s*:\\s*([^,}]*)|^\\s*-\\s+([^{].*)").matcher(l);
      while (m.find()) {
        if (m.group(1) != null) out.addAll(words(m.group(1)));
        if (m.group(2) != null) out.addAll(words(m.group(2)));
      }
    }
    return out;
  }

  /** The text a reader sees: for HTML without the style sheet, the tags and the entities. */
  static String visible(String rendered, String format) {
    if (!"html".equals(format)) return rendered;
    return rendered.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("(?s)<script.*?</script>", " ")
        .replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"")
        .replace("&#39;", "'");
  }

  /** The English vocabulary words of {@code visible} that the profile did not write, with where they stand. */
  static List<String> english(String visible, Set<String> allowed) {
    List<String> out = new ArrayList<>();
    for (String line : visible.split("\n")) {
      // ids, fact paths, URLs, dates, options: tokens with a dot, hyphen, underscore, slash, colon-slash or digit
      String l = line.replaceAll("https?://\\S+", " ").replaceAll("\\S*[A-Za-z]\\S*[._/\\-]\\S*|\\S*[._/\\-]\\S*[A-Za-z]\\S*", " ")
          .replaceAll("\\b[A-Z0-9]{2,}\\b", " ");
      for (String w : words(l)) {
        if (vocabulary.contains(w) && !allowed.contains(w)) out.add("'" + w + "' in: " + line.strip());
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theKoreanReportsOfASampleHaveNoEnglishWordOfTheVocabulary(String sample) throws IOException {
    Path file = SAMPLES.resolve(sample);
    Set<String> allowed = new TreeSet<>(profileWords(Files.readString(file)));
    allowed.addAll(FORMAT_IDS);
    Review review = new Review(TestSupport.checker());
    List<String> found = new ArrayList<>();
    for (LocalDate d : DATES) {
      for (Options o : List.of(Options.inForce(d), Options.withProposals(d))) {
        ProfileReport part = review.evaluate(ReviewSupport.source(file), o, Map.of(), true);
        Report r = TestSupport.checker().report(o, List.of(part));
        for (String format : List.of("text", "markdown", "html")) {
          StringWriter w = new StringWriter();
          Renderers.byName(format).orElseThrow().render(r, w, new RenderOptions("ko"));
          for (String e : english(visible(w.toString(), format), allowed)) found.add(format + " " + o.scenario() + " " + d + ": " + e);
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void aWhatIfInKoreanHasNoEnglishWordOfTheVocabulary() throws IOException {
    Report r = ReviewSupport.report(List.of("webtoon-near-miss"), Map.of("services.comics.users.daily_average_kr", "1000000"), true);
    Set<String> allowed = new TreeSet<>(profileWords(Files.readString(SAMPLES.resolve("webtoon-near-miss.yaml"))));
    List<String> found = new ArrayList<>();
    for (String format : List.of("text", "markdown", "html")) {
      StringWriter w = new StringWriter();
      Renderers.byName(format).orElseThrow().render(r, w, new RenderOptions("ko"));
      found.addAll(english(visible(w.toString(), format), allowed).stream().map(e -> format + ": " + e).toList());
    }
    assertThat(found).isEmpty();
  }

  @Test
  void aKoreanComparisonHasNoEnglishWordOfTheVocabulary() throws IOException {
    List<String> found = new ArrayList<>();
    for (String sample : List.of("portal-search.yaml", "webtoon-near-miss.yaml", "marketplace-selfpref.yaml")) {
      Set<String> allowed = new TreeSet<>(profileWords(Files.readString(SAMPLES.resolve(sample))));
      allowed.addAll(FORMAT_IDS);
      for (String format : List.of("text", "markdown")) {
        ReviewSupport.Run run = ReviewSupport.cli("check", "--lang", "ko", "--format", format, "--compare-scenarios", "samples/" + sample);
        assertThat(run.code()).as(run.err()).isIn(0, 1); // 1: a finding at the --fail-on level
        found.addAll(english(run.out(), allowed).stream().map(e -> sample + " " + format + ": " + e).toList());
      }
    }
    ReviewSupport.Run diff = ReviewSupport.cli("diff", "--lang", "ko", "samples/webtoon-near-miss.yaml", "samples/portal-search.yaml");
    assertThat(diff.out()).contains("이전: ", "(시나리오 현행법, 기준일 ");
    found.addAll(english(diff.out(), Set.of()));
    assertThat(found).isEmpty();
  }

  @Test
  void theJsonReportCarriesTheKoreanBesideTheEnglish() throws IOException {
    int sanctions = 0;
    for (Report r : reports()) {
      com.fasterxml.jackson.databind.JsonNode tree = JsonRenderer.tree(r);
      for (com.fasterxml.jackson.databind.JsonNode f : tree.path("profiles").get(0).path("findings")) {
        Finding finding = r.profiles().get(0).findings().stream()
            .filter(x -> x.rule().equals(f.path("rule").asText()) && java.util.Objects.equals(x.service(), f.path("service").isNull() ? null : f.path("service").asText()))
            .findFirst().orElseThrow();
        assertThat(f.path("citation").path("article_ko").asText()).isEqualTo(finding.article("ko")).isNotEqualTo(finding.citation().article());
        assertThat(f.path("notes_ko").size()).isEqualTo(finding.notes().size());
        if (!f.path("sanction").isNull()) {
          sanctions++;
          assertThat(f.path("sanction_ko").asText()).isEqualTo(finding.text(finding.sanction().text(), "ko")).isNotEqualTo(finding.sanction().text());
        }
        if (finding.burden() != null) assertThat(f.path("burden_ko").asText()).isNotBlank().isNotEqualTo(finding.burden());
      }
    }
    assertThat(sanctions).isPositive();
  }

  @Test
  void theCheckFindsAnEnglishLabelLeftInAKoreanReport() {
    // the check itself: an English label of the vocabulary is found; ids, paths, URLs and profile names are not
    assertThat(english("  비고: 한글 (margin +3%)", Set.of())).hasSize(1);
    assertThat(english("  MRFTA-6-1 services.search.market.share https://www.law.go.kr/법령/x 2026-06-30", Set.of())).isEmpty();
    assertThat(english("  Local One Store", Set.of("local", "one", "store"))).isEmpty();
    assertThat(english("  Local One Store", Set.of())).isNotEmpty();
  }
}
