package dev.kdpc.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * What-if changes applied to a profile's tree before it is bound: each maps a fact path
 * ({@code services.search.market.share}, {@code company.korean_office}) to a YAML scalar.
 */
final class Overrides {
  private Overrides() {}

  static void apply(String name, ObjectNode root, Map<String, String> overrides, ProfileReader reader) {
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      String path = e.getKey();
      JsonNode value = scalar(name, path, e.getValue(), reader);
      String[] parts = path.split("\\.");
      if (parts.length < 2) throw bad(name, path, "a path names a section and a key, e.g. company.korean_office");
      ObjectNode node;
      int from;
      if (parts[0].equals("services")) {
        if (parts.length < 3) throw bad(name, path, "a service path reads services.<id>.<key>, e.g. services.search.market.share");
        node = serviceNode(name, root, parts[1], path);
        from = 2;
      } else {
        node = root;
        from = 0;
      }
      for (int i = from; i < parts.length - 1; i++) {
        JsonNode child = node.get(parts[i]);
        if (child == null || child.isNull()) {
          child = node.putObject(parts[i]);
        } else if (!child.isObject()) {
          throw bad(name, path, "'" + parts[i] + "' is not a mapping in this profile");
        }
        node = (ObjectNode) child;
      }
      node.set(parts[parts.length - 1], value);
    }
  }

  private static ObjectNode serviceNode(String name, ObjectNode root, String id, String path) {
    JsonNode services = root.get("services");
    if (services instanceof ArrayNode list) {
      for (JsonNode s : list) {
        if (s.isObject() && id.equals(s.path("id").asText(null))) return (ObjectNode) s;
      }
    }
    throw bad(name, path, "the profile has no service with id '" + id + "'");
  }

  private static JsonNode scalar(String name, String path, String text, ProfileReader reader) {
    JsonNode parsed = reader.parse("--set " + path, "v: " + text + "\n", new HashMap<>());
    JsonNode v = parsed.get("v");
    if (v == null || v.isContainerNode()) throw bad(name, path, "the value must be a single scalar, got '" + text + "'");
    return v;
  }

  private static ProfileException bad(String name, String path, String problem) {
    return new ProfileException(name, null, path, "cannot apply --set: " + problem);
  }
}
