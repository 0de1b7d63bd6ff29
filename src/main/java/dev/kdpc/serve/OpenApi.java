package dev.kdpc.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdpc.Version;
import dev.kdpc.profile.ProfileSchema;
import dev.kdpc.report.ReportSchema;
import java.io.IOException;
import java.io.InputStream;

/**
 * The OpenAPI 3.1 document of the API ({@code GET /openapi.json}): written by hand in
 * {@code openapi.json} beside this class, with the profile's and the report's JSON Schemas (draft
 * 2020-12, OpenAPI 3.1's own dialect) put in as {@code components.schemas.Profile} and {@code Report},
 * each with its {@code $id}, so the document is whole and never drifts from them.
 */
public final class OpenApi {
  private OpenApi() {}

  /** The document, with the body limit of {@code limits} in its text. */
  public static ObjectNode document(HttpApi.Limits limits) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ObjectNode doc;
    try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
      if (in == null) throw new IOException("missing resource openapi.json");
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      doc = (ObjectNode) m.readTree(text.replace("{maxBody}", Integer.toString(limits.maxBody())));
    }
    ((ObjectNode) doc.get("info")).put("version", Version.number());
    ObjectNode schemas = (ObjectNode) doc.get("components").get("schemas");
    schemas.set("Profile", ProfileSchema.schema());
    schemas.set("Report", m.readTree(ReportSchema.text()));
    return doc;
  }
}
