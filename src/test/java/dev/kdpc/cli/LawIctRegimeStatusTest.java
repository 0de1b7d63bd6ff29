package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.ReviewSupport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kdpc rules --as-of D} gives the status the statute texts give the three regimes of Network Act
 * large providers, Network Act ISMS/CISO and PIPA 2026 on the test dates (a table for the lead
 * to fold into the catalogue-wide one): Act No. 21305 promulgated 2026-01-06, in force 2026-07-07; ISMS
 * mandatory since 2013-02-18 (Act No. 11322); PIPA Act No. 21445 promulgated 2026-03-10, in force
 * 2026-09-11; the bills before them are dated from the press (proposed from 2025-10-31 and 2025-12-01,
 * docs/regime-status.md), and the rules' own {@code valid_from} keeps the Acts' text off those bills. Rules that carry a status of their own (Act No. 21500's CISO text before 2026-10-01, the
 * PIPA certification before 2027-07-01) are checked by their dates on the same run.
 */
class LawIctRegimeStatusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}: large providers {1}, ISMS {2}, PIPA 2026 {3}")
  @CsvSource({
    "2019-06-01, not yet announced, in_force, not yet announced",
    "2021-06-01, not yet announced, in_force, not yet announced",
    "2023-06-01, not yet announced, in_force, not yet announced",
    "2025-10-01, not yet announced, in_force, not yet announced",
    "2025-10-30, not yet announced, in_force, not yet announced",
    "2025-10-31, proposed,          in_force, not yet announced",
    "2025-11-30, proposed,          in_force, not yet announced",
    "2025-12-01, proposed,          in_force, proposed",
    "2026-01-05, proposed,          in_force, proposed",
    "2026-01-06, promulgated,       in_force, proposed",
    "2026-03-09, promulgated,       in_force, proposed",
    "2026-03-10, promulgated,       in_force, promulgated",
    "2026-07-06, promulgated,       in_force, promulgated",
    "2026-07-07, in_force,          in_force, promulgated",
    "2026-09-10, in_force,          in_force, promulgated",
    "2026-09-11, in_force,          in_force, in_force",
    "2026-12-01, in_force,          in_force, in_force",
  })
  void regimeStatusOnDate(String date, String largeProviders, String isms, String pipa) throws Exception {
    ReviewSupport.Run r = ReviewSupport.cli("rules", "--format", "json", "--as-of", date);
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, String> status = new LinkedHashMap<>();
    for (JsonNode g : JSON.readTree(r.out()).path("regimes")) status.put(g.path("id").asText(), g.path("status").asText());
    assertThat(status).containsEntry("network-act-large-providers", largeProviders)
        .containsEntry("network-act-isms", isms)
        .containsEntry("pipa-2026", pipa);
  }

  @ParameterizedTest(name = "{0}: {1} is listed with status {2} from {3} to {4}")
  @CsvSource({
    "2026-12-01, NA-45-3-1-P2026,         promulgated, 2026-03-31, 2026-09-30",
    "2026-12-01, NA-45-3-1,               ,            2026-10-01, ",
    "2026-12-01, NA-47-2-V2016,           ,            2016-06-02, 2026-09-30",
    "2026-12-01, NA-47-2,                 ,            2026-10-01, ",
    "2026-12-01, PIPA-32-2-1-SCOPE-P2027, promulgated, 2026-03-10, 2027-06-30",
    "2026-12-01, PIPA-32-2-1,             ,            2027-07-01, ",
  })
  void ruleDatesAndOwnStatus(String date, String rule, String ownStatus, String from, String to) throws Exception {
    ReviewSupport.Run r = ReviewSupport.cli("rules", "--format", "json", "--as-of", date);
    JsonNode found = null;
    for (JsonNode x : JSON.readTree(r.out()).path("rules")) if (x.path("id").asText().equals(rule)) found = x;
    assertThat(found).as(rule).isNotNull();
    assertThat(found.path("status").isNull() ? null : found.path("status").asText()).isEqualTo(ownStatus);
    assertThat(found.path("valid_from").isNull() ? null : found.path("valid_from").asText()).isEqualTo(from);
    assertThat(found.path("valid_to").isNull() ? null : found.path("valid_to").asText()).isEqualTo(to);
  }
}
