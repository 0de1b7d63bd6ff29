package dev.kdpc.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.TestSupport;
import dev.kdpc.cli.Main;
import dev.kdpc.profile.ProfileSchema;
import dev.kdpc.report.ReportSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kdpc serve}'s API in process, over loopback: the same report bytes as {@code kdpc check}, the
 * formats, and every way in refused as problem+json. Every response is validated against the OpenAPI
 * document ({@link ApiClient}).
 */
class HttpApiTest {
  static HttpApi api;
  static ApiClient client;
  static final String YAML = "application/yaml";
  static final String DATE = "as_of=2026-06-30";

  @BeforeAll
  static void start() throws Exception {
    api = HttpApi.start(TestSupport.checker(), HttpApi.Limits.DEFAULT, "127.0.0.1", 0);
    client = new ApiClient(api);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    api.close();
  }

  static byte[] sample(String name) throws IOException {
    return Files.readAllBytes(TestSupport.root().resolve("samples").resolve(name));
  }

  /** {@code kdpc check ARGS} in process: its standard output, as bytes. */
  static byte[] cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isIn(0, 1);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // The same report as the command line

  @ParameterizedTest
  @ValueSource(strings = {"portal-search.yaml", "video-foreign.yaml", "sns-missing-facts.yaml", "delivery-oligopoly.yaml"})
  void givesTheSameBytesAsKdpcCheckFormatJson(String sample) throws IOException {
    String path = "samples/" + sample;
    byte[] expected = cli("check", "--format", "json", "--as-of", "2026-06-30", TestSupport.root().resolve(path).toString());
    var r = client.post("/v1/check?" + DATE + "&name=" + q(TestSupport.root().resolve(path).toString()), YAML, sample(sample));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.type()).isEqualTo("application/json");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(r.body()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "json, application/json",
      "html, text/html",
      "markdown, text/markdown",
      "sarif, application/sarif+json",
      "junit, application/xml",
      "text, text/plain"})
  void givesTheSameBytesAsKdpcCheckInEveryFormatWithEveryOption(String format, String mediaType) throws IOException {
    Path file = TestSupport.root().resolve("samples/webtoon-near-miss.yaml");
    byte[] expected = cli("check", "--format", format, "--as-of", "2026-06-30", "--scenario", "with-proposals", "--why-not", "--lang", "ko",
        "--regimes", "tba-service-stability,mrfta-dominance", "--set", "company.name=Renamed Co", file.toString());
    var r = client.post("/v1/check?" + DATE + "&scenario=with-proposals&why_not=true&lang=ko&regimes=" + q("tba-service-stability,mrfta-dominance")
        + "&set=" + q("company.name=Renamed Co") + "&name=" + q(file.toString()), YAML, Files.readAllBytes(file), "Accept", mediaType);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.type()).startsWith(mediaType);
    assertThat(r.text()).isEqualTo(new String(expected, StandardCharsets.UTF_8));
  }

  @Test
  void acceptPicksTheFormatAndTheFormatParameterWins() throws IOException {
    byte[] body = sample("portal-search.yaml");
    assertThat(client.post("/v1/check?" + DATE, YAML, body).type()).isEqualTo("application/json");
    assertThat(client.post("/v1/check?" + DATE, YAML, body, "Accept", "*/*").type()).isEqualTo("application/json");
    assertThat(client.post("/v1/check?" + DATE, YAML, body, "Accept", "text/html;q=0.5, text/markdown;q=0.9").type()).startsWith("text/markdown");
    var html = client.post("/v1/check?" + DATE, YAML, body, "Accept", "text/html");
    assertThat(html.text()).contains("data-finding=\"MRFTA-6-1-V2024|search|presumed\"");
    assertThat(client.post("/v1/check?" + DATE + "&format=sarif", YAML, body, "Accept", "text/html").type()).isEqualTo("application/sarif+json");
    assertThat(client.post("/v1/check?" + DATE, YAML, body, "Accept", "image/png").problem(406)).contains("application/json");
    assertThat(client.post("/v1/check?" + DATE + "&format=pdf", YAML, body).problem(400)).contains("unknown format 'pdf'");
  }

  @Test
  void readsJsonAsItReadsYaml() {
    String yaml = "kdpc: 1\ncompany: { name: J Co, headquarters: US }\nservices:\n  - { id: v, category: video, users: { daily_average_kr: 2000000 }, traffic_share_kr: 0.02 }\n";
    String json = "{\"kdpc\": 1, \"company\": {\"name\": \"J Co\", \"headquarters\": \"US\"},\n \"services\": [{\"id\": \"v\", \"category\": \"video\","
        + " \"users\": {\"daily_average_kr\": 2000000}, \"traffic_share_kr\": 0.02}]}";
    JsonNode a = client.post("/v1/check?" + DATE, YAML, yaml).json();
    JsonNode b = client.post("/v1/check?" + DATE, "application/json; charset=UTF-8", json).json();
    assertThat(outcomes(b)).isEqualTo(outcomes(a)).contains("TBA-22-7/v/meets_criteria");
    assertThat(b.at("/profiles/0/findings/0/because/0/line").asInt()).isPositive(); // the lines of the JSON text
  }

  static List<String> outcomes(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : report.at("/profiles/0/findings")) out.add(f.get("rule").asText() + "/" + f.get("service").asText() + "/" + f.get("outcome").asText());
    return out;
  }

  @Test
  void validatesWithoutEvaluating() {
    var ok = client.post("/v1/validate?name=p.yaml", YAML, "kdpc: 1\ncompany: { name: V Co }\n");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("valid").asBoolean()).isTrue();
    assertThat(ok.json().get("company").asText()).isEqualTo("V Co");
    assertThat(ok.json().get("source").asText()).isEqualTo("p.yaml");
    String detail = client.post("/v1/validate?name=p.yaml", YAML, "kdpc: 1\ncompany: { name: V Co, headquaters: KR }\n").problem(422);
    assertThat(detail).startsWith("p.yaml:2:").contains("field 'company.headquaters'").contains("did you mean 'headquarters'");
  }

  // ---------------------------------------------------------------------------------------------
  // Profiles that are not valid: the CLI's message, with its parts

  @Test
  void aProfileThatDoesNotValidateIs422WithTheClisMessage() throws IOException {
    Path bad = Files.createTempFile("kdpc-bad", ".yaml");
    try {
      Files.writeString(bad, "kdpc: 1\nservices:\n  - id: s\n    market: { share: 1.5 }\n");
      StringWriter err = new StringWriter();
      Main.run(new String[] {"check", bad.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
      var r = client.post("/v1/check?name=" + q(bad.toString()), YAML, Files.readAllBytes(bad));
      String detail = r.problem(422);
      assertThat(detail + "\n").isEqualTo(err.toString()); // the CLI's gcc-style line, word for word
      JsonNode p = r.json();
      assertThat(p.get("type").asText()).isEqualTo("https://kdpc.dev/problems/invalid-profile");
      assertThat(p.get("file").asText()).isEqualTo(bad.toString());
      assertThat(p.get("line").asInt()).isEqualTo(4);
      assertThat(p.get("column").asInt()).isPositive();
      assertThat(p.get("field").asText()).isEqualTo("services[0].market.share");
    } finally {
      Files.delete(bad);
    }
  }

  @Test
  void malformedYamlAndJsonAre400WithLineAndColumn() {
    var y = client.post("/v1/check", YAML, "kdpc: 1\ncompany: [unclosed\n");
    assertThat(y.problem(400)).startsWith("profile:");
    assertThat(y.json().get("type").asText()).isEqualTo("https://kdpc.dev/problems/profile-syntax");
    assertThat(y.json().get("line").asInt()).isPositive();
    var j = client.post("/v1/check", "application/json", "{\"kdpc\": 1,\n \"company\": {\"name\": }}");
    assertThat(j.problem(400)).startsWith("profile:2:").contains("not valid JSON");
    assertThat(client.post("/v1/check", "application/json", "{\"kdpc\": 1, \"kdpc\": 1}").problem(400)).contains("Duplicate field 'kdpc'");
    assertThat(client.post("/v1/check", "application/json", "[".repeat(100)).problem(400)).contains("not valid JSON");
    assertThat(client.post("/v1/check", YAML, new byte[] {'k', 'd', (byte) 0xC3, '\n'}).problem(400)).contains("UTF-8");
    assertThat(client.post("/v1/check", YAML, "").status()).isIn(400, 422);
  }

  @Test
  void yamlBombsAnchorsAliasesAndTagsAreRefused() {
    StringBuilder bomb = new StringBuilder("kdpc: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
          .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
    }
    assertThat(client.post("/v1/check", YAML, bomb.toString()).problem(400)).contains("anchors");
    assertThat(client.post("/v1/check", YAML, "kdpc: 1\ncompany: { name: *x }\n").problem(400)).containsIgnoringCase("alias");
    assertThat(client.post("/v1/check", YAML, "kdpc: 1\ncompany: !!java.lang.Runtime { name: x }\n").problem(400)).containsIgnoringCase("tag");
  }

  @Test
  void wrongContentTypesAre415() {
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/yaml; charset=latin1",
        "application/json; charset=utf-16"}) {
      var r = client.post("/v1/check", type, "kdpc: 1\n");
      assertThat(r.problem(415)).as(type).contains("application/yaml or application/json");
      assertThat(r.headers().firstValue("Accept-Post")).contains("application/yaml, application/json");
    }
    assertThat(client.post("/v1/check", null, "kdpc: 1\n").problem(415)).contains("no Content-Type");
    assertThat(client.post("/v1/validate", "text/html", "kdpc: 1\n").problem(415)).contains("text/html");
  }

  // ---------------------------------------------------------------------------------------------
  // Query parameters

  @Test
  void queryParametersAreCheckedLikeTheClisOptions() throws IOException {
    String p = "kdpc: 1\ncompany: { name: Q Co }\n";
    assertThat(client.post("/v1/check?as_of=2026-02-30", YAML, p).problem(400)).isEqualTo("as_of '2026-02-30' is not a date written YYYY-MM-DD");
    assertThat(client.post("/v1/check?as_of=1899-12-31", YAML, p).problem(400)).contains("out of range");
    assertThat(client.post("/v1/check?as_of=1900-01-01", YAML, p).status()).isEqualTo(200);
    assertThat(client.post("/v1/check?as_of=2200-12-31", YAML, p).status()).isEqualTo(200);
    assertThat(client.post("/v1/check?as_of=2201-01-01", YAML, p).problem(400)).contains("out of range");
    assertThat(client.post("/v1/check?scenario=all", YAML, p).problem(400)).contains("use in-force or with-proposals");
    assertThat(client.post("/v1/check?regimes=nope", YAML, p).problem(400)).contains("unknown regime 'nope'");
    assertThat(client.post("/v1/check?regimes=" + q("a,,b"), YAML, p).problem(400)).contains("empty regime id");
    assertThat(client.post("/v1/check?lang=fr", YAML, p).problem(400)).contains("use en or ko");
    assertThat(client.post("/v1/check?why_not=yes", YAML, p).problem(400)).contains("true or false");
    assertThat(client.post("/v1/check?set=company.name", YAML, p).problem(400)).contains("PATH=VALUE");
    assertThat(client.post("/v1/check?set=" + q("company.nmae=x"), YAML, p).problem(422)).contains("company.nmae");
    assertThat(client.post("/v1/check?as_of=2026-01-01&as_of=2026-01-02", YAML, p).problem(400)).contains("given twice");
    assertThat(client.post("/v1/check?rules=/tmp", YAML, p).problem(400)).contains("unknown query parameter 'rules'");
    String raw = client.raw("POST /v1/check?%zz=1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\nContent-Length: 8\r\n"
        + "Connection: close\r\n\r\nkdpc: 1\n");
    assertThat(raw).startsWith("HTTP/1.1 400").contains("application/problem+json");
    assertThat(client.post("/v1/check?name=" + "n".repeat(200), YAML, p).status()).isEqualTo(200);
    assertThat(client.post("/v1/check?name=" + "n".repeat(201), YAML, p).problem(400)).contains("1 to 200");
  }

  @Test
  void atMost100WhatIfs() {
    String p = "kdpc: 1\ncompany: { name: Q Co }\n";
    StringBuilder sets = new StringBuilder();
    for (int i = 0; i < 99; i++) sets.append("&set=").append(q("company.name=N" + i));
    assertThat(client.post("/v1/check?" + DATE + sets, YAML, p).status()).isEqualTo(200);
    sets.append("&set=").append(q("company.name=N99"));
    assertThat(client.post("/v1/check?" + DATE + sets, YAML, p).status()).isEqualTo(200);
    sets.append("&set=").append(q("company.name=N100"));
    assertThat(client.post("/v1/check?" + DATE + sets, YAML, p).problem(400)).contains("at most 100 set parameters");
  }

  @Test
  void aHugeQueryStringIsRefusedByTheServer() throws IOException {
    String r = client.raw("GET /healthz?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(r).startsWith("HTTP/1.1 414").contains("application/problem+json").contains("\"status\":414");
    client.contract.check("GET", client.uri("/healthz"), 414, "application/problem+json", r.substring(r.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8));
    String h = client.raw("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
    assertThat(h).startsWith("HTTP/1.1 431").contains("\"status\":431");
    client.contract.check("GET", client.uri("/healthz"), 431, "application/problem+json", h.substring(h.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------------------------------------
  // Bodies over the limit (1 MiB): at, below and above it

  @Test
  void theBodyLimitIs1MiB() {
    int limit = HttpApi.Limits.DEFAULT.maxBody();
    assertThat(limit).isEqualTo(1 << 20);
    // At and below the limit the body is read; the profile reader then refuses a body over its own 1,000,000 bytes.
    assertThat(client.post("/v1/check", YAML, new byte[limit]).problem(400)).contains("limited to 1000000 bytes");
    assertThat(client.post("/v1/check", YAML, new byte[limit - 1]).problem(400)).contains("limited to 1000000 bytes");
    var over = client.post("/v1/check", YAML, new byte[limit + 1]);
    assertThat(over.problem(413)).contains("the limit is 1048576 bytes");
  }

  /**
   * A body the answer does not use (a 413 from its Content-Length, a 415) is read and dropped before the
   * answer closes the connection, so the client gets the answer rather than a reset connection; repeated,
   * since a reset came only now and then.
   */
  @Test
  void anUnusedBodyIsReadSoTheClientGetsTheAnswer() {
    int limit = HttpApi.Limits.DEFAULT.maxBody();
    for (int i = 0; i < 10; i++) {
      assertThat(client.post("/v1/check", YAML, new byte[2 * limit]).problem(413)).contains("the limit is 1048576 bytes");
      assertThat(client.post("/v1/check", "text/plain", new byte[limit]).problem(415)).contains("application/yaml or application/json");
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() {
    int limit = HttpApi.Limits.DEFAULT.maxBody();
    var request = java.net.http.HttpRequest.newBuilder(client.uri("/v1/check"))
        .header("Content-Type", YAML)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[limit + 1]))).build();
    assertThat(client.send("POST", request).problem(413)).contains("more than 1048576 bytes");
  }

  // ---------------------------------------------------------------------------------------------
  // Rules: read-only, by id, no path to the disk

  @Test
  void explainsARuleById() {
    var r = client.get("/v1/rules/TBA-22-7?as_of=2026-06-30");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("id").asText()).isEqualTo("TBA-22-7");
    assertThat(r.json().get("regime_status").asText()).isEqualTo("in_force");
    assertThat(r.json().get("evaluated_in_force").asBoolean()).isTrue();
    assertThat(client.get("/v1/rules/NOPE-1").problem(404)).contains("unknown rule 'NOPE-1'");
    assertThat(client.get("/v1/rules/TBA-22-7?as_of=x").problem(400)).contains("as_of");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/rules/../../../../etc/passwd", "/v1/rules/..%2f..%2f..%2fetc%2fpasswd", "/v1/rules/%2e%2e/%2e%2e/etc/passwd",
      "/v1/rules/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/v1/rules/..\\..\\etc\\passwd", "/v1/rules/TBA-22-7%00.drl", "/v1/rules/mrfta-dominance.drl",
      "/v1/rules//etc/passwd", "/v1/rules/%252e%252e%252fetc%252fpasswd", "/kdpc-rules/mrfta-dominance.drl", "/../../etc/passwd",
      "/v1/rules/file:%2f%2f%2fetc%2fpasswd", "/v1/rules/" + "A"})
  void noPathReachesTheDisk(String path) throws IOException {
    String r = client.raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(r).matches("(?s)HTTP/1.1 (400|404) .*").contains("application/problem+json").doesNotContain("root:").doesNotContain("rule \"");
  }

  @Test
  void nothingOverHttpChangesTheRules() {
    String digest = client.get("/healthz").json().get("rules_digest").asText();
    for (String m : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
      assertThat(client.method(m, "/v1/rules").problem(405)).contains("GET");
      assertThat(client.method(m, "/v1/rules/TBA-22-7").problem(405)).contains("GET");
    }
    assertThat(client.method("PUT", "/v1/rules").headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(client.get("/v1/check").problem(405)).contains("POST");
    assertThat(client.get("/healthz").json().get("rules_digest").asText()).isEqualTo(digest);
    assertThat(digest).isEqualTo(TestSupport.checker().catalogue().digest());
  }

  @Test
  void unknownResourcesAre404() {
    assertThat(client.get("/v2/check").problem(404)).contains("/openapi.json");
    assertThat(client.get("/index.html").problem(404)).isNotEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // The read-only resources

  @Test
  void servesTheCatalogueAndSchemasAsTheCliPrintsThem() throws IOException {
    var rules = client.get("/v1/rules?as_of=2026-06-30");
    assertThat(rules.text()).isEqualTo(new String(cli("rules", "--format", "json", "--as-of", "2026-06-30"), StandardCharsets.UTF_8));
    ObjectMapper m = new ObjectMapper();
    assertThat(m.readTree(client.get("/v1/schema").body())).isEqualTo(m.readTree(m.writeValueAsString(ProfileSchema.schema())));
    assertThat(client.get("/v1/schema/report").text()).isEqualTo(ReportSchema.text());
    assertThat(client.get("/v1/schema").type()).isEqualTo("application/schema+json");
    var health = client.get("/healthz");
    assertThat(health.json().get("status").asText()).isEqualTo("ok");
    JsonNode doc = client.get("/openapi.json").json();
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.at("/components/schemas/Report/$id").asText()).isEqualTo(m.readTree(ReportSchema.text()).get("$id").asText());
  }

  @Test
  void theReviewPageIsSelfContained() {
    var page = client.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.type()).startsWith("text/html");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'none'").contains("connect-src 'self'");
    List<String> external = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("(?i)(src|href|action)\\s*=\\s*[\"']?(https?:)?//").matcher(page.text());
    while (m.find()) external.add(m.group());
    assertThat(external).isEmpty();
    assertThat(page.text()).doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(http");
  }
}
