package dev.kdpc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The profile's JSON Schema ({@code kdpc schema}) and kdpc's reader agree, both ways, checked with a real
 * JSON Schema validator (networknt, draft 2020-12) on the profile as a YAML 1.2 editor reads it
 * (snakeyaml-engine, core schema): every sample, every rule case's profile and the schema's own example
 * profile are accepted by both; every invalid fixture is refused by both, but for those listed in
 * {@link #KDPC_ONLY} (what a JSON Schema cannot say, written down in the README), which the schema must
 * accept, so the list stays true. Samples are also read as a YAML 1.1 tool reads them (SnakeYAML 1.x:
 * an unquoted date is a timestamp, {@code 3.0e26} is text), and must pass there too.
 */
class ProfileSchemaTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path ROOT = TestSupport.root();
  static Schema schema;

  /**
   * The invalid fixtures only kdpc refuses, with why a JSON Schema cannot: the README's list
   * ("What only kdpc checks"). A fixture that YAML 1.2 itself refuses (bad syntax, duplicate keys) counts
   * as refused by the editor.
   */
  static final Map<String, String> KDPC_ONLY = new TreeMap<>(Map.ofEntries(
      Map.entry("anchor", "anchors are YAML"),
      Map.entry("block-scalar-anchor", "anchors are YAML"),
      Map.entry("scalar-anchor", "anchors are YAML"),
      Map.entry("capitalised-boolean", "True is a boolean in YAML 1.2; kdpc asks for lower case"),
      Map.entry("upper-case-boolean", "FALSE is a boolean in YAML 1.2; kdpc asks for lower case"),
      Map.entry("octal-number", "017 is 17 in YAML 1.2; kdpc refuses leading zeros (YAML 1.1 reads 15)"),
      Map.entry("hex-number", "0x1F is a number in YAML 1.2; kdpc asks for plain decimal"),
      Map.entry("date-invalid", "a real calendar date (format: date is only an annotation for most validators)"),
      Map.entry("duplicate-service-id", "unique ids across list items"),
      Map.entry("leaders-over-100", "the sum of the leading firms' shares"),
      Map.entry("leaders-over-rounding", "the sum of the leading firms' shares"),
      Map.entry("owners-order", "the order of list items by a value (foreign owners largest first)"),
      Map.entry("owners-total", "the sum of the owners' shares against foreign_ownership.share"),
      Map.entry("long-string", "text length limit (10,000 characters; maxLength would count code points, kdpc counts UTF-16 units)"),
      Map.entry("control-character", "characters of the file, comments included"),
      Map.entry("next-line", "characters of the file, comments included"),
      Map.entry("non-utf8", "the file's encoding"),
      Map.entry("bidi-alm", "characters of the file, comments included"),
      Map.entry("bidi-control", "characters of the file, comments included"),
      Map.entry("bidi-isolate", "characters of the file, comments included"),
      Map.entry("bidi-lrm", "characters of the file, comments included"),
      Map.entry("bidi-rlm", "characters of the file, comments included")));

  @BeforeAll
  static void load() throws IOException {
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JSON.writeValueAsString(ProfileSchema.schema()), InputFormat.JSON);
  }

  static List<String> errors(JsonNode doc) {
    return schema.validate(doc).stream().map(Error::toString).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // YAML as editors read it

  /** The document as YAML 1.2 (core schema) reads it, as JSON; throws when YAML 1.2 refuses the text. */
  static JsonNode yaml12(String text) {
    Load load = new Load(LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build());
    return json(load.loadFromString(text), "YAML 1.2");
  }

  /** The document as YAML 1.1 reads it (SnakeYAML 1.x, what PyYAML and older tools do). */
  static JsonNode yaml11(String text) {
    return json(new org.yaml.snakeyaml.Yaml().load(text), "YAML 1.1");
  }

  static JsonNode json(Object o, String reader) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (o == null) return f.nullNode();
    if (o instanceof Map<?, ?> m) {
      ObjectNode n = f.objectNode();
      m.forEach((k, v) -> n.set(String.valueOf(k), json(v, reader)));
      return n;
    }
    if (o instanceof List<?> l) {
      var a = f.arrayNode();
      l.forEach(v -> a.add(json(v, reader)));
      return a;
    }
    if (o instanceof String s) return f.textNode(s);
    if (o instanceof Boolean b) return f.booleanNode(b);
    if (o instanceof Integer || o instanceof Long) return f.numberNode(((Number) o).longValue());
    if (o instanceof BigInteger b) return f.numberNode(b);
    if (o instanceof Double d) return f.numberNode(d);
    throw new AssertionError(reader + " reads a value as " + o.getClass().getSimpleName() + " (" + o + "), which JSON has not: quote it");
  }

  // ---------------------------------------------------------------------------------------------
  // Valid profiles: accepted by both

  static Stream<String> samples() throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve("samples"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everySampleIsAcceptedByKdpcAndBySchemaUnderYaml12AndYaml11(String name) throws IOException {
    Path file = ROOT.resolve("samples").resolve(name);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    new ProfileReader().read(file);
    assertThat(errors(yaml12(text))).as(name + " under YAML 1.2").isEmpty();
    assertThat(errors(yaml11(text))).as(name + " under YAML 1.1").isEmpty();
  }

  /**
   * Samples are written for YAML 1.1 and 1.2 tools alike: no underscore in an unquoted number (text in
   * YAML 1.2), every exponent with its sign (3.0e+26: YAML 1.1 reads 3.0e26 as text), every date quoted
   * (YAML 1.1 reads an unquoted one as a timestamp, checked above).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void samplesWriteNumbersThatYaml11And12ReadAlike(String name) throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("samples").resolve(name), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String code = lines.get(i).replaceAll("\"[^\"]*\"", "\"\"").replaceAll("#.*", "");
      assertThat(code).as(name + ":" + (i + 1) + " has an unquoted number with '_'").doesNotContainPattern("[0-9]_[0-9]");
      assertThat(code).as(name + ":" + (i + 1) + " has an exponent without its sign").doesNotContainPattern("[0-9][eE][0-9]");
      assertThat(code).as(name + ":" + (i + 1) + " has an unquoted date").doesNotContainPattern(":\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}");
    }
  }

  /** Every rule case's profile (src/test/resources/cases): valid profiles with only the facts that matter. */
  static Stream<String> caseProfiles() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(ROOT.resolve("src/test/resources/cases"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        JsonNode root = yaml12(Files.readString(f, StandardCharsets.UTF_8));
        int i = 0;
        for (JsonNode c : root.path("cases")) out.add(f.getFileName() + "#" + i++);
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caseProfiles")
  void everyRuleCaseProfileIsAcceptedByBoth(String id) throws IOException {
    String[] parts = id.split("#");
    JsonNode c = yaml12(Files.readString(ROOT.resolve("src/test/resources/cases").resolve(parts[0]), StandardCharsets.UTF_8))
        .path("cases").get(Integer.parseInt(parts[1]));
    JsonNode profile = c.path("profile");
    assertThat(errors(profile)).as(id + " " + c.path("name").asText()).isEmpty();
    new ProfileReader().read(id, JSON.writeValueAsBytes(profile)); // as YAML 1.2 read it, written as JSON (which is YAML)
  }

  @Test
  void theSchemasOwnExampleProfileIsAcceptedByBoth() throws IOException {
    JsonNode example = ProfileSchema.schema().get("examples").get(0);
    assertThat(errors(example)).isEmpty();
    Profile p = new ProfileReader().read("example", JSON.writeValueAsBytes(example));
    assertThat(p.company().revenueKrw().korea()).isEqualTo(9_800_000_000_000L);
    assertThat(p.services()).hasSize(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Invalid profiles: refused by both, or listed as kdpc's own

  static Stream<String> invalidFixtures() throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve("src/test/resources/invalid"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).map(n -> n.replaceFirst("\\.yaml$", ""))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFixtures")
  void everyInvalidFixtureIsRefusedByTheSchemaTooUnlessOnlyKdpcCanSaySo(String name) throws IOException {
    Path file = ROOT.resolve("src/test/resources/invalid").resolve(name + ".yaml");
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    List<String> errors;
    try {
      errors = errors(yaml12(text));
    } catch (RuntimeException yamlRefused) { // bad YAML, duplicate keys, not UTF-8: the editor says so before any schema
      assertThat(KDPC_ONLY).as(name + " is refused by YAML 1.2 itself; do not list it as kdpc's own").doesNotContainKey(name);
      return;
    }
    if (KDPC_ONLY.containsKey(name)) {
      assertThat(errors).as(name + " is listed as what only kdpc checks (" + KDPC_ONLY.get(name) + "), but the schema refuses it too:"
          + " remove it from KDPC_ONLY and from the README's list").isEmpty();
    } else {
      assertThat(errors).as(name + ": kdpc refuses it, the schema must too (or list it in KDPC_ONLY and the README with why a schema cannot)")
          .isNotEmpty();
    }
  }

  /** The disagreements issue 17 found, each decided, and checked on both sides. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      share of 157%               | services: [ { id: s, market: { share: "157%" } } ]
      share of 100.5%             | services: [ { id: s, market: { share: "100.5%" } } ]
      fiscal year 1800            | company: { fiscal_year: 1800 }
      fiscal year 2201            | company: { fiscal_year: 2201 }
      service id with spaces      | services: [ { id: "my shop" } ]
      service id in capitals      | services: [ { id: Shop } ]
      service without id          | services: [ { name: Shop } ]
      money above 2^63-1          | company: { market_cap_krw: 9223372036854775808 }
      money of 10^18              | company: { market_cap_krw: 1000000000000000000 }
      count above the limit       | services: [ { id: s, users: { monthly_active_kr: "1,000,000,000,000,000,000" } } ]
      name written as a number    | company: { name: 12345 }
      name written as a boolean   | company: { name: true }
      id written as a number      | services: [ { id: 123 } ]
      justification as a number   | services: [ { id: s, conduct: { tying: { present: true, justification: 1 } } } ]
      leader without share        | services: [ { id: s, market: { leaders: [ { name: A } ] } } ]
      two leaders with self       | services: [ { id: s, market: { leaders: [ { share: 0.5, self: true }, { share: 0.3, self: true } ] } } ]
      date out of range           | company: { domestic_agent: { designated_on: "1899-12-31" } }
      date not YYYY-MM-DD         | company: { domestic_agent: { designated_on: "2024-1-5" } }
      unknown key                 | company: { nmae: X }
      compute as text             | services: [ { id: s, ai: { training_compute_flops: "3.0e26" } } ]
      negative compute            | services: [ { id: s, ai: { training_compute_flops: -1.0 } } ]
      money with a sign           | company: { market_cap_krw: "+80억" }
      money in 천                 | company: { market_cap_krw: "5천억" }
      """)
  void theDisagreementsFoundAreRefusedByBoth(String what, String yaml) {
    String text = "kdpc: 1\n" + yaml + "\n";
    assertThat(errors(yaml12(text))).as(what + ": the schema refuses it").isNotEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProfileReader().read("m.yaml", text.getBytes(StandardCharsets.UTF_8)))
        .as(what + ": kdpc refuses it").isInstanceOf(ProfileException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      share of 100%               | services: [ { id: s, market: { share: "100%" } } ]
      share of 057%               | services: [ { id: s, market: { share: "057%" } } ]
      share of 0                  | services: [ { id: s, market: { share: 0 } } ]
      fiscal year 1900            | company: { fiscal_year: 1900 }
      fiscal year 2200            | company: { fiscal_year: 2200 }
      quoted name that looks like a number | company: { name: "12345" }
      name yes (text in YAML 1.2) | company: { name: yes }
      headquarters NO (Norway)    | company: { headquarters: NO }
      id quoted digits            | services: [ { id: "123" } ]
      money 10^18 - 1             | company: { market_cap_krw: 999999999999999999 }
      money with underscores      | company: { market_cap_krw: 8_000_000_000 }
      money in Korean units       | company: { market_cap_krw: 4조 3226억원 }
      compute with an exponent    | services: [ { id: s, ai: { training_compute_flops: 3.0e+26 } } ]
      compute without a dot       | services: [ { id: s, ai: { training_compute_flops: 1e26 } } ]
      a date unquoted             | company: { domestic_agent: { designated_on: 2024-02-01 } }
      leaders without self        | services: [ { id: s, market: { leaders: [ { share: 0.5 }, { share: 0.3, self: false } ] } } ]
      everything null             | company: { name: null, revenue_krw: ~, fiscal_year: null }
      """)
  void theirNeighboursAreAcceptedByBoth(String what, String yaml) {
    String text = "kdpc: 1\n" + yaml + "\n";
    assertThat(errors(yaml12(text))).as(what + ": the schema accepts it").isEmpty();
    new ProfileReader().read("m.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void listSizesAreTheReadersLimits() {
    StringBuilder services = new StringBuilder("kdpc: 1\nservices:\n");
    for (int i = 0; i <= ProfileReader.MAX_SERVICES; i++) services.append("  - { id: s").append(i).append(" }\n");
    assertThat(errors(yaml12(services.toString()))).as("201 services").isNotEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProfileReader().read("m.yaml", services.toString().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ProfileException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // The vocabulary's one source: every key described, with an example

  /**
   * Every record component of the profile carries {@link Units.Doc} with a description and, for a
   * value, an example that kdpc reads and the schema accepts. A key added without them fails here, with
   * what to add.
   */
  @Test
  void everyKeyHasADescriptionAndAnExample() {
    List<String> missing = new ArrayList<>();
    ProfileReader reader = new ProfileReader();
    for (String entry : ProfileSchema.keys()) {
      String key = entry.substring(0, entry.indexOf('='));
      String[] rc = entry.substring(entry.indexOf('=') + 1).split("\\.");
      RecordComponent c = component(rc[0], rc[1]);
      Units.Doc doc = c.getAnnotation(Units.Doc.class);
      boolean value = !ProfileSchema.element(c).isRecord();
      if (doc == null || doc.value().isBlank()) {
        missing.add(key + ": add @Doc(value = \"what it is, with its unit and period\"" + (value ? ", example = \"a value as a profile writes it\"" : "")
            + ") to the record component " + rc[0] + "." + rc[1]);
      } else if (value && doc.example().isBlank()) {
        missing.add(key + ": add example = \"a value as a profile writes it\" to the @Doc of " + rc[0] + "." + rc[1]);
      } else if (value) {
        try {
          ProfileSchema.example(c, reader);
        } catch (ProfileException e) {
          missing.add(key + ": the example of " + rc[0] + "." + rc[1] + " is not one YAML value: " + e.getMessage());
        }
      }
    }
    assertThat(missing).as("keys without a description or an example (kdpc schema shows them in editors)").isEmpty();
    assertThat(ProfileSchema.keys()).hasSizeGreaterThan(100);
  }

  /** The schema's description of every key names its accepted forms, and every value key has an example. */
  @Test
  void everyPropertyOfTheSchemaHasADescriptionAndAnExample() {
    List<String> missing = new ArrayList<>();
    walk(ProfileSchema.schema(), "", missing);
    assertThat(missing).isEmpty();
  }

  private static void walk(JsonNode node, String path, List<String> missing) {
    JsonNode props = node.get("properties");
    if (props == null) return;
    props.fields().forEachRemaining(e -> {
      String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      if (!e.getValue().hasNonNull("description")) missing.add(p + " has no description");
      if (!e.getValue().has("examples") || e.getValue().get("examples").isEmpty()) missing.add(p + " has no example");
      JsonNode v = e.getValue();
      walk(v.has("items") ? v.get("items") : v, p, missing);
    });
  }

  private static RecordComponent component(String record, String name) {
    return findComponent(ProfileDocument.class, record, name, new java.util.HashSet<>());
  }

  private static RecordComponent findComponent(Class<?> type, String record, String name, java.util.Set<Class<?>> seen) {
    if (!seen.add(type)) return null;
    for (RecordComponent c : type.getRecordComponents()) {
      if (type.getSimpleName().equals(record) && c.getName().equals(name)) return c;
      Class<?> el = ProfileSchema.element(c);
      if (el.isRecord()) {
        RecordComponent r = findComponent(el, record, name, seen);
        if (r != null) return r;
      }
    }
    return null;
  }
}
