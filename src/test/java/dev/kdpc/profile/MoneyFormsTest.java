package dev.kdpc.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Money and counts as people write them (issue 17): every accepted form, read by kdpc and accepted by
 * the schema's pattern; every refused form, refused by both where a pattern can say it, with a message
 * that names file, line, column and field and says which forms are accepted.
 */
class MoneyFormsTest {
  static final ProfileReader READER = new ProfileReader();
  static Schema schema;

  @BeforeAll
  static void load() throws Exception {
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(new ObjectMapper().writeValueAsString(ProfileSchema.schema()), InputFormat.JSON);
  }

  static Profile money(String yamlValue) {
    return READER.read("m.yaml", ("kdpc: 1\ncompany:\n  market_cap_krw: " + yamlValue + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static Profile count(String yamlValue) {
    return READER.read("c.yaml", ("kdpc: 1\ncompany:\n  personal_data_subjects_kr: " + yamlValue + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** What the schema says of {@code company.KEY: value} (a JSON value), as an editor sees it. */
  static boolean schemaAccepts(String key, JsonNode value) {
    JsonNode doc = new ObjectMapper().createObjectNode().put("kdpc", 1).set("company", new ObjectMapper().createObjectNode().set(key, value));
    return schema.validate(doc).isEmpty();
  }

  static boolean schemaAcceptsMoney(JsonNode value) {
    return schemaAccepts("market_cap_krw", value);
  }

  static boolean schemaAcceptsCount(JsonNode value) {
    return schemaAccepts("personal_data_subjects_kr", value);
  }

  /** A scalar of the test tables as YAML 1.2 reads it: a quoted text, digits as an integer, anything else as text. */
  static JsonNode yaml12(String yaml) {
    if (yaml.startsWith("\"")) return text(yaml.substring(1, yaml.length() - 1));
    return yaml.matches("[0-9]+") ? new ObjectMapper().getNodeFactory().numberNode(Long.parseLong(yaml)) : text(yaml);
  }

  static JsonNode text(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
  }

  @ParameterizedTest(name = "{0} is {1} won")
  @CsvSource(delimiter = '|', textBlock = """
      8000000000                     | 8000000000
      0                              | 0
      999999999999999999             | 999999999999999999
      '"8000000000"'                 | 8000000000
      '"8,000,000,000"'              | 8000000000
      '"8_000_000_000"'              | 8000000000
      8_000_000_000                  | 8000000000
      '"8,000,000,000원"'            | 8000000000
      '"999,999,999,999,999,999"'    | 999999999999999999
      '"80억원"'                      | 8000000000
      80억원                          | 8000000000
      '"80억"'                        | 8000000000
      '"80 억 원"'                    | 8000000000
      '"4조 3,226억원"'               | 4322600000000
      '"4조3226억원"'                 | 4322600000000
      '"4조 3_226억"'                 | 4322600000000
      '"1조"'                         | 1000000000000
      '"3,400억"'                     | 340000000000
      '"12,000억원"'                  | 1200000000000
      '"1억 2,345만 6,789원"'         | 123456789
      '"12만 3,456원"'                | 123456
      '"1조 500만원"'                 | 1000005000000
      '"9,999억 9,999만 9,999"'       | 999999999999
      '"999,999조 9,999억 9,999만 9,999원"' | 999999999999999999
      '"99,999,999,999,999만 9,999원"' | 999999999999999999
      '"1.5억"'                       | 150000000
      '"0.5억원"'                     | 50000000
      '"4.3226조"'                    | 4322600000000
      '"1.000000000001조"'            | 1000000000001
      '"1.2345만"'                    | 12345
      '"0원"'                         | 0
      '"  80억원  "'                  | 8000000000
      """)
  void acceptsMoneyAsWritten(String yaml, long won) {
    assertThat(money(yaml).company().marketCapKrw()).isEqualTo(won);
    assertThat(schemaAcceptsMoney(yaml12(yaml))).as("the schema accepts " + yaml).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      '"1.5"'                 | an amount in won must be a whole number of won, got the text "1.5" (1.5)
      '"0.000001만"'          | an amount in won must be a whole number of won, got the text "0.000001만" (0.01)
      '"-5억"'                | an amount in won must not be negative, got the text "-5억"
      '"-8,000"'              | an amount in won must not be negative, got the text "-8,000"
      -5_000                  | an amount in won must not be negative, got the text "-5_000"
      -5000                   | an amount in won must not be negative, got -5000
      '""'                    | an amount in won must be a whole number of won from 0 to 999,999,999,999,999,999, written as an integer (8000000000), as digits grouped in threes with ',' or '_' ("8,000,000,000"), or with the Korean units 조, 억 and 만, largest first, with or without 원 ("80억원", "4조 3,226억원", "3,400억", "1.5억"); got the text ""
      '"about 80억"'          | ; got the text "about 80억"
      '"80억 USD"'            | ; got the text "80억 USD"
      '"₩8,000"'              | ; got the text "₩8,000"
      '"8,00,000"'            | ; got the text "8,00,000"; did you mean "800,000"?
      '"80_0000_0000"'        | ; got the text "80_0000_0000"; did you mean "8,000,000,000"?
      '"8,000_000"'           | ; did you mean "8,000,000"?
      '"5천억"'               | ; got the text "5천억"; did you mean "5,000억원"?
      '"1조 5천억원"'         | ; did you mean "1조 5,000억원"?
      '"4조 12,000억"'        | ; got the text "4조 12,000억"; did you mean "5조 2,000억원"?
      '"3,226억 4조"'         | ; did you mean "4조 3,226억원"?
      '"1억 1억"'             | ; did you mean "2억원"?
      '"3억 5,000원"'         | ; did you mean "3억 5,000원"?
      '"4.3조 200억"'         | ; did you mean "4조 3,200억원"?
      '"1,000,000조"'         | an amount in won is too large: got the text "1,000,000조" (the largest is 999,999,999,999,999,999, 1,000,000조원 less one won)
      '"1000000000000000000"' | an amount in won is too large: got the text "1000000000000000000"
      1000000000000000000     | an amount in won is too large: 1000000000000000000 (the largest is 999,999,999,999,999,999)
      9223372036854775808     | an amount in won is too large: 9223372036854775808 (the largest is 999,999,999,999,999,999)
      1.5                     | an amount in won must be a whole number, got 1.5 (write it without a decimal point, or with a Korean unit: "1.5억")
      8.0e9                   | an amount in won must be a whole number, got 8.0E9
      true                    | ; got the boolean true
      '[ 1 ]'                 | ; got a list
      """)
  void refusesMoneyItCannotReadExactly(String yaml, String message) {
    assertThatThrownBy(() -> money(yaml))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("m.yaml:3:19: ").hasMessageContaining("field 'company.market_cap_krw': ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    if (yaml.startsWith("\"")) {
      assertThat(schemaAcceptsMoney(text(yaml.substring(1, yaml.length() - 1)))).as("the schema refuses " + yaml).isFalse();
    }
  }

  @Test
  void aRefusedTextSaysEveryAcceptedForm() {
    assertThatThrownBy(() -> money("\"eighty billion\""))
        .hasMessage("m.yaml:3:19: field 'company.market_cap_krw': an amount in won must be a whole number of won from 0 to 999,999,999,999,999,999,"
            + " written as an integer (8000000000), as digits grouped in threes with ',' or '_' (\"8,000,000,000\"), or with the Korean units"
            + " 조, 억 and 만, largest first, with or without 원 (\"80억원\", \"4조 3,226억원\", \"3,400억\", \"1.5억\"); got the text \"eighty billion\"");
  }

  @ParameterizedTest(name = "count {0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      41000000          | 41000000
      41_000_000        | 41000000
      '"41,000,000"'    | 41000000
      '"41_000_000"'    | 41000000
      '"0"'             | 0
      '" 41,000,000 "'  | 41000000
      '"999,999,999,999,999,999"' | 999999999999999999
      """)
  void acceptsCountsAsWritten(String yaml, long n) {
    assertThat(count(yaml).company().personalDataSubjectsKr()).isEqualTo(n);
    assertThat(schemaAcceptsCount(yaml12(yaml))).as("the schema accepts " + yaml).isTrue();
  }

  @ParameterizedTest(name = "count {0}")
  @CsvSource(delimiter = '|', textBlock = """
      '"4,100만"'      | (the Korean units 만, 억 and 조 are for money); got the text "4,100만"; did you mean "41,000,000"?
      '"41,000,000명"' | a count must be a whole number from 0 to 999,999,999,999,999,999, written as an integer (41000000) or as digits grouped in threes with ',' or '_' ("41,000,000"); got the text "41,000,000명"
      '"4,10,00,000"'  | ; did you mean "41,000,000"?
      '"-1"'           | a count must not be negative, got the text "-1"
      '"1.5"'          | a count must be a whole number, got the text "1.5" (1.5)
      1.5              | a count must be a whole number, got 1.5 (write it without a decimal point)
      '"1,000,000,000,000,000,000"' | a count is too large: got the text "1,000,000,000,000,000,000" (the largest is 999,999,999,999,999,999)
      """)
  void refusesCountsItCannotReadExactly(String yaml, String message) {
    assertThatThrownBy(() -> count(yaml))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("c.yaml:3:30: ").hasMessageContaining("field 'company.personal_data_subjects_kr': ")
        .hasMessageContaining(message);
    if (yaml.startsWith("\"")) assertThat(schemaAcceptsCount(text(yaml.substring(1, yaml.length() - 1)))).isFalse();
  }

  /** Hostile texts at the reader's length limit (10,000 characters) are refused, each with one short paragraph. */
  @Test
  void hostileTextsAreRefusedInOneShortParagraph() {
    String[] hostile = {"1".repeat(9_999) + "x", "1,".repeat(4_999) + "x", " ".repeat(9_990) + "1x", "1억 ".repeat(2_000) + "x",
        "9".repeat(18) + "조".repeat(3_000), "0.".repeat(4_000) + "5억", "\u0661\u0662\u0663", "１２３", "1\u00a0000"};
    for (String h : hostile) {
      assertThatThrownBy(() -> money("\"" + h + "\""))
          .isInstanceOf(ProfileException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(1_000));
      assertThat(schemaAcceptsMoney(text(h))).as(h.substring(0, Math.min(20, h.length()))).isFalse();
    }
  }

  /** Underscores group digits in threes: any other grouping is a typo (YAML 1.2 reads it as text, and so does kdpc). */
  @Test
  void underscoresOutsideGroupsOfThreeAreRefusedInEveryField() {
    assertThatThrownBy(() -> money("8_000_00_000")).hasMessageContaining("did you mean \"800,000,000\"?");
    assertThatThrownBy(() -> READER.read("y.yaml", "kdpc: 1\ncompany: { fiscal_year: 2_025 }\n".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("y.yaml:2:25: field 'company.fiscal_year': a year must be a whole number such as 2025, got the text \"2_025\"");
  }

  /** Every whole amount written in Korean units, as {@link Amounts#korean} writes it, reads back as itself and matches the schema's pattern. */
  @Test
  void everyAmountInKoreanUnitsReadsBack() {
    Random r = new Random(17);
    long[] edges = {0, 1, 9_999, 10_000, 10_001, 99_999_999, 100_000_000, 999_999_999_999L, 1_000_000_000_000L, Amounts.MAX};
    for (int i = 0; i < 2_000 + edges.length; i++) {
      long v = i < edges.length ? edges[i] : (long) Math.floor(Math.pow(10, r.nextDouble() * 18));
      String k = Amounts.korean(v);
      try {
        assertThat(Amounts.money(k)).as(k).isEqualTo(v);
      } catch (Amounts.Refused e) {
        throw new AssertionError(k + ": " + e.getMessage());
      }
      assertThat(schemaAcceptsMoney(text(k))).as(k).isTrue();
    }
    assertThat(Amounts.korean(4_322_600_000_000L)).isEqualTo("4조 3,226억원");
    assertThat(Amounts.korean(123_456_789L)).isEqualTo("1억 2,345만 6,789원");
  }

  /** Each size limit of the pattern sits exactly at 10^18 - 1: one more digit is refused by both. */
  @Test
  void theLargestAmountIsTheSameForKdpcAndTheSchema() {
    assertThat(schemaAcceptsMoney(new ObjectMapper().getNodeFactory().numberNode(Amounts.MAX))).isTrue();
    assertThat(schemaAcceptsMoney(new ObjectMapper().getNodeFactory().numberNode(Amounts.MAX + 1))).isFalse();
    for (String over : new String[] {"1000000000000000000", "1,000,000,000,000,000,000", "1_000_000_000_000_000_000", "1,000,000조",
        "10,000,000,000억", "100,000,000,000,000만", "1000000.5조"}) {
      assertThat(schemaAcceptsMoney(text(over))).as(over).isFalse();
      assertThatThrownBy(() -> Amounts.money(over)).as(over).isInstanceOf(Amounts.Refused.class);
    }
  }
}
