package dev.kdpc.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdpc.Checker;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's limits: evaluations at once (503 busy, with Retry-After), the evaluation time limit (503
 * time-limit), connections that send too slowly (cut off at the idle timeout), and a stop that lets the
 * requests in flight finish. A trusted rules folder whose TBA-22-7 sleeps for a service named "loop"
 * holds evaluations open (the same device as TimeLimitTest).
 */
class HttpApiLimitsTest {
  @TempDir static Path tmp;
  static Checker sleepy;
  static final String LOOP = "kdpc: 1\ncompany: { name: Busy Co, headquarters: US }\nservices:\n"
      + "  - { id: loop, category: video, users: { daily_average_kr: 2000000 }, traffic_share_kr: 0.02 }\n";
  static final String CALM = LOOP.replace("id: loop", "id: calm").replace("Busy Co", "Calm Co");

  @BeforeAll
  static void rules() throws IOException {
    Path dir = TestSupport.rulesWithTba227Prefixed(tmp.resolve("sleepy"),
        "if ($s.getId().equals(\"loop\")) { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }");
    sleepy = Checker.withTrustedRules(dir).withTimeLimit(Duration.ofSeconds(3));
    sleepy.check(TestSupport.profile("warm.yaml", CALM), dev.kdpc.Options.inForce(java.time.LocalDate.of(2026, 6, 30))); // loads the rules' classes
  }


  static HttpApi start(Checker checker, int maxConcurrent, Duration idle, Duration stop) throws Exception {
    HttpApi.Limits d = HttpApi.Limits.DEFAULT;
    return HttpApi.start(checker, new HttpApi.Limits(d.maxBody(), maxConcurrent, idle, d.minDataRate(), stop), "127.0.0.1", 0);
  }

  @Test
  void evaluationsBeyondTheCapAre503WithRetryAfterAndOneStoppedAtItsLimitIs503Too() throws Exception {
    try (HttpApi api = start(sleepy, 2, Duration.ofSeconds(30), Duration.ofSeconds(15)); ApiClient c = new ApiClient(api)) {
      // two evaluations at once: the cap; both are held by the sleeping rule until the 3 s time limit
      CompletableFuture<ApiClient.Reply> a = CompletableFuture.supplyAsync(() -> c.post("/v1/check?as_of=2026-06-30", "application/yaml", LOOP));
      CompletableFuture<ApiClient.Reply> b = CompletableFuture.supplyAsync(() -> c.post("/v1/check?as_of=2026-06-30", "application/yaml", LOOP));
      Thread.sleep(1500);
      assertThat(a).isNotDone();
      assertThat(b).isNotDone();
      // a third while they run: refused at once, without waiting
      long t0 = System.nanoTime();
      ApiClient.Reply busy = c.post("/v1/check?as_of=2026-06-30", "application/yaml", CALM);
      assertThat(busy.problem(503)).contains("retry in a moment");
      assertThat(busy.json().get("type").asText()).isEqualTo("https://kdpc.dev/problems/busy");
      assertThat(busy.headers().firstValue("Retry-After")).contains("1");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
      // validation does not evaluate: not counted
      assertThat(c.post("/v1/validate", "application/yaml", CALM).status()).isEqualTo(200);
      for (ApiClient.Reply r : new ApiClient.Reply[] {a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS)}) {
        assertThat(r.problem(503)).contains("evaluation stopped after 3 s in rule 'TBA-22-7'");
        assertThat(r.json().get("type").asText()).isEqualTo("https://kdpc.dev/problems/time-limit");
      }
      // the slots are free again: one below the cap goes through
      assertThat(c.post("/v1/check?as_of=2026-06-30", "application/yaml", CALM).status()).isEqualTo(200);
    }
  }

  @Test
  void aConnectionThatSendsNothingMoreIsCutOffAtTheIdleTimeout() throws Exception {
    try (HttpApi api = start(TestSupport.checker(), 4, Duration.ofMillis(500), Duration.ofSeconds(5))) {
      for (String partial : new String[] {
          "", // connects and says nothing
          "POST /v1/check HTTP/1.1\r\nHost: localhost\r\n", // headers never finished (slowloris)
          "POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\nContent-Length: 100\r\n\r\nkdpc: 1\n"}) { // body stalls
        try (Socket s = new Socket("127.0.0.1", api.port())) {
          s.setSoTimeout(10_000);
          s.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
          long t0 = System.nanoTime();
          byte[] got = s.getInputStream().readAllBytes(); // until the server closes
          Duration took = Duration.ofNanos(System.nanoTime() - t0);
          assertThat(took).as("closed after %s", took).isLessThan(Duration.ofSeconds(5));
          String answer = new String(got, StandardCharsets.UTF_8);
          if (partial.contains("Content-Length")) {
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("the request body stopped arriving");
          } else if (!answer.isEmpty()) {
            assertThat(answer).startsWith("HTTP/1.1 4").doesNotContain("Exception");
          }
        }
      }
    }
  }

  @Test
  void aStopLetsTheRequestInFlightFinishAndRefusesNewConnections() throws Exception {
    HttpApi api = start(TestSupport.checker(), 4, Duration.ofSeconds(30), Duration.ofSeconds(20));
    int port = api.port();
    byte[] body = Files.readAllBytes(TestSupport.root().resolve("samples/portal-search.yaml"));
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /v1/check?as_of=2026-06-30 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\nContent-Length: " + body.length
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
      Thread.sleep(300); // the request is in the handler, reading its body
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
        try {
          api.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(500);
      assertThat(stopping).as("the stop waits for the request in flight").isNotDone();
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("no new connection").isInstanceOf(ConnectException.class);
      out.write(body, body.length / 2, body.length - body.length / 2);
      out.flush();
      InputStream in = s.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 200").contains("\"kdpc_report\"").contains("MRFTA-6-1-V2024").endsWith("}\n");
      stopping.get(30, TimeUnit.SECONDS);
    }
  }
}
