package dev.kdpc.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdpc.Checker;
import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.Review;
import dev.kdpc.Scenario;
import dev.kdpc.Version;
import dev.kdpc.profile.ParsedProfile;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.profile.ProfileSchema;
import dev.kdpc.profile.SourceLocation;
import dev.kdpc.render.RenderOptions;
import dev.kdpc.render.Renderer;
import dev.kdpc.render.Renderers;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.ReportSchema;
import dev.kdpc.rules.CatalogueJson;
import dev.kdpc.rules.RegimeInfo;
import dev.kdpc.rules.RuleInfo;
import dev.kdpc.rules.TimeLimitException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** The routes of {@link HttpApi}. Blocking: each request is served on a thread of Jetty's pool. */
final class Api extends Handler.Abstract {
  /** The report formats by the media type that asks for them in {@code Accept}, first the default. */
  static final Map<String, String> FORMATS = new LinkedHashMap<>();

  static {
    FORMATS.put("application/json", "json");
    FORMATS.put("text/html", "html");
    FORMATS.put("text/markdown", "markdown");
    FORMATS.put("application/sarif+json", "sarif");
    FORMATS.put("application/xml", "junit");
    FORMATS.put("text/plain", "text");
  }

  /** Query parameters of {@code POST /v1/check}; {@code set} may be repeated. */
  static final Set<String> CHECK_PARAMS = Set.of("as_of", "scenario", "regimes", "lang", "why_not", "set", "name", "format");
  static final int MAX_SETS = 100;
  static final int MAX_NAME = 200;
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory STRICT_JSON = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(ProfileReader.MAX_DEPTH + 2)
          .maxStringLength(ProfileReader.MAX_STRING).maxNumberLength(ProfileReader.MAX_NUMBER).build())
      .build();

  private final Checker checker;
  private final HttpApi.Limits limits;
  private final Semaphore evaluations;
  private final ProfileReader reader = new ProfileReader();
  private final byte[] openApi;
  private final byte[] page;
  private final byte[] profileSchema;
  private final byte[] reportSchema;
  private final byte[] health;

  Api(Checker checker, HttpApi.Limits limits) throws IOException {
    super(InvocationType.BLOCKING);
    this.checker = checker;
    this.limits = limits;
    this.evaluations = new Semaphore(limits.maxConcurrent());
    this.openApi = json(OpenApi.document(limits));
    this.page = resource("index.html");
    this.profileSchema = pretty(ProfileSchema.schema());
    this.reportSchema = ReportSchema.text().getBytes(StandardCharsets.UTF_8);
    ObjectNode h = MAPPER.createObjectNode();
    h.put("status", "ok");
    h.put("tool", Version.tool());
    h.put("rules_digest", checker.catalogue().digest());
    this.health = json(h);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    try {
      route(request, response, callback);
    } catch (Problem p) {
      send(response, callback, p);
    } catch (RuntimeException | Error e) { // a bug: one line to the client, never a stack trace; the operator gets it on stderr
      System.err.println("kdpc serve: internal error on " + request.getMethod() + " " + Request.getPathInContext(request) + ": " + e);
      if (Boolean.getBoolean("kdpc.debug")) e.printStackTrace();
      send(response, callback, Problem.http(500, "internal error (please report it); the server's standard error has the details"));
    }
    return true;
  }

  private void route(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    boolean get = method.equals("GET") || method.equals("HEAD");
    switch (path) {
      case "/" -> {
        allow(get, "GET, HEAD");
        response.getHeaders().put("Content-Security-Policy", PAGE_POLICY);
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("X-Frame-Options", "DENY");
        ok(response, callback, "text/html;charset=utf-8", page);
      }
      case "/healthz" -> {
        allow(get, "GET, HEAD");
        ok(response, callback, "application/json", health);
      }
      case "/openapi.json" -> {
        allow(get, "GET, HEAD");
        ok(response, callback, "application/json", openApi);
      }
      case "/v1/schema" -> {
        allow(get, "GET, HEAD");
        ok(response, callback, "application/schema+json", profileSchema);
      }
      case "/v1/schema/report" -> {
        allow(get, "GET, HEAD");
        ok(response, callback, "application/schema+json", reportSchema);
      }
      case "/v1/rules" -> {
        allow(get, "GET, HEAD");
        Fields q = query(request, Set.of("as_of"));
        ok(response, callback, "application/json", pretty(CatalogueJson.catalogue(checker.catalogue(), asOf(q))));
      }
      case "/v1/check" -> {
        allow(method.equals("POST"), "POST");
        check(request, response, callback);
      }
      case "/v1/validate" -> {
        allow(method.equals("POST"), "POST");
        validate(request, response, callback);
      }
      default -> {
        if (path.startsWith("/v1/rules/")) {
          allow(get, "GET, HEAD");
          rule(path.substring("/v1/rules/".length()), request, response, callback);
        } else {
          throw Problem.http(404, "no such resource; GET /openapi.json describes the API");
        }
      }
    }
  }

  /** The page's policy: nothing from elsewhere; its own inline script and style; the memo in a sandboxed frame. */
  static final String PAGE_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self';"
      + " frame-src 'self' about:; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

  private static void allow(boolean allowed, String methods) {
    if (!allowed) {
      Problem p = Problem.http(405, "use " + methods);
      p.extra.put("allow", methods);
      throw p;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // POST /v1/check and /v1/validate

  private void check(Request request, Response response, Callback callback) {
    Fields q = query(request, CHECK_PARAMS);
    String format = format(request, q);
    Options options = new Options(asOf(q), scenario(q), regimes(q));
    RenderOptions render = lang(q);
    boolean whyNot = bool(q, "why_not");
    Map<String, String> set = sets(q);
    String name = name(q);
    ParsedProfile parsed = parse(request, name);
    bind(parsed); // 422 before the evaluation slot is taken
    Renderer renderer = Renderers.byName(format).orElseThrow();
    if (!evaluations.tryAcquire()) throw busy();
    byte[] body;
    try {
      ProfileReport part;
      try {
        part = new Review(checker).evaluate(parsed::with, options, set, whyNot);
      } catch (ProfileException e) { // a --set path the profile cannot take
        throw Problem.profile(e, false);
      } catch (TimeLimitException e) {
        Problem p = new Problem(503, Problem.BASE + "time-limit", "The evaluation was stopped at its time limit", e.getMessage());
        throw p;
      } catch (InputException e) {
        throw Problem.parameter(e.getMessage());
      }
      Report report = checker.report(options, List.of(part));
      ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
      renderer.renderUtf8(report, out, render);
      body = out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      evaluations.release();
    }
    ok(response, callback, mediaType(format), body);
  }

  private void validate(Request request, Response response, Callback callback) {
    Fields q = query(request, Set.of("name"));
    ParsedProfile parsed = parse(request, name(q));
    Profile p = bind(parsed);
    ObjectNode o = MAPPER.createObjectNode();
    o.put("valid", true);
    o.put("source", p.source());
    o.put("input_sha256", p.inputSha256());
    o.put("company", p.displayName());
    o.put("services", p.services().size());
    ok(response, callback, "application/json", json(o));
  }

  private static Problem busy() {
    Problem p = new Problem(503, Problem.BASE + "busy", "Too many evaluations at once",
        "the server is evaluating as many profiles as it may at once; retry in a moment");
    p.extra.put("retry_after", 1);
    return p;
  }

  /** Reads the body as a profile, YAML or JSON by its Content-Type; 413 over the limit, 415, 400 for a bad one. */
  private ParsedProfile parse(Request request, String name) {
    boolean json;
    try {
      json = contentType(request);
    } catch (Problem p) {
      discardUnread(request);
      throw p;
    }
    byte[] bytes = body(request);
    if (json) strictJson(name, bytes);
    try {
      return reader.parse(name, bytes);
    } catch (ProfileException e) {
      throw Problem.profile(e, true);
    }
  }

  private static Profile bind(ParsedProfile parsed) {
    try {
      return parsed.profile();
    } catch (ProfileException e) {
      throw Problem.profile(e, false);
    }
  }

  /** Whether the body is JSON (else YAML); 415 for anything else, or a charset other than UTF-8. */
  static boolean contentType(Request request) {
    String ct = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (ct == null) throw unsupported("no Content-Type");
    String[] parts = ct.split(";");
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      if (kv[0].strip().equalsIgnoreCase("charset")) {
        String cs = kv.length > 1 ? kv[1].strip().replace("\"", "") : "";
        if (!cs.equalsIgnoreCase("utf-8")) throw unsupported("charset '" + cs + "': profiles are UTF-8");
      }
    }
    return switch (type) {
      case "application/json" -> true;
      case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> false;
      default -> throw unsupported("Content-Type '" + type + "'");
    };
  }

  private static Problem unsupported(String what) {
    Problem p = Problem.http(415, what + "; send the profile as application/yaml or application/json (UTF-8)");
    p.extra.put("accept", "application/yaml, application/json");
    return p;
  }

  /** The body, at most {@link HttpApi.Limits#maxBody} bytes: 413 from a larger Content-Length unread, or once the limit is passed. */
  private byte[] body(Request request) {
    long declared = request.getLength();
    if (declared > limits.maxBody()) {
      discardUnread(request);
      throw tooLarge(declared + " bytes");
    }
    try (InputStream in = Request.asInputStream(request)) {
      byte[] bytes = in.readNBytes(limits.maxBody() + 1);
      if (bytes.length > limits.maxBody()) throw tooLarge("more than " + limits.maxBody() + " bytes");
      return bytes;
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.util.concurrent.TimeoutException) {
          throw Problem.http(408, "the request body stopped arriving: nothing came for " + limits.idleTimeout().toMillis() + " ms");
        }
      }
      throw Problem.http(400, "the request body could not be read: the connection failed");
    }
  }

  /**
   * Reads and drops a body the answer will not use (a 415, a 413 from its Content-Length), up to four
   * times the body limit, so that the client has sent it before the answer closes the connection:
   * closing with request bytes unread resets the connection, and the client can lose the answer
   * ("header parser received no bytes" in HttpApiTest). A body declared larger is left unread (the client
   * may then see the reset); one that stops arriving ends at the idle timeout.
   */
  private void discardUnread(Request request) {
    long bound = 4L * limits.maxBody();
    if (request.getLength() > bound) return;
    try (InputStream in = Request.asInputStream(request)) {
      byte[] buffer = new byte[16 * 1024];
      long read = 0;
      for (int n; read <= bound && (n = in.read(buffer)) >= 0; ) read += n;
    } catch (IOException e) {
      // the answer goes out anyway
    }
  }

  private Problem tooLarge(String what) {
    Problem p = Problem.http(413, "the body is " + what + "; the limit is " + limits.maxBody() + " bytes");
    p.extra.put("limit", limits.maxBody());
    return p;
  }

  /** JSON must be JSON (duplicate keys refused): the YAML reader would take more. Positions as the reader gives them. */
  private static void strictJson(String name, byte[] bytes) {
    try (JsonParser p = STRICT_JSON.createParser(bytes)) {
      while (p.nextToken() != null) {
        // reads every token: a syntax error or a duplicate key throws
      }
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      SourceLocation at = loc == null || loc.getLineNr() < 1 ? null : new SourceLocation(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
      throw Problem.profile(new ProfileException(name, at, null, "not valid JSON: " + e.getOriginalMessage()), true);
    } catch (IOException e) {
      throw Problem.http(400, "the request body could not be read");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Query parameters: only those named, each once (but set), UTF-8

  private static Fields query(Request request, Set<String> allowed) {
    Fields q;
    try {
      q = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      throw Problem.parameter("the query string is not valid (percent-encoded UTF-8 expected)");
    }
    for (Fields.Field f : q) {
      if (!allowed.contains(f.getName())) {
        throw Problem.parameter("unknown query parameter '" + shown(f.getName()) + "'"
            + (allowed.isEmpty() ? "; this resource takes none" : "; use " + String.join(", ", allowed.stream().sorted().toList())));
      }
      if (!f.getName().equals("set") && f.getValues().size() > 1) throw Problem.parameter("query parameter '" + f.getName() + "' given twice");
    }
    return q;
  }

  private static String shown(String s) {
    String t = dev.kdpc.report.Printable.text(s);
    return t.length() > 80 ? t.substring(0, 80) + "..." : t;
  }

  static LocalDate asOf(Fields q) {
    String text = q.getValue("as_of");
    if (text == null) return LocalDate.now(ZoneId.of("Asia/Seoul"));
    LocalDate d;
    try {
      d = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Problem.parameter("as_of '" + shown(text) + "' is not a date written YYYY-MM-DD");
    }
    if (d.getYear() < ProfileReader.MIN_YEAR || d.getYear() > ProfileReader.MAX_YEAR) {
      throw Problem.parameter("as_of " + text + " is out of range: give a date from " + ProfileReader.MIN_YEAR + " to " + ProfileReader.MAX_YEAR);
    }
    return d;
  }

  private static Scenario scenario(Fields q) {
    String s = q.getValue("scenario");
    if (s == null) return Scenario.IN_FORCE;
    try {
      return Scenario.parse(s);
    } catch (InputException e) {
      throw Problem.parameter("unknown scenario '" + shown(s) + "'; use in-force or with-proposals");
    }
  }

  private List<String> regimes(Fields q) {
    String s = q.getValue("regimes");
    List<String> ids = new ArrayList<>();
    if (s == null) return ids;
    String[] given = s.split(",", -1);
    for (String id : given) {
      if (id.isBlank()) throw Problem.parameter("regimes '" + shown(s) + "' holds an empty regime id; give ids separated by commas");
    }
    for (String id : given) {
      String r = id.strip();
      if (checker.catalogue().regime(r).isEmpty()) {
        throw Problem.parameter("unknown regime '" + shown(r) + "'; known regimes: "
            + String.join(", ", checker.catalogue().regimes().stream().map(RegimeInfo::id).toList()));
      }
      ids.add(r);
    }
    return ids;
  }

  private static RenderOptions lang(Fields q) {
    String s = q.getValue("lang");
    if (s == null) return RenderOptions.DEFAULT;
    if (!RenderOptions.LANGUAGES.contains(s)) throw Problem.parameter("unknown lang '" + shown(s) + "'; use en or ko");
    return new RenderOptions(s);
  }

  private static boolean bool(Fields q, String name) {
    String s = q.getValue(name);
    if (s == null) return false;
    return switch (s) {
      case "true" -> true;
      case "false" -> false;
      default -> throw Problem.parameter(name + " '" + shown(s) + "' must be true or false");
    };
  }

  private static Map<String, String> sets(Fields q) {
    Map<String, String> set = new LinkedHashMap<>();
    List<String> given = q.getValues("set");
    if (given == null) return set;
    if (given.size() > MAX_SETS) throw Problem.parameter("at most " + MAX_SETS + " set parameters");
    for (String s : given) {
      int eq = s.indexOf('=');
      if (eq <= 0 || eq == s.length() - 1) throw Problem.parameter("set '" + shown(s) + "': give PATH=VALUE, e.g. set=services.search.market.share%3D0.61");
      set.put(s.substring(0, eq), s.substring(eq + 1));
    }
    return set;
  }

  /** The profile's name in the report and messages (as a file name in {@code kdpc check}); default {@code profile}. */
  private static String name(Fields q) {
    String s = q.getValue("name");
    if (s == null) return "profile";
    if (s.isEmpty() || s.length() > MAX_NAME) throw Problem.parameter("name must be 1 to " + MAX_NAME + " characters");
    return s;
  }

  /** The report format: the {@code format} parameter, else the first acceptable media type of {@code Accept}; 406 when none is. */
  static String format(Request request, Fields q) {
    String f = q.getValue("format");
    if (f != null) {
      if (!FORMATS.containsValue(f)) throw Problem.parameter("unknown format '" + shown(f) + "'; use " + String.join(", ", FORMATS.values()));
      return f;
    }
    List<String> accept = request.getHeaders().getValuesList(HttpHeader.ACCEPT);
    if (accept.isEmpty()) return "json";
    QuotedQualityCSV csv = new QuotedQualityCSV();
    for (String a : accept) csv.addValue(a);
    for (String v : csv.getValues()) {
      String type = v.split(";")[0].strip().toLowerCase(Locale.ROOT);
      if (type.equals("*/*") || type.equals("application/*")) return "json";
      if (FORMATS.containsKey(type)) return FORMATS.get(type);
      if (type.equals("text/*")) return "html";
    }
    Problem p = Problem.http(406, "none of the accepted media types is a report format; use " + String.join(", ", FORMATS.keySet()));
    throw p;
  }

  static String mediaType(String format) {
    for (Map.Entry<String, String> e : FORMATS.entrySet()) {
      if (e.getValue().equals(format)) return e.getKey().startsWith("text/") || e.getKey().endsWith("xml") ? e.getKey() + ";charset=utf-8" : e.getKey();
    }
    throw new IllegalArgumentException(format);
  }

  // ---------------------------------------------------------------------------------------------
  // GET /v1/rules/{id}

  private void rule(String id, Request request, Response response, Callback callback) {
    Fields q = query(request, Set.of("as_of"));
    if (!RULE_ID.matcher(id).matches()) throw Problem.http(404, "no rule with that id; GET /v1/rules lists them");
    RuleInfo info = checker.catalogue().rule(id).orElseThrow(() -> Problem.http(404, "unknown rule '" + id + "'; GET /v1/rules lists them"));
    LocalDate date = asOf(q);
    ObjectNode o = CatalogueJson.rule(info);
    RegimeInfo r = checker.catalogue().regime(info.regime()).orElseThrow();
    o.put("as_of", date.toString());
    o.put("regime_status", CatalogueJson.status(r, date));
    o.put("evaluated_in_force", checker.evaluates(info.id(), Options.inForce(date)));
    o.put("evaluated_with_proposals", checker.evaluates(info.id(), Options.withProposals(date)));
    ok(response, callback, "application/json", pretty(o));
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  private static void ok(Response response, Callback callback, String type, byte[] body) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  static void send(Response response, Callback callback, Problem p) {
    byte[] body = json(p.body());
    response.setStatus(p.status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    // A problem is often answered before the request's body was read (415, 413, a bad query): close the
    // connection, so a client reusing it never has its next request read after an unread body, or sent
    // on a connection the server is closing (seen as "header parser received no bytes" in HttpApiTest).
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    if (p.extra.has("allow")) response.getHeaders().put(HttpHeader.ALLOW, p.extra.get("allow").asText());
    if (p.extra.has("retry_after")) response.getHeaders().put(HttpHeader.RETRY_AFTER, p.extra.get("retry_after").asText());
    if (p.extra.has("accept")) response.getHeaders().put("Accept-Post", p.extra.get("accept").asText());
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  static byte[] json(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] pretty(JsonNode n) {
    try {
      return (MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = Api.class.getResourceAsStream(name)) {
      if (in == null) throw new IOException("missing resource " + name);
      return in.readAllBytes();
    }
  }
}
