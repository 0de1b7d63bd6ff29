package dev.kdpc.rules;

import dev.kdpc.profile.Profile;
import dev.kdpc.profile.Service;
import dev.kdpc.profile.Units;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves fact paths, as written in the rules and the profile, against a profile. A path that starts
 * with {@code company.}, {@code cloud.}, {@code network.} or {@code location_data.} is absolute;
 * any other path is relative to the service in hand ({@code users.daily_average_kr}). The resolved
 * path is canonical: {@code services.<id>.users.daily_average_kr}.
 */
public final class FactPaths {
  private FactPaths() {}

  /** A resolved fact: its canonical path, its value (null when the profile does not state it) and unit. */
  public record Fact(String path, Object value, String unit) {}

  private static final Map<Class<?>, Map<String, RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();
  private static final List<String> ROOTS = List.of("company", "cloud", "network", "location_data");

  public static boolean isAbsolute(String path) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    return ROOTS.contains(head);
  }

  /** Resolves {@code path} for {@code service} (may be null for absolute paths). */
  public static Fact resolve(Profile profile, Service service, String path) {
    Object node;
    String canonical;
    Class<?> type;
    String rest;
    if (isAbsolute(path)) {
      int dot = path.indexOf('.');
      String head = dot < 0 ? path : path.substring(0, dot);
      rest = dot < 0 ? "" : path.substring(dot + 1);
      RecordComponent c = component(Profile.class, head, path);
      node = get(c, profile);
      type = c.getType();
      canonical = head;
      if (rest.isEmpty()) return new Fact(canonical, node, "text");
    } else {
      if (service == null) throw new IllegalArgumentException("fact path '" + path + "' is relative to a service, but the rule has none in hand; start it with company., cloud., network. or location_data.");
      node = service;
      type = Service.class;
      canonical = "services." + service.id();
      rest = path;
    }
    String unit = "text";
    for (String seg : rest.split("\\.")) {
      String name = seg;
      Integer index = null;
      int br = seg.indexOf('[');
      if (br >= 0) {
        name = seg.substring(0, br);
        index = Integer.parseInt(seg.substring(br + 1, seg.indexOf(']')));
      }
      if (!type.isRecord()) throw new IllegalArgumentException("fact path '" + path + "': '" + name + "' is below a value, not a section");
      RecordComponent c = component(type, name, path);
      canonical = canonical + "." + seg;
      unit = Units.unitOf(c);
      node = node == null ? null : get(c, node);
      type = c.getType();
      if (index != null) {
        if (!List.class.isAssignableFrom(type)) throw new IllegalArgumentException("fact path '" + path + "': '" + name + "' is not a list");
        List<?> list = (List<?>) node;
        node = list == null || index >= list.size() ? null : list.get(index);
        type = elementType(c);
      }
    }
    if (node instanceof List) unit = "list";
    return new Fact(canonical, node, unit);
  }

  private static Class<?> elementType(RecordComponent c) {
    var g = c.getGenericType();
    if (g instanceof java.lang.reflect.ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> k) return k;
    return Object.class;
  }

  private static RecordComponent component(Class<?> type, String snake, String path) {
    Map<String, RecordComponent> byName = COMPONENTS.computeIfAbsent(type, FactPaths::index);
    RecordComponent c = byName.get(snake);
    if (c == null) {
      throw new IllegalArgumentException("unknown fact path '" + path + "': no key '" + snake + "' in "
          + snakeCase(type.getSimpleName()) + " (keys: " + String.join(", ", byName.keySet()) + ")");
    }
    return c;
  }

  private static Map<String, RecordComponent> index(Class<?> type) {
    Map<String, RecordComponent> m = new LinkedHashMap<>();
    for (RecordComponent c : type.getRecordComponents()) m.put(snakeCase(c.getName()), c);
    return m;
  }

  static String snakeCase(String camel) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch)) {
        if (i > 0) b.append('_');
        b.append(Character.toLowerCase(ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  private static Object get(RecordComponent c, Object target) {
    try {
      Method m = c.getAccessor();
      return m.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }
}
