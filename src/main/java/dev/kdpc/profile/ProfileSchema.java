package dev.kdpc.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * The JSON Schema (draft 2020-12) of the profile format, made from the model the reader binds: the
 * record components and their annotations ({@link Units}: the unit, which picks the reader's
 * deserializer; {@link Units.Doc}: description and example; {@link Units.Required}), and the reader's
 * own patterns and limits ({@link Amounts#MONEY_PATTERN}, {@link ValueDeserializers#PERCENT_PATTERN},
 * {@link ProfileReader#SERVICE_ID_PATTERN}, the year range, list sizes). A new profile key therefore
 * appears in the schema as the reader reads it, and {@code ProfileSchemaTest} fails, naming the key,
 * until it has a description and an example.
 *
 * <p>The patterns are written in the common part of Java's and ECMA-262's syntax, so the schema means
 * the same to kdpc's tests (networknt's validator) and to editors (yaml-language-server, ajv).
 * What a schema cannot say (unique ids, one {@code self}, shares adding up to 100%, limits on the
 * file) only kdpc checks; the README lists it.
 */
public final class ProfileSchema {
  private ProfileSchema() {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The schema, with a description, an example and the accepted forms on every key. */
  public static ObjectNode schema() {
    ProfileReader reader = new ProfileReader();
    ObjectNode root = F.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://kdpc.dev/schema/profile-1.json");
    root.put("title", "kdpc company profile, format version " + ProfileReader.FORMAT_VERSION);
    root.put("description", "Facts about a company and its services in Korea, read by kdpc (https://kdpc.dev). Every key is optional"
        + " except kdpc; an absent key means not stated. Money: an integer or text such as \"4조 3,226억원\". Shares: 0.573 or \"57.3%\".");
    ObjectNode body = object(ProfileDocument.class, reader);
    root.setAll(body);
    root.putArray("required").add("kdpc");
    ObjectNode kdpc = (ObjectNode) root.get("properties").get("kdpc");
    kdpc.remove("type");
    kdpc.put("const", ProfileReader.FORMAT_VERSION);
    root.putArray("examples").add(example(ProfileDocument.class, reader));
    return root;
  }

  /** Every key of the profile with its record component, in schema order: {@code company.revenue_krw.korea}. */
  public static List<String> keys() {
    List<String> out = new ArrayList<>();
    keys(ProfileDocument.class, "", out, new HashMap<>());
    return out;
  }

  private static void keys(Class<?> type, String prefix, List<String> out, java.util.Map<Class<?>, Boolean> seen) {
    for (RecordComponent c : type.getRecordComponents()) {
      String key = prefix + snake(c.getName());
      out.add(key + "=" + type.getSimpleName() + "." + c.getName());
      Class<?> inner = element(c);
      if (inner.isRecord()) keys(inner, key + (List.class.isAssignableFrom(c.getType()) ? "[]." : "."), out, seen);
    }
  }

  /** The record or value type of a component, a list's element type for a list. */
  static Class<?> element(RecordComponent c) {
    if (List.class.isAssignableFrom(c.getType())) {
      return (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
    }
    return c.getType();
  }

  private static ObjectNode object(Class<?> type, ProfileReader reader) {
    ObjectNode o = F.objectNode();
    o.put("type", "object");
    o.put("additionalProperties", false);
    ObjectNode props = o.putObject("properties");
    ArrayNode required = F.arrayNode();
    for (RecordComponent c : type.getRecordComponents()) {
      props.set(snake(c.getName()), property(c, reader));
      if (c.isAnnotationPresent(Units.Required.class)) required.add(snake(c.getName()));
    }
    if (!required.isEmpty()) o.set("required", required);
    return o;
  }

  private static ObjectNode property(RecordComponent c, ProfileReader reader) {
    String unit = Units.unitOf(c);
    Units.Doc doc = c.getAnnotation(Units.Doc.class);
    boolean nullable = !c.isAnnotationPresent(Units.Required.class);
    Units.Word word = c.getAnnotation(Units.Word.class);
    ObjectNode p;
    String forms;
    if (List.class.isAssignableFrom(c.getType())) {
      Class<?> el = element(c);
      p = F.objectNode();
      types(p, nullable, "array");
      p.put("maxItems", c.getDeclaringRecord() == ProfileDocument.class && c.getName().equals("services")
          ? ProfileReader.MAX_SERVICES : ProfileReader.MAX_ITEMS);
      p.set("items", object(el, reader));
      forms = "A list.";
      Units.AtMostOne one = c.getAnnotation(Units.AtMostOne.class);
      if (one != null) {
        // at most one item with the flag set to true: draft 2019-09's maxContains (minContains 0: none is fine)
        ObjectNode flagged = p.putObject("contains");
        flagged.put("type", "object").putArray("required").add(one.value());
        flagged.putObject("properties").putObject(one.value()).put("const", true);
        p.put("minContains", 0).put("maxContains", 1);
        forms = "A list; at most one item with " + one.value() + ": true.";
      }
    } else if (c.getType().isRecord()) {
      p = object(c.getType(), reader);
      types(p, nullable, "object");
      forms = "A mapping of keys.";
    } else if (word != null) {
      p = F.objectNode();
      types(p, nullable, "string");
      ArrayNode e = p.putArray("enum");
      word.value().words().forEach(e::add);
      if (nullable) e.addNull();
      forms = word.value().words().size() <= 20 ? "One of: " + String.join(", ", word.value().words()) + "." : "A code from the list.";
    } else if (c.isAnnotationPresent(Units.Id.class)) {
      p = F.objectNode();
      types(p, nullable, "string");
      p.put("pattern", ProfileReader.SERVICE_ID_PATTERN);
      forms = "Lower-case letters, digits, '-' and '_', at most 64, starting with a letter or digit.";
    } else if (c.isAnnotationPresent(Units.Year.class)) {
      p = F.objectNode();
      types(p, nullable, "integer");
      p.put("minimum", ProfileReader.MIN_YEAR).put("maximum", ProfileReader.MAX_YEAR);
      forms = "A year from " + ProfileReader.MIN_YEAR + " to " + ProfileReader.MAX_YEAR + ".";
    } else {
      p = F.objectNode();
      switch (unit) {
        case "share" -> {
          ArrayNode any = p.putArray("anyOf");
          any.addObject().put("type", "number").put("minimum", 0).put("maximum", 1);
          any.addObject().put("type", "string").put("pattern", ValueDeserializers.PERCENT_PATTERN);
          if (nullable) any.addObject().put("type", "null");
          forms = "A fraction from 0 to 1 (0.573) or a percent from 0% to 100% (\"57.3%\").";
        }
        case "krw" -> {
          ArrayNode any = p.putArray("anyOf");
          any.addObject().put("type", "integer").put("minimum", 0).put("maximum", Amounts.MAX);
          any.addObject().put("type", "string").put("pattern", Amounts.MONEY_PATTERN);
          if (nullable) any.addObject().put("type", "null");
          forms = "Whole won, up to " + Amounts.MAX_TEXT + ": an integer, digits grouped in threes with ',' or '_' (\"8,000,000,000\"),"
              + " or the Korean units 조, 억 and 만, largest first, with or without 원 (\"80억원\", \"4조 3,226억원\", \"1.5억\").";
        }
        case "count" -> {
          ArrayNode any = p.putArray("anyOf");
          any.addObject().put("type", "integer").put("minimum", 0).put("maximum", Amounts.MAX);
          any.addObject().put("type", "string").put("pattern", Amounts.COUNT_PATTERN);
          if (nullable) any.addObject().put("type", "null");
          forms = "A whole number up to " + Amounts.MAX_TEXT + ": an integer or digits grouped in threes with ',' or '_' (\"41,000,000\").";
        }
        case "quantity" -> {
          types(p, nullable, "number");
          p.put("minimum", 0);
          forms = "A number not below 0; write an exponent with its sign (3.0e+26).";
        }
        case "date" -> {
          types(p, nullable, "string");
          p.put("format", "date");
          p.put("pattern", ValueDeserializers.DATE_PATTERN);
          forms = "A date YYYY-MM-DD from " + ProfileReader.MIN_YEAR + " to " + ProfileReader.MAX_YEAR + "; quote it (\"2024-02-01\").";
        }
        case "bool" -> {
          types(p, nullable, "boolean");
          forms = "true or false.";
        }
        default -> {
          if (c.getType() == Integer.class) {
            types(p, nullable, "integer");
            forms = "A whole number.";
          } else {
            types(p, nullable, "string");
            forms = "Text (quote it if it looks like a number or a boolean).";
          }
        }
      }
    }
    if (doc != null) {
      String d = doc.value();
      p.put("description", Character.toUpperCase(d.charAt(0)) + d.substring(1) + (d.endsWith(".") ? " " : ". ") + forms);
      JsonNode ex = example(c, reader);
      if (ex != null) p.putArray("examples").add(ex);
    }
    return p;
  }

  private static void types(ObjectNode p, boolean nullable, String type) {
    if (nullable) p.putArray("type").add(type).add("null");
    else p.put("type", type);
  }

  /** A component's example as kdpc reads it: its own for a value, made from its keys' for a mapping or a list; null when it has none. */
  static JsonNode example(RecordComponent c, ProfileReader reader) {
    Class<?> el = element(c);
    if (el.isRecord()) {
      JsonNode e = example(el, reader);
      return List.class.isAssignableFrom(c.getType()) ? F.arrayNode().add(e) : e;
    }
    Units.Doc doc = c.getAnnotation(Units.Doc.class);
    if (doc == null || doc.example().isEmpty()) return null;
    return reader.parse("example of " + c.getDeclaringRecord().getSimpleName() + "." + c.getName(), "v: " + doc.example() + "\n", new HashMap<>()).get("v");
  }

  /** A record's example: every key with its example. */
  static ObjectNode example(Class<?> type, ProfileReader reader) {
    ObjectNode o = F.objectNode();
    for (RecordComponent c : type.getRecordComponents()) {
      JsonNode e = example(c, reader);
      if (e != null) o.set(snake(c.getName()), e);
    }
    return o;
  }

  static String snake(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
  }
}
