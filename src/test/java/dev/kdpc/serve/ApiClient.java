package dev.kdpc.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client of a running {@link HttpApi} for tests: every response it gets is checked against the
 * OpenAPI document ({@link OpenApiContract}), and a problem+json answer against RFC 9457's shape.
 */
final class ApiClient implements AutoCloseable {
  final HttpApi api;
  final OpenApiContract contract;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ApiClient(HttpApi api) throws IOException {
    this.api = api;
    this.contract = new OpenApiContract(new ObjectMapper().writeValueAsString(OpenApi.document(HttpApi.Limits.DEFAULT)));
  }

  /** One response: status, Content-Type, body, and the headers. */
  record Reply(int status, String type, byte[] body, java.net.http.HttpHeaders headers) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text(), e);
      }
    }

    /** The problem's detail, after checking the answer is problem+json with this status. */
    String problem(int expected) {
      assertThat(status).as(text()).isEqualTo(expected);
      assertThat(type).isEqualTo("application/problem+json");
      JsonNode p = json();
      assertThat(p.get("status").asInt()).isEqualTo(expected);
      assertThat(p.get("type").asText()).isNotEmpty();
      assertThat(p.get("title").asText()).isNotEmpty();
      assertThat(text()).doesNotContain("\tat ").doesNotContain("Exception");
      return p.path("detail").asText();
    }
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + api.port() + pathAndQuery);
  }

  Reply get(String pathAndQuery, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send("GET", b.build());
  }

  Reply post(String pathAndQuery, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) b.header("Content-Type", contentType);
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send("POST", b.build());
  }

  Reply post(String pathAndQuery, String contentType, String body, String... headers) {
    return post(pathAndQuery, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  Reply method(String method, String pathAndQuery) {
    return send(method, HttpRequest.newBuilder(uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  Reply send(String method, HttpRequest request) {
    HttpResponse<byte[]> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(method + " " + request.uri() + ": " + e, e);
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    Reply reply = new Reply(r.statusCode(), type, r.body(), r.headers());
    if (contract.contract.findOperation(request.uri().getPath(), io.vertx.core.http.HttpMethod.valueOf(method)) != null) {
      contract.check(method, request.uri(), reply.status, type, reply.body);
    }
    return reply;
  }

  /** Sends {@code raw} bytes as they are over a new connection and returns everything the server sends back until it closes or 5 s pass. */
  String raw(String raw) throws IOException {
    try (Socket s = new Socket("127.0.0.1", api.port())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          got.write(buf, 0, n);
          if (complete(got.toString(StandardCharsets.ISO_8859_1))) break;
        }
      } catch (java.net.SocketTimeoutException e) {
        // what came so far
      }
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  private static boolean complete(String response) {
    int end = response.indexOf("\r\n\r\n");
    if (end < 0) return false;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(response.substring(0, end));
    return m.find() && response.length() - end - 4 >= Integer.parseInt(m.group(1));
  }

  @Override
  public void close() {
    contract.close();
  }
}
