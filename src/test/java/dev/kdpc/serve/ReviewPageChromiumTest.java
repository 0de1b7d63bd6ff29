package dev.kdpc.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdpc.TestSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review page ({@code GET /}) in headless Chromium (Debian's {@code chromium}), driven as a
 * reviewer would over the DevTools protocol: paste a sample, submit, read the memo; paste a broken
 * profile, read the message beside its line; every control labelled, reachable by keyboard, and text
 * contrast at least 4.5:1. Fails when {@code CI} is set and {@code /usr/bin/chromium} is missing (as
 * HtmlChromiumTest); elsewhere it is skipped then, with a message.
 */
class ReviewPageChromiumTest {
  static final Path CHROMIUM = Path.of(System.getProperty("kdpc.chromium", "/usr/bin/chromium"));
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static HttpApi api;
  static Process chromium;
  static WebSocket page;
  static final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  static final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  static void open() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      if (System.getenv("CI") != null) fail("CI is set but " + CHROMIUM + " is missing: .ci/run must install Debian's chromium");
      Assumptions.abort("ReviewPageChromiumTest: " + CHROMIUM + " is not installed (apt-get install -y chromium); the page is not tested in a browser");
    }
    api = HttpApi.start(TestSupport.checker(), HttpApi.Limits.DEFAULT, "127.0.0.1", 0);
    chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--user-data-dir=" + tmp.resolve("profile"), "--remote-debugging-port=0", "--window-size=1280,1000",
        "http://127.0.0.1:" + api.port() + "/").redirectOutput(tmp.resolve("chromium.out").toFile()).start();
    int port = devToolsPort(chromium);
    HttpClient http = HttpClient.newHttpClient();
    String ws = null;
    for (int i = 0; i < 100 && ws == null; i++) {
      JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      for (JsonNode t : targets) {
        if (t.path("type").asText().equals("page") && t.path("url").asText().startsWith("http://127.0.0.1:" + api.port())) {
          ws = t.path("webSocketDebuggerUrl").asText();
        }
      }
      if (ws == null) Thread.sleep(200);
    }
    assertThat(ws).as("the page's DevTools target").isNotNull();
    page = http.newWebSocketBuilder().buildAsync(URI.create(ws), new Listener()).get(30, TimeUnit.SECONDS);
    for (int i = 0; i < 300 && !"complete".equals(eval("document.readyState").asText()); i++) Thread.sleep(100);
  }

  /** Chromium prints "DevTools listening on ws://127.0.0.1:PORT/..." on standard error once it is ready. */
  static int devToolsPort(Process p) throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("DevTools listening on ws://[^:]+:(\\d+)/");
    List<String> seen = new ArrayList<>();
    for (String line; (line = err.readLine()) != null; ) {
      Matcher m = listening.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> {
          try {
            err.transferTo(java.io.Writer.nullWriter());
          } catch (IOException e) {
            // chromium closed it
          }
        });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
      seen.add(line);
    }
    throw new AssertionError("chromium did not start its DevTools server: " + seen);
  }

  @AfterAll
  static void close() throws Exception {
    if (page != null) page.abort();
    if (chromium != null) {
      chromium.destroy();
      if (!chromium.waitFor(20, TimeUnit.SECONDS)) chromium.destroyForcibly();
    }
    if (api != null) api.close();
  }

  /** Sends one DevTools command to the page and waits for its answer. */
  static JsonNode command(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    replies.put(id, reply);
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", params);
    page.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    JsonNode r = reply.get(90, TimeUnit.SECONDS);
    if (r.has("error")) throw new AssertionError(method + ": " + r.get("error"));
    return r.get("result");
  }

  /** Evaluates a JavaScript expression in the page (a promise is awaited) and returns its value. */
  static JsonNode eval(String expression) throws Exception {
    JsonNode r = command("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("awaitPromise", true).put("returnByValue", true));
    if (r.has("exceptionDetails")) throw new AssertionError("the page threw: " + r.get("exceptionDetails"));
    return r.path("result").path("value");
  }

  static final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode msg = JSON.readTree(text.toString());
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = replies.remove(msg.get("id").asInt());
            if (f != null) f.complete(msg);
          }
        } catch (IOException e) {
          // not a message for us
        }
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  /** Puts {@code yaml} in the text area, the date 2026-06-30, submits, and waits for the memo or the problem. */
  static String submit(String yaml) throws Exception {
    return eval("(async () => {"
        + "document.getElementById('profile').value = " + JSON.writeValueAsString(yaml) + ";"
        + "document.getElementById('as_of').value = '2026-06-30';"
        + "document.getElementById('submit').click();"
        + "for (let i = 0; i < 600; i++) {"
        + "  await new Promise(r => setTimeout(r, 100));"
        + "  const s = document.getElementById('status').textContent;"
        + "  if (s.startsWith('Checked')) { const d = document.getElementById('memo').contentDocument;"
        + "    if (d && d.querySelector('[data-finding]')) return 'memo'; }"
        + "  if (s.startsWith('The profile was not checked')) return 'problem';"
        + "}"
        + "return 'timeout: ' + document.getElementById('status').textContent; })()").asText();
  }

  @Test
  void aSampleGivesTheMemoWithItsFindings() throws Exception {
    String yaml = Files.readString(TestSupport.root().resolve("samples/portal-search.yaml"));
    assertThat(submit(yaml)).isEqualTo("memo");
    String text = eval("document.getElementById('memo').contentDocument.body.innerText").asText();
    assertThat(text).contains("MRFTA-6-1-V2024").contains("Hanbit Portal Corp.");
    JsonNode findings = eval("[...document.getElementById('memo').contentDocument.querySelectorAll('[data-finding]')].map(s => s.dataset.finding)");
    List<String> shown = new ArrayList<>();
    findings.forEach(f -> shown.add(f.asText()));
    assertThat(shown).contains("MRFTA-6-1-V2024|search|presumed", "TBA-22-7|search|meets_criteria");
    assertThat(eval("document.getElementById('errors').hidden").asBoolean()).isTrue();
    assertThat(eval("document.activeElement.id").asText()).as("focus moves to the memo's heading").isEqualTo("result-title");
  }

  @Test
  void aBrokenProfileShowsTheMessageBesideItsLine() throws Exception {
    String yaml = "kdpc: 1\ncompany:\n  name: Broken Co\nservices:\n  - id: s\n    category: video\n    market: { share: 1.5 }\n";
    assertThat(submit(yaml)).isEqualTo("problem");
    String message = eval("document.getElementById('error-message').textContent").asText();
    assertThat(message).startsWith("profile:7:").contains("field 'services[0].market.share'").contains("a share must be a fraction from 0 to 1");
    // the note sits right after line 7 of the listing, which is marked
    JsonNode beside = eval("(() => { const n = document.getElementById('problem-note'); const line = n.previousElementSibling;"
        + " return { line: line.querySelector('.no').textContent, text: line.querySelector('code').textContent, bad: line.classList.contains('bad'),"
        + " note: n.textContent, visible: n.getBoundingClientRect().height > 0 }; })()");
    assertThat(beside.get("line").asText()).isEqualTo("7");
    assertThat(beside.get("text").asText()).isEqualTo("    market: { share: 1.5 }");
    assertThat(beside.get("bad").asBoolean()).isTrue();
    assertThat(beside.get("visible").asBoolean()).isTrue();
    assertThat(beside.get("note").asText()).contains("line 7").contains("services[0].market.share").contains("a share must be a fraction");
    assertThat(eval("document.getElementById('result').hidden").asBoolean()).isTrue();
  }

  @Test
  void everyControlIsLabelledAndReachableByKeyboard() throws Exception {
    JsonNode unlabelled = eval("[...document.querySelectorAll('input, select, textarea, button')]"
        + ".filter(e => e.tagName !== 'BUTTON' ? e.labels.length === 0 : !e.textContent.trim()).map(e => e.id)");
    assertThat(unlabelled).isEmpty();
    eval("document.activeElement.blur(), document.body.focus(), true");
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      for (String type : new String[] {"rawKeyDown", "keyUp"}) {
        command("Input.dispatchKeyEvent", JSON.createObjectNode().put("type", type).put("key", "Tab").put("code", "Tab")
            .put("windowsVirtualKeyCode", 9).put("nativeVirtualKeyCode", 9));
      }
      order.add(eval("document.activeElement.id || document.activeElement.tagName").asText());
    }
    assertThat(order).contains("profile", "file", "as_of", "in-force", "lang", "why_not", "submit");
    assertThat(order.indexOf("profile")).isLessThan(order.indexOf("submit"));
  }

  @Test
  void textContrastIsAtLeast4point5To1() throws Exception {
    JsonNode worst = eval("(() => {"
        + "const rgb = s => s.match(/[\\d.]+/g).map(Number);"
        + "const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
        + "  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
        + "const bg = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0) return c; }"
        + "  return [255, 255, 255]; };"
        + "document.getElementById('errors').hidden = false;"
        + "let worst = { ratio: 99 };"
        + "for (const e of document.querySelectorAll('h1, h2, p, label, legend, code, button, textarea, select, input, span, div.note')) {"
        + "  if (!e.getClientRects().length) continue;"
        + "  const a = lum(rgb(getComputedStyle(e).color)), b = lum(bg(e));"
        + "  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);"
        + "  if (ratio < worst.ratio) worst = { ratio: ratio, element: e.tagName + '#' + e.id + '.' + e.className };"
        + "}"
        + "document.getElementById('errors').hidden = true;"
        + "return worst; })()");
    assertThat(worst.get("ratio").asDouble()).as("lowest contrast: " + worst).isGreaterThanOrEqualTo(4.5);
  }

  @Test
  void thePageLoadsNothingFromElsewhere() throws Exception {
    JsonNode resources = eval("performance.getEntriesByType('resource').map(r => r.name)");
    for (JsonNode r : resources) assertThat(r.asText()).startsWith("http://127.0.0.1:" + api.port() + "/");
  }

}
