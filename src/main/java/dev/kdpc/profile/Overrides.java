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
      String[] parts = path.split("\\.", -1);
      for (String part : parts) {
        if (part.isEmpty()) {
          throw bad(name, path, "the path has an empty part (a dot at its start or end, or two dots in a row); write it as section.key, e.g. company.name");
        }
      }
      JsonNode value = scalar(name, path, e.getValue(), reader);
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

  /**
   * The value as YAML reads one scalar. What YAML would drop or read as more than the value is refused,
   * not guessed at: a line break (a second line would be a second key), and a {@code #} that starts a
   * comment (at the start, or after a space or tab, outside quotes), which would silently cut the value
   * short. Quote such a value: {@code --set 'company.name="A # 1"'}.
   */
  private static JsonNode scalar(String name, String path, String text, ProfileReader reader) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) throw bad(name, path, "the value must be one line");
    int comment = commentAt(text);
    if (comment >= 0) {
      throw bad(name, path, "'#' at character " + (comment + 1) + " would start a YAML comment and cut the value short;"
          + " quote the value to keep it, as in company.name=\"A # 1\"");
    }
    JsonNode parsed = reader.parse("--set " + path, "v: " + text + "\n", new HashMap<>());
    JsonNode v = parsed.get("v");
    if (v == null || v.isContainerNode()) throw bad(name, path, "the value must be a single scalar, got '" + text + "'");
    return v;
  }

  /** Where a YAML comment would start in {@code text} read as one scalar, or -1. */
  static int commentAt(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
    if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
      char q = text.charAt(i);
      for (i++; i < text.length(); i++) { // to the closing quote: a '#' inside the quotes is text
        char c = text.charAt(i);
        if (q == '"' && c == '\\') i++;
        else if (c == q && q == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') i++;
        else if (c == q) break;
      }
      i++;
    }
    for (; i < text.length(); i++) {
      if (text.charAt(i) == '#' && (i == 0 || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) return i;
    }
    return -1;
  }

  private static ProfileException bad(String name, String path, String problem) {
    return new ProfileException(name, null, path, "cannot apply --set: " + problem);
  }
}
