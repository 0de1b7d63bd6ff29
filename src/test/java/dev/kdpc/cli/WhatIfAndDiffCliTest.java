package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What-if ({@code --set}), the flips the report names, {@code kdpc diff} and the scenario and date comparisons, run in-process. */
class WhatIfAndDiffCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] AT = {"--as-of", "2026-06-30", "--scenario", "with-proposals"};

  static String[] args(String... rest) {
    String[] out = new String[AT.length + rest.length];
    out[0] = rest[0];
    System.arraycopy(AT, 0, out, 1, AT.length);
    System.arraycopy(rest, 1, out, 1 + AT.length, rest.length - 1);
    return out;
  }

  static JsonNode json(Run run) throws IOException {
    assertThat(run.err()).isEmpty();
    return JSON.readTree(run.out());
  }

  static JsonNode finding(JsonNode report, String rule, String service) {
    for (JsonNode f : report.path("profiles").get(0).path("findings")) {
      if (f.path("rule").asText().equals(rule) && f.path("service").asText().equals(service)) return f;
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // What-if and flips

  @Test
  void theFlipTheReportNamesForANearMissDoesFlipTheDesignation() throws IOException {
    String sample = "samples/webtoon-near-miss.yaml";
    JsonNode before = json(ReviewSupport.cli(args("check", "--format", "json", sample)));
    List<JsonNode> flips = new ArrayList<>();
    for (JsonNode f : before.path("profiles").get(0).path("findings")) {
      if (f.has("flip")) {
        assertThat(f.path("outcome").asText()).isEqualTo("not_met");
        flips.add(f);
      }
    }
    assertThat(flips).extracting(f -> f.path("rule").asText()).containsExactlyInAnyOrder("MRFTA-6-1-V2024", "TBA-22-7");
    for (JsonNode f : flips) {
      String set = f.path("flip").path("set").asText();
      Run run = ReviewSupport.cli(args("check", "--format", "json", "--set", set, sample));
      assertThat(run.code()).isZero();
      JsonNode after = json(run);
      JsonNode flipped = finding(after, f.path("rule").asText(), f.path("service").asText());
      assertThat(flipped.path("outcome").asText()).as("%s with --set %s", f.path("rule").asText(), set).isIn("presumed", "meets_criteria");
      assertThat(flipped.has("flip")).isFalse();
      JsonNode changes = after.path("profiles").get(0).path("what_if").path("changes");
      JsonNode change = null;
      for (JsonNode c : changes) if (c.path("rule").asText().equals(f.path("rule").asText())) change = c;
      assertThat(change).as("the what-if marks the change").isNotNull();
      assertThat(change.path("change").asText()).isEqualTo("changed");
      assertThat(change.path("before").asText()).isEqualTo("not_met");
      assertThat(change.path("after").asText()).isEqualTo(flipped.path("outcome").asText());
      assertThat(change.path("facts").get(0).path("fact").asText()).isEqualTo(f.path("flip").path("fact").asText());
    }
  }

  @Test
  void aFlipIsTheLineItselfAndJustBelowItNothingFlips() throws IOException {
    String sample = "samples/webtoon-near-miss.yaml";
    JsonNode tba = finding(json(ReviewSupport.cli(args("check", "--format", "json", sample))), "TBA-22-7", "comics");
    assertThat(tba.path("flip").path("fact").asText()).isEqualTo("services.comics.users.daily_average_kr");
    assertThat(tba.path("flip").path("from").asLong()).isEqualTo(960_000);
    assertThat(tba.path("flip").path("to").asLong()).isEqualTo(1_000_000);
    assertThat(tba.path("flip").path("line").asInt()).isEqualTo(21);
    JsonNode below = json(ReviewSupport.cli(args("check", "--format", "json", "--set", "services.comics.users.daily_average_kr=999999", sample)));
    assertThat(finding(below, "TBA-22-7", "comics").path("outcome").asText()).isEqualTo("not_met");
    assertThat(below.path("profiles").get(0).path("what_if").path("changes").size()).as("nothing changed").isZero();
  }

  @Test
  void noFlipWhereMoreThanOneTestFailsOrTheTestRestsOnSeveralFacts() throws IOException {
    JsonNode r = json(ReviewSupport.cli(args("check", "--format", "json", "samples/webtoon-near-miss.yaml")));
    assertThat(finding(r, "KFTC24-A", "comics").has("flip")).as("three tests fail").isFalse();
    assertThat(finding(r, "MRFTA-6-2-V2024", "comics").has("flip")).as("the combined share of the leading firms").isFalse();
  }

  @Test
  void whatIfTextMarksWhatChanged() {
    Run run = ReviewSupport.cli(args("check", "--set", "services.comics.users.daily_average_kr=1000000", "samples/webtoon-near-miss.yaml"));
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("WHAT IF", "set services.comics.users.daily_average_kr = 1000000",
        "CHANGED TBA-22-7 [comics]", "because services.comics.users.daily_average_kr: 960,000 -> 1,000,000 (line 21)",
        "ADDED TBA-22-7-1 [comics]", "rests on TBA-22-7 [comics], which went from not met to meets criteria",
        "<- what-if: was not met", "(set by --set)");
  }

  @Test
  void setRejectsAPathTheProfileCannotTakeAndAMissingValue() {
    Run unknown = ReviewSupport.cli(args("check", "--set", "services.nosuch.market.share=0.5", "samples/webtoon-near-miss.yaml"));
    assertThat(unknown.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(unknown.err()).contains("no service with id 'nosuch'");
    Run noValue = ReviewSupport.cli(args("check", "--set", "services.comics.market.share", "samples/webtoon-near-miss.yaml"));
    assertThat(noValue.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(noValue.err()).contains("give a value");
    Run badShare = ReviewSupport.cli(args("check", "--set", "services.comics.market.share=1.5", "samples/webtoon-near-miss.yaml"));
    assertThat(badShare.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(badShare.err()).contains("market.share");
  }

  // ---------------------------------------------------------------------------------------------
  // kdpc diff

  /** A copy of the portal sample with one share changed (text replaced, so edits to the sample do not go unnoticed). */
  static Path portalWith(Path dir, String from, String to) throws IOException {
    String text = Files.readString(TestSupport.root().resolve("samples/portal-search.yaml"), StandardCharsets.UTF_8);
    assertThat(text).as("the sample still states " + from).contains(from);
    Path p = dir.resolve("portal-next-year.yaml");
    Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    return p;
  }

  record Diffed(String change, String rule, String service, Set<String> facts, List<String> reasons) {}

  static List<Diffed> diff(Path older, Path newer) throws IOException {
    JsonNode d = json(ReviewSupport.cli(args("diff", "--format", "json", older.toString(), newer.toString())));
    List<Diffed> out = new ArrayList<>();
    for (JsonNode c : d.path("profiles").get(0).path("changes")) {
      Set<String> facts = new HashSet<>();
      c.path("facts").forEach(f -> facts.add(f.path("fact").asText()));
      List<String> reasons = new ArrayList<>();
      c.path("reasons").forEach(r -> reasons.add(r.asText()));
      out.add(new Diffed(c.path("change").asText(), c.path("rule").asText(), c.path("service").asText(), facts, reasons));
    }
    return out;
  }

  /** Each change is caused by the share: it tests it, or it rests on a designation that does. */
  static void causedBy(List<Diffed> changes, String fact) {
    Set<String> decided = new HashSet<>();
    for (Diffed d : changes) if (d.facts().contains(fact)) decided.add(d.rule());
    for (Diffed d : changes) {
      boolean direct = d.facts().contains(fact);
      boolean through = d.reasons().stream().anyMatch(r -> decided.stream().anyMatch(r::contains));
      assertThat(direct || through).as(d + " is decided by " + fact).isTrue();
    }
  }

  /** The findings of a profile's report that rest on designation {@code rule}, as "rule service". */
  static List<String> restingOn(Path profile, String rule) throws IOException {
    JsonNode r = json(ReviewSupport.cli(args("check", "--format", "json", profile.toString())));
    List<String> out = new ArrayList<>();
    for (JsonNode f : r.path("profiles").get(0).path("findings")) {
      for (JsonNode d : f.path("depends_on")) {
        if (d.asText().equals(rule)) out.add(f.path("rule").asText() + " " + f.path("service").asText());
      }
    }
    return out;
  }

  @Test
  void diffOfTwoProfilesDifferingInOneTrafficShareShowsExactlyTheFindingsItDecides(@TempDir Path tmp) throws IOException {
    Path next = portalWith(tmp, "traffic_share_kr: 0.021", "traffic_share_kr: 0.009");
    Path old = Path.of("samples/portal-search.yaml");
    List<Diffed> changes = diff(old, next);
    // the share decides TBA-22-7 (2.1% -> 0.9% of traffic, line 1%), and with it every duty resting on it
    List<String> expected = new ArrayList<>(List.of("changed TBA-22-7 search"));
    for (String f : restingOn(old, "TBA-22-7")) expected.add("removed " + f);
    assertThat(expected).contains("removed TBA-22-7-1 search", "removed TBA-22-7-3 search");
    assertThat(changes).extracting(d -> d.change() + " " + d.rule() + " " + d.service()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(changes.get(0).facts()).containsExactly("services.search.traffic_share_kr");
    causedBy(changes, "services.search.traffic_share_kr");
  }

  @Test
  void diffOfTwoProfilesDifferingInOneMarketShareShowsExactlyTheFindingsItDecides(@TempDir Path tmp) throws IOException {
    Path next = portalWith(tmp, "share: \"58.2%\"", "share: \"48.2%\"");
    List<Diffed> changes = diff(Path.of("samples/portal-search.yaml"), next);
    // 48.2% is below the 50% line of Art. 6 item 1; the 60% line of the 2024 plan was failed already, and the
    // bans resting on dominance still rest on Art. 6 item 2 (the leading firms' shares are unchanged)
    assertThat(changes).extracting(d -> d.change() + " " + d.rule() + " " + d.service()).containsExactly("changed MRFTA-6-1-V2024 search");
    assertThat(changes.get(0).facts()).containsExactly("services.search.market.share");
    causedBy(changes, "services.search.market.share");
  }

  @Test
  void diffOfAProfileWithItselfIsEmptyAndTextAndMarkdownSayWhatChanged(@TempDir Path tmp) throws IOException {
    assertThat(diff(Path.of("samples/portal-search.yaml"), Path.of("samples/portal-search.yaml"))).isEmpty();
    Path next = portalWith(tmp, "traffic_share_kr: 0.021", "traffic_share_kr: 0.009");
    Run text = ReviewSupport.cli(args("diff", "samples/portal-search.yaml", next.toString()));
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("CHANGED TBA-22-7 [search]", "meets the criteria (in force) -> not met (in force)",
        "because services.search.traffic_share_kr: 2.1% -> 0.9%", "REMOVED TBA-22-7-1 [search]", " removed, 1 changed");
    Path md = tmp.resolve("diff.md");
    Run markdown = ReviewSupport.cli(args("diff", "--format", "markdown", "--output", md.toString(), "samples/portal-search.yaml", next.toString()));
    assertThat(markdown.code()).isZero();
    assertThat(Files.readString(md)).contains("| changed | `TBA-22-7` | search | meets the criteria (in force) | not met (in force) |");
  }

  // ---------------------------------------------------------------------------------------------
  // Scenarios and dates

  @Test
  void compareScenariosAddsTheProposalsAndChangesNothingInForce() throws IOException {
    JsonNode d = json(ReviewSupport.cli("check", "--as-of", "2026-06-30", "--compare-scenarios", "--format", "json", "samples/portal-search.yaml"));
    assertThat(d.path("before").asText()).isEqualTo("scenario in-force, as of 2026-06-30");
    assertThat(d.path("after").asText()).isEqualTo("scenario with-proposals, as of 2026-06-30");
    JsonNode changes = d.path("profiles").get(0).path("changes");
    assertThat(changes.size()).isPositive();
    Set<String> regimes = new HashSet<>();
    for (JsonNode c : changes) {
      assertThat(c.path("change").asText()).as(c.path("rule").asText()).isEqualTo("added");
      assertThat(c.path("status_after").asText()).isIn("proposed", "promulgated");
      String regime = c.path("regime").asText();
      assertThat(c.path("reasons")).as(c.path("rule").asText() + " names its regime's status as the cause")
          .anyMatch(r -> r.asText().contains(regime + " is ") && r.asText().contains("with-proposals"));
      assertThat(c.path("facts").size()).as("no fact differs").isZero();
      regimes.add(c.path("regime").asText());
    }
    assertThat(regimes).contains("kftc-platform-2024");
  }

  @Test
  void compareAsOfNamesTheDatedVersionsOfARule() throws IOException {
    JsonNode d = json(ReviewSupport.cli("check", "--as-of", "2024-02-06", "--compare-as-of", "2024-02-05", "--format", "json",
        "samples/portal-search.yaml"));
    List<String> seen = new ArrayList<>();
    for (JsonNode c : d.path("profiles").get(0).path("changes")) {
      seen.add(c.path("change").asText() + " " + c.path("rule").asText());
      assertThat(c.path("reasons").get(0).asText()).contains("2024-02-0");
    }
    assertThat(seen).contains("removed MRFTA-6-1-V2021", "added MRFTA-6-1-V2024", "removed MRFTA-6-2-V2021", "added MRFTA-6-2-V2024");
    Run both = ReviewSupport.cli("check", "--compare-scenarios", "--compare-as-of", "2024-01-01", "samples/portal-search.yaml");
    assertThat(both.code()).isEqualTo(ExitCode.INPUT.code);
    Run sarif = ReviewSupport.cli("check", "--compare-scenarios", "--format", "sarif", "samples/portal-search.yaml");
    assertThat(sarif.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(sarif.err()).contains("text, json, markdown");
  }
}
