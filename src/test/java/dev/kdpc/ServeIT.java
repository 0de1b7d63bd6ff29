package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code kdpc serve} from the packaged jar, as an operator runs it: the listening line, the same report as {@code check}, SIGTERM. */
class ServeIT {
  private static final Path JAR = Path.of(System.getProperty("kdpc.jar", "target/kdpc.jar"));
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  private static Process start(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString(), "serve"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ERR.toFile()).start();
  }

  private static final Path ERR;

  static {
    try {
      ERR = Files.createTempFile("kdpc-serve-it", ".err");
      ERR.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** SIGTERM, as a service manager sends it (Process.destroy would also close our ends of its pipes). */
  private static void sigterm(Process p) throws IOException, InterruptedException {
    assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor()).isZero();
  }

  @Test
  void servesTheSameReportAsCheckAndStopsGracefullyOnSigterm() throws Exception {
    Process server = start("--port", "0");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("the first line on standard output").isNotNull().matches(LISTENING.pattern());
      Matcher m = LISTENING.matcher(line);
      assertThat(m.matches()).isTrue();
      int port = Integer.parseInt(m.group(1));
      assertThat(port).isPositive();

      Path sample = Path.of("samples/portal-search.yaml").toAbsolutePath();
      Process check = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "check", "--format", "json", "--as-of", "2026-06-30", sample.toString()).start();
      byte[] expected = check.getInputStream().readAllBytes();
      assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
      HttpResponse<byte[]> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/v1/check?as_of=2026-06-30&name=" + java.net.URLEncoder.encode(sample.toString(), StandardCharsets.UTF_8)))
          .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofFile(sample)).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));

      // SIGTERM while a request is in flight (half its body sent): it still gets its whole answer
      byte[] body = Files.readAllBytes(sample);
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(30_000);
        OutputStream o = s.getOutputStream();
        o.write(("POST /v1/check?as_of=2026-06-30 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        o.write(body, 0, body.length / 2);
        o.flush();
        Thread.sleep(300);
        sigterm(server);
        Thread.sleep(700);
        assertThat(server.isAlive()).as("the server waits for the request in flight").isTrue();
        o.write(body, body.length / 2, body.length - body.length / 2);
        o.flush();
        String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 200").contains("MRFTA-6-1-V2024").endsWith("}\n");
      }
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server exits after SIGTERM").isTrue();
      String err = Files.readString(ERR);
      assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void aPortInUseIsAnInputErrorInOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Process p = start("--port", Integer.toString(taken.getLocalPort()));
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String err = Files.readString(ERR);
      assertThat(p.exitValue()).isEqualTo(2);
      assertThat(err).startsWith("kdpc: error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ").doesNotContain("\tat ");
      assertThat(err.strip().lines().count()).isEqualTo(1);
    }
    Process p = start("--port", "65536");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(ERR);
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(err.strip()).isEqualTo("kdpc: error: --port 65536 is out of range: give 0 to 65535");
  }
}
