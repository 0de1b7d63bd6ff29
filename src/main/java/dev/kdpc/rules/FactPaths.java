package dev.kdpc.rules;

import dev.kdpc.profile.Profile;
import dev.kdpc.profile.Service;
import dev.kdpc.profile.Units;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
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
    Plan plan = PLANS.get(path);
    if (plan == null) {
      plan = plan(path); // throws for a path the profile model does not have: never cached
      PLANS.putIfAbsent(path, plan);
    }
    Object node;
    String canonical;
    if (plan.absolute) {
      node = profile;
      canonical = path;
    } else {
      if (service == null) throw new IllegalArgumentException("fact path '" + path + "' is relative to a service, but the rule has none in hand; start it with company., cloud., network. or location_data.");
      node = service;
      canonical = "services." + service.id() + "." + path;
    }
    for (Step step : plan.steps) {
      node = node == null ? null : step.get(node);
      if (step.index >= 0) {
        List<?> list = (List<?>) node;
        node = list == null || step.index >= list.size() ? null : list.get(step.index);
      }
    }
    if (plan.headOnly) return new Fact(canonical, node, "text");
    return new Fact(canonical, node, node instanceof List ? "list" : plan.unit);
  }

  /**
   * How to walk one path, worked out once per path (paths come from the rules, so there are few):
   * the accessors to call and list indexes to take, and the unit of the value at the end.
   */
  private record Plan(boolean absolute, boolean headOnly, List<Step> steps, String unit) {}

  private record Step(MethodHandle getter, int index) {
    Object get(Object target) {
      try {
        return (Object) getter.invokeExact(target);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }
  }

  private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

  private static Plan plan(String path) {
    List<Step> steps = new ArrayList<>();
    Class<?> type;
    String rest;
    boolean absolute = isAbsolute(path);
    if (absolute) {
      int dot = path.indexOf('.');
      String head = dot < 0 ? path : path.substring(0, dot);
      rest = dot < 0 ? "" : path.substring(dot + 1);
      RecordComponent c = component(Profile.class, head, path);
      steps.add(new Step(getter(c), -1));
      type = c.getType();
      if (rest.isEmpty()) return new Plan(true, true, List.copyOf(steps), "text");
    } else {
      type = Service.class;
      rest = path;
    }
    String unit = "text";
    for (String seg : rest.split("\\.")) {
      String name = seg;
      int index = -1;
      int br = seg.indexOf('[');
      if (br >= 0) {
        name = seg.substring(0, br);
        index = Integer.parseInt(seg.substring(br + 1, seg.indexOf(']')));
      }
      if (!type.isRecord()) throw new IllegalArgumentException("fact path '" + path + "': '" + name + "' is below a value, not a section");
      RecordComponent c = component(type, name, path);
      unit = Units.unitOf(c);
      type = c.getType();
      if (index >= 0) {
        if (!List.class.isAssignableFrom(type)) throw new IllegalArgumentException("fact path '" + path + "': '" + name + "' is not a list");
        type = elementType(c);
      }
      steps.add(new Step(getter(c), index));
    }
    return new Plan(absolute, false, List.copyOf(steps), unit);
  }

  private static MethodHandle getter(RecordComponent c) {
    try {
      return MethodHandles.publicLookup().unreflect(c.getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
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

  /** The profile key of a record component name: {@code dailyAverageKr} → {@code daily_average_kr}. */
  public static String snakeCase(String camel) {
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
}
