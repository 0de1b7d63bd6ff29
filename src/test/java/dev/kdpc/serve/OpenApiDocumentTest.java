package dev.kdpc.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is valid OpenAPI 3.1 for a real validator, and describes every route. */
class OpenApiDocumentTest {
  @Test
  void theDocumentIsValidOpenApi31() throws Exception {
    ObjectNode doc = OpenApi.document(HttpApi.Limits.DEFAULT);
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    try (OpenApiContract c = new OpenApiContract(new ObjectMapper().writeValueAsString(doc))) {
      assertThat(c.contract.operations()).extracting(o -> o.getOperationId())
          .containsExactlyInAnyOrder("check", "validate", "rules", "explainRule", "profileSchema", "reportSchema", "health", "openapi", "reviewPage");
    }
  }

  @Test
  void theValidatorFindsABrokenDocument() throws Exception {
    ObjectNode doc = OpenApi.document(HttpApi.Limits.DEFAULT);
    ((ObjectNode) doc.get("paths").get("/v1/check").get("post")).putArray("responses"); // must be an object
    String text = new ObjectMapper().writeValueAsString(doc);
    assertThatThrownBy(() -> new OpenApiContract(text).close()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid OpenAPI 3.1 document");
  }
}
