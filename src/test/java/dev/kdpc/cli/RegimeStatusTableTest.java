package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kdpc rules --as-of DATE} against the hand-written table of {@code docs/regime-status.md}: every
 * regime's status on the six reference dates of issue 14, and on the day before and the day of each
 * dated change of status. A new regime is one more row of that table; a regime without a row, or a row
 * without a regime, fails here.
 */
class RegimeStatusTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path TABLE = Path.of("docs/regime-status.md");

  /** date → (regime → status as {@code kdpc rules} prints it), one CLI run per date. */
  private static final Map<String, Map<String, String>> PRINTED = new TreeMap<>();

  private static List<List<String>> byDate;
  private static List<List<String>> transitions;

  @BeforeAll
  static void readTableAndRunRules() throws IOException {
    List<List<List<String>>> tables = tables(Files.readAllLines(TABLE, StandardCharsets.UTF_8));
    assertThat(tables).as("tables in " + TABLE).hasSizeGreaterThanOrEqualTo(2);
    byDate = tables.get(0);
    transitions = tables.get(1);
    List<String> dates = new ArrayList<>(byDate.get(0).subList(1, byDate.get(0).size() - 1));
    for (List<String> row : transitions.subList(1, transitions.size())) {
      dates.add(row.get(1));
      dates.add(row.get(3));
    }
    for (String date : new TreeSet<>(dates)) PRINTED.put(date, statuses(date));
  }

  @Test
  void theTableCoversTheSixReferenceDatesOfIssue14() {
    assertThat(byDate.get(0)).containsSubsequence("regime", "2019-06-01", "2021-06-01", "2023-06-01", "2025-10-01", "2026-07-07", "2026-12-01");
  }

  @Test
  void everyRegimeHasOneRowAndEveryRowIsARegime() {
    List<String> rows = byDate.subList(1, byDate.size()).stream().map(r -> r.get(0)).toList();
    assertThat(rows).as("rows of the first table of " + TABLE).doesNotHaveDuplicates();
    for (Map<String, String> onDate : PRINTED.values()) {
      assertThat(new TreeSet<>(rows)).as("regimes listed by kdpc rules; add a row to " + TABLE + " for a new regime")
          .isEqualTo(new TreeSet<>(onDate.keySet()));
    }
  }

  @Test
  void kdpcRulesPrintsTheStatusTheTableGivesOnEachReferenceDate() {
    List<String> header = byDate.get(0);
    SoftAssertions soft = new SoftAssertions();
    for (List<String> row : byDate.subList(1, byDate.size())) {
      for (int c = 1; c < header.size() - 1; c++) {
        String date = header.get(c);
        soft.assertThat(PRINTED.get(date).get(row.get(0))).as(row.get(0) + " on " + date).isEqualTo(row.get(c));
      }
    }
    soft.assertAll();
  }

  @Test
  void kdpcRulesPrintsTheStatusOnTheDayBeforeAndTheDayOfEachChange() {
    SoftAssertions soft = new SoftAssertions();
    for (List<String> row : transitions.subList(1, transitions.size())) {
      String regime = row.get(0);
      soft.assertThat(PRINTED.get(row.get(1)).get(regime)).as(regime + " on " + row.get(1)).isEqualTo(row.get(2));
      soft.assertThat(PRINTED.get(row.get(3)).get(regime)).as(regime + " on " + row.get(3)).isEqualTo(row.get(4));
      soft.assertThat(row.get(2)).as(regime + ": a transition row must change the status").isNotEqualTo(row.get(4));
    }
    soft.assertAll();
  }

  @Test
  void theTextFormatPrintsTheSameStatusAsTheJson() {
    Run text = ReviewSupport.cli("rules", "--as-of", "2021-06-01");
    assertThat(text.code()).isZero();
    assertThat(text.out())
        .contains("mrfta-dominance  [in_force, in force from 2007-11-04]")
        .contains("network-fee  [not yet announced]")
        .contains("tba-app-market  [proposed, in force from 2021-09-14]")
        .contains("cloud-public-sector  [in_force, in force from 2016-04-04]");
  }

  private static Map<String, String> statuses(String date) throws IOException {
    Run r = ReviewSupport.cli("rules", "--as-of", date, "--format", "json");
    assertThat(r.code()).as("kdpc rules --as-of " + date + ": " + r.err()).isZero();
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode n : JSON.readTree(r.out()).path("regimes")) out.put(n.path("id").asText(), n.path("status").asText());
    return out;
  }

  /** The Markdown tables of the file, each as rows of cells (header first, separator dropped, backticks stripped). */
  private static List<List<List<String>>> tables(List<String> lines) {
    List<List<List<String>>> tables = new ArrayList<>();
    List<List<String>> current = null;
    for (String line : lines) {
      if (!line.startsWith("|")) {
        current = null;
        continue;
      }
      if (current == null) tables.add(current = new ArrayList<>());
      if (line.matches("\\|[-| ]+\\|")) continue;
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) cells.add(cell.strip().replace("`", ""));
      current.add(cells);
    }
    return tables;
  }
}
