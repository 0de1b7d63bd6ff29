package dev.kdpc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdpc.TestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an editor says of the samples: yaml-language-server (the engine of VS Code's YAML extension),
 * pinned in {@code .ci/node/package.json} and installed by {@code .ci/run}, is run over its stdio LSP
 * protocol with {@code kdpc schema} as the schema of every file, on its default YAML 1.2, and must report
 * no diagnostic on any sample. Two control documents prove the schema is applied: money grouped wrongly
 * ({@code "8,00,000"}) must be flagged, money in Korean units must not.
 *
 * <p>Under {@code CI=true} the test fails when the server is not installed; elsewhere it is skipped with
 * a message saying how to install it ({@code npm ci --prefix .ci/node}).
 */
class YamlLanguageServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path ROOT = TestSupport.root();
  static final Path SERVER = ROOT.resolve(".ci/node/node_modules/yaml-language-server/bin/yaml-language-server");

  @Test
  void reportsNoDiagnosticOnAnySampleUnderYaml12WithKdpcsSchema(@TempDir Path tmp) throws Exception {
    String node = findNode();
    boolean ci = System.getenv("CI") != null && !System.getenv("CI").isEmpty() && !"false".equals(System.getenv("CI"));
    if (node == null || !Files.isRegularFile(SERVER)) {
      String why = "yaml-language-server is not installed (" + (node == null ? "no node on PATH" : SERVER + " missing")
          + "); install it with: npm ci --prefix .ci/node";
      if (ci) throw new AssertionError(why + " (CI is set: .ci/run installs it)");
      Assumptions.abort(why);
    }
    Path schema = tmp.resolve("profile.schema.json");
    Files.writeString(schema, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ProfileSchema.schema()));

    Map<String, String> docs = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(ROOT.resolve("samples"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        docs.put(p.toUri().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(docs).hasSizeGreaterThanOrEqualTo(14);
    String bad = tmp.resolve("control-bad.yaml").toUri().toString();
    docs.put(bad, "kdpc: 1\ncompany:\n  market_cap_krw: \"8,00,000\"\n  fiscal_year: 1800\n");
    String good = tmp.resolve("control-good.yaml").toUri().toString();
    docs.put(good, "kdpc: 1\ncompany:\n  market_cap_krw: 8_000_000_000\n  revenue_krw: { korea: \"4조 3,226억원\", global: 1.5억 }\n"
        + "services:\n  - id: s\n    market: { leaders: [ { name: A, share: 0.5 }, { name: B, share: 0.3 } ] }\n");
    String selves = tmp.resolve("control-two-selves.yaml").toUri().toString();
    docs.put(selves, "kdpc: 1\nservices:\n  - id: s\n    market: { leaders: [ { name: A, share: 0.5, self: true }, { name: B, share: 0.3, self: true } ] }\n");

    Map<String, JsonNode> diagnostics = run(node, schema, tmp, docs);

    assertThat(diagnostics.get(bad)).as("the control with wrong money and year is flagged: the schema is applied").hasSizeGreaterThanOrEqualTo(2);
    assertThat(diagnostics.get(good)).as("Korean units and underscores (text in YAML 1.2) are accepted; leaders without self too").isEmpty();
    assertThat(diagnostics.get(selves)).as("two leaders with self: true are flagged").isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (var e : diagnostics.entrySet()) {
      if (e.getKey().equals(bad) || e.getKey().equals(good) || e.getKey().equals(selves)) continue;
      for (JsonNode d : e.getValue()) {
        problems.add(e.getKey().replaceFirst(".*/", "") + ":" + (d.path("range").path("start").path("line").asInt() + 1) + ": " + d.path("message").asText());
      }
    }
    assertThat(problems).as("yaml-language-server's diagnostics on the samples").isEmpty();
  }

  private static String findNode() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path n = Path.of(dir.isEmpty() ? "." : dir, "node");
      if (Files.isExecutable(n)) return n.toString();
    }
    return null;
  }

  /** Opens every document in one server and returns the last diagnostics published for each. */
  private static Map<String, JsonNode> run(String node, Path schema, Path tmp, Map<String, String> docs) throws Exception {
    Process p = new ProcessBuilder(node, SERVER.toString(), "--stdio").directory(ROOT.toFile())
        .redirectError(tmp.resolve("server.err").toFile()).start();
    BlockingQueue<JsonNode> in = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> read(p.getInputStream(), in), "yaml-language-server reader");
    reader.setDaemon(true);
    reader.start();
    OutputStream out = p.getOutputStream();
    try {
      int id = 1;
      ObjectNode init = JSON.createObjectNode();
      init.put("processId", ProcessHandle.current().pid());
      init.put("rootUri", ROOT.toUri().toString());
      init.putObject("capabilities").putObject("textDocument").putObject("publishDiagnostics");
      send(out, request(id, "initialize", init));
      await(in, m -> m.path("id").asInt(-1) == 1 && !m.has("method"), out);
      send(out, notification("initialized", JSON.createObjectNode()));

      ObjectNode yaml = JSON.createObjectNode();
      yaml.put("validate", true).put("hover", false).put("completion", false).put("format", false);
      yaml.put("yamlVersion", "1.2");
      yaml.putObject("schemaStore").put("enable", false);
      yaml.putObject("schemas").putArray(schema.toUri().toString()).add("*.yaml");
      ObjectNode settings = JSON.createObjectNode();
      settings.putObject("settings").set("yaml", yaml);
      send(out, notification("workspace/didChangeConfiguration", settings));

      for (var e : docs.entrySet()) {
        ObjectNode open = JSON.createObjectNode();
        open.putObject("textDocument").put("uri", e.getKey()).put("languageId", "yaml").put("version", 1).put("text", e.getValue());
        send(out, notification("textDocument/didOpen", open));
      }
      Map<String, JsonNode> last = new LinkedHashMap<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < deadline) {
        JsonNode m = in.poll(200, TimeUnit.MILLISECONDS);
        if (m == null) {
          if (last.keySet().containsAll(docs.keySet()) && System.nanoTime() > quietUntil) break;
          continue;
        }
        answer(m, out, yaml);
        if ("textDocument/publishDiagnostics".equals(m.path("method").asText())) {
          last.put(m.path("params").path("uri").asText(), m.path("params").path("diagnostics"));
          quietUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500); // later publishes replace earlier ones
        }
      }
      assertThat(last.keySet()).as("diagnostics published for every document (server log: " + tmp.resolve("server.err") + ")")
          .containsAll(docs.keySet());
      send(out, request(++id, "shutdown", null));
      send(out, notification("exit", null));
      return last;
    } finally {
      out.close();
      if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
    }
  }

  /** Answers the server's own requests (configuration, capability registration, progress). */
  private static void answer(JsonNode m, OutputStream out, ObjectNode yaml) throws IOException {
    if (!m.has("method") || !m.has("id")) return;
    ObjectNode r = JSON.createObjectNode().put("jsonrpc", "2.0");
    r.set("id", m.get("id"));
    if ("workspace/configuration".equals(m.path("method").asText())) {
      ArrayNode a = r.putArray("result");
      for (JsonNode item : m.path("params").path("items")) a.add("yaml".equals(item.path("section").asText()) ? yaml : JSON.nullNode());
    } else {
      r.putNull("result");
    }
    send(out, r);
  }

  private static JsonNode await(BlockingQueue<JsonNode> in, java.util.function.Predicate<JsonNode> want, OutputStream out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      JsonNode m = in.poll(200, TimeUnit.MILLISECONDS);
      if (m == null) continue;
      if (want.test(m)) return m;
      answer(m, out, JSON.createObjectNode());
    }
    throw new AssertionError("yaml-language-server did not answer in 60 s");
  }

  private static ObjectNode request(int id, String method, JsonNode params) {
    ObjectNode r = notification(method, params);
    r.put("id", id);
    return r;
  }

  private static ObjectNode notification(String method, JsonNode params) {
    ObjectNode r = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    if (params != null) r.set("params", params);
    return r;
  }

  private static void send(OutputStream out, JsonNode message) throws IOException {
    byte[] body = JSON.writeValueAsBytes(message);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Reads LSP frames ({@code Content-Length} header, blank line, JSON body) until the stream ends. */
  private static void read(InputStream in, BlockingQueue<JsonNode> messages) {
    try {
      while (true) {
        int length = -1;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
          int b = in.read();
          if (b < 0) return;
          if (b == '\n') {
            String h = line.toString(StandardCharsets.US_ASCII).strip();
            line.reset();
            if (h.isEmpty()) break;
            if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(h.substring(15).strip());
          } else {
            line.write(b);
          }
        }
        if (length < 0) continue;
        messages.add(JSON.readTree(in.readNBytes(length)));
      }
    } catch (IOException e) {
      // the server exited
    }
  }
}
