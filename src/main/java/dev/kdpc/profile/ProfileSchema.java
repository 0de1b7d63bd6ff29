package dev.kdpc.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** The JSON Schema (draft 2020-12) of the profile format, made from the model itself so the two never drift apart. */
public final class ProfileSchema {
  private ProfileSchema() {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  public static ObjectNode schema() {
    ObjectNode root = object(ProfileDocument.class);
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://kdpc.dev/schema/profile-1.json");
    root.put("title", "kdpc company profile, format version " + ProfileReader.FORMAT_VERSION);
    root.putArray("required").add("kdpc");
    ((ObjectNode) root.get("properties").get("kdpc")).put("const", ProfileReader.FORMAT_VERSION);
    return root;
  }

  private static ObjectNode object(Class<?> type) {
    ObjectNode o = F.objectNode();
    o.put("type", "object");
    o.put("additionalProperties", false);
    ObjectNode props = o.putObject("properties");
    for (RecordComponent c : type.getRecordComponents()) props.set(snake(c.getName()), property(c));
    return o;
  }

  private static ObjectNode property(RecordComponent c) {
    String unit = Units.unitOf(c);
    Units.Word word = c.getAnnotation(Units.Word.class);
    ObjectNode p;
    if (word != null) {
      p = F.objectNode();
      ArrayNode e = p.putArray("enum");
      word.value().words().forEach(e::add);
      e.addNull();
    } else if (List.class.isAssignableFrom(c.getType())) {
      Class<?> el = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
      p = F.objectNode();
      p.putArray("type").add("array").add("null");
      p.set("items", object(el));
    } else if (c.getType().isRecord()) {
      p = object(c.getType());
      p.putArray("type").add("object").add("null");
    } else {
      p = F.objectNode();
      switch (unit) {
        case "share" -> {
          ArrayNode any = p.putArray("oneOf");
          any.addObject().put("type", "number").put("minimum", 0).put("maximum", 1);
          any.addObject().put("type", "string").put("pattern", "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$");
          any.addObject().put("type", "null");
          p.put("description", "a fraction 0..1 or a percent string such as \"57.3%\"");
        }
        case "krw" -> p.put("description", "whole Korean won, not negative").putArray("type").add("integer").add("null");
        case "count" -> p.put("description", "a whole number, not negative").putArray("type").add("integer").add("null");
        case "quantity" -> p.putArray("type").add("number").add("null");
        case "date" -> p.put("format", "date").putArray("type").add("string").add("null");
        case "bool" -> p.putArray("type").add("boolean").add("null");
        default -> p.putArray("type").add(c.getType() == Integer.class ? "integer" : "string").add("null");
      }
      if ("krw".equals(unit) || "count".equals(unit)) p.put("minimum", 0);
    }
    return p;
  }

  private static String snake(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }
}
