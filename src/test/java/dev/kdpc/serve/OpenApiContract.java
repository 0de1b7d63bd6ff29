package dev.kdpc.serve;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The API's OpenAPI document as a contract, checked by Vert.x's OpenAPI validator: loading it validates
 * the document against the official OpenAPI 3.1 schemas (bundled in vertx-openapi), and {@link #check}
 * validates one response (status, Content-Type, body) against the operation it answers.
 */
final class OpenApiContract implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  final OpenAPIContract contract;
  private final ResponseValidator validator;

  OpenApiContract(String document) {
    JsonObject doc = new JsonObject(document);
    this.document = doc;
    problems = validate(doc);
    if (!problems.isEmpty()) throw new IllegalArgumentException("not a valid OpenAPI 3.1 document: " + problems);
    // Vert.x validates request bodies only of a few media types and refuses a contract that names others
    // (application/yaml here); the responses are what this contract checks, so its copy keeps only the
    // JSON request bodies. The document itself was validated whole, above.
    JsonObject copy = doc.copy();
    JsonObject paths = copy.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        JsonObject op = item.getJsonObject(method);
        if (op.containsKey("requestBody")) {
          op.put("requestBody", new JsonObject().put("content", new JsonObject().put("application/json",
              new JsonObject().put("schema", new JsonObject().put("type", "object")))));
        }
      }
    }
    copy.getJsonObject("components").remove("requestBodies");
    // Likewise for responses: Vert.x checks JSON bodies (application/json and any +json); the other media
    // types (text/html, text/markdown, application/xml, text/plain: strings in the document) are checked
    // by check() against the whole document: the operation declares that status with that media type.
    for (JsonObject r : responses(copy)) {
      JsonObject content = r.getJsonObject("content");
      if (content == null) continue;
      for (String type : java.util.List.copyOf(content.fieldNames())) if (!vertxChecks(type)) content.remove(type);
      if (content.isEmpty()) r.remove("content");
    }
    // Vert.x resolves a $ref against the document, not against an embedded schema's own $id as JSON Schema
    // 2020-12 says (the Report schema keeps its $id and its "#/$defs/..." references): in its copy, those
    // references are written out from the document's root.
    JsonObject schemas = copy.getJsonObject("components").getJsonObject("schemas");
    for (String name : schemas.fieldNames()) {
      schemas.getJsonObject(name).remove("$id");
      rebase(schemas.getJsonObject(name), "#/components/schemas/" + name + "/$defs/");
    }
    contract = await(OpenAPIContract.from(vertx, copy));
    validator = ResponseValidator.create(vertx, contract);
  }

  private final JsonObject document;

  private static void rebase(Object node, String prefix) {
    if (node instanceof JsonObject o) {
      for (String k : o.fieldNames()) {
        Object v = o.getValue(k);
        if (k.equals("$ref") && v instanceof String r && r.startsWith("#/$defs/")) o.put(k, prefix + r.substring("#/$defs/".length()));
        else rebase(v, prefix);
      }
    } else if (node instanceof io.vertx.core.json.JsonArray a) {
      for (Object v : a) rebase(v, prefix);
    }
  }

  static boolean vertxChecks(String mediaType) {
    String base = mediaType.split(";")[0].strip();
    return base.equals(MediaType.APPLICATION_JSON) || MediaType.isVendorSpecificJson(base);
  }

  /** Every response object of the document (those in components and those written in place). */
  private static java.util.List<JsonObject> responses(JsonObject doc) {
    java.util.List<JsonObject> out = new java.util.ArrayList<>();
    JsonObject shared = doc.getJsonObject("components").getJsonObject("responses");
    if (shared != null) for (String n : shared.fieldNames()) out.add(shared.getJsonObject(n));
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        JsonObject rs = paths.getJsonObject(path).getJsonObject(method).getJsonObject("responses");
        for (String status : rs.fieldNames()) if (!rs.getJsonObject(status).containsKey("$ref")) out.add(rs.getJsonObject(status));
      }
    }
    return out;
  }

  /** The media types the document declares for {@code status} of the operation at {@code path} (a template) and {@code method}. */
  java.util.Set<String> declared(String template, String method, int status) {
    JsonObject op = document.getJsonObject("paths").getJsonObject(template).getJsonObject(method.toLowerCase(java.util.Locale.ROOT));
    JsonObject r = op.getJsonObject("responses").getJsonObject(Integer.toString(status));
    if (r == null) return java.util.Set.of();
    if (r.containsKey("$ref")) {
      String name = r.getString("$ref").substring("#/components/responses/".length());
      r = document.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
    }
    return r.getJsonObject("content") == null ? java.util.Set.of() : r.getJsonObject("content").fieldNames();
  }

  /** What the validator finds wrong in the document against the official OpenAPI 3.1 schemas (none: empty). */
  final java.util.List<String> problems;

  private java.util.List<String> validate(JsonObject doc) {
    OpenAPIVersion v = OpenAPIVersion.fromContract(doc);
    if (v == null) return java.util.List.of("no OpenAPI version it knows: " + doc.getValue("openapi"));
    SchemaRepository repo = await(v.getRepository(vertx, "https://kdpc.dev/openapi.json"));
    OutputUnit out = await(v.validateContract(vertx, repo, doc));
    if (Boolean.TRUE.equals(out.getValid())) return java.util.List.of();
    java.util.List<String> errors = new java.util.ArrayList<>();
    if (out.getErrors() != null) for (OutputUnit e : out.getErrors()) errors.add(e.getInstanceLocation() + ": " + e.getError());
    if (errors.isEmpty()) errors.add(String.valueOf(out.getError()));
    return errors;
  }

  /** Validates a response to {@code method} {@code uri} against the document; throws with the validator's message when it does not. */
  void check(String method, URI uri, int status, String contentType, byte[] body) {
    Operation op = contract.findOperation(uri.getPath(), HttpMethod.valueOf(method));
    if (op == null) throw new AssertionError("the document has no operation for " + method + " " + uri.getPath());
    String base = contentType.split(";")[0].strip();
    java.util.Set<String> types = declared(op.getOpenAPIPath(), method, status);
    if (!types.contains(base)) {
      throw new AssertionError(method + " " + uri + ": the document declares no " + base + " response " + status + " (it declares " + types + ")");
    }
    if (!vertxChecks(base)) return; // a string in the document: declared is all there is to check
    ValidatableResponse r = ValidatableResponse.create(status, Map.of("Content-Type", contentType), Buffer.buffer(body), contentType);
    try {
      await(validator.validate(r, op.getOperationId()));
    } catch (RuntimeException e) {
      throw new AssertionError(method + " " + uri + " -> " + status + " " + contentType + ": " + e.getMessage() + "\n"
          + new String(body, 0, Math.min(body.length, 2000), java.nio.charset.StandardCharsets.UTF_8), e);
    }
  }

  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
