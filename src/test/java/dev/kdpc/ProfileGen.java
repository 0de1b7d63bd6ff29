package dev.kdpc;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kdpc.profile.Company;
import dev.kdpc.profile.Service;
import dev.kdpc.profile.Units;
import dev.kdpc.profile.Vocabulary;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random valid profiles, made by walking the profile records by reflection: every field of the format
 * (including fields added later) gets values of its unit, often exactly at round numbers where legal
 * lines lie, and is often left out (unknown). The result is a YAML text that {@code ProfileReader}
 * must accept. Deterministic for a given {@link Random}.
 */
public final class ProfileGen {
  private ProfileGen() {}

  private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
  private static final String[] NAMES = {"Acme", "Hanbit Search", "한빛 플랫폼", "Maru Market", "Blue Tube", "Nara Maps", "O'Neil & Co.", "x"};
  private static final String[] SHARE_POINTS = {"0", "0.01", "0.1", "0.2", "0.25", "0.5", "0.6", "0.75", "1"};

  /** The YAML text of a random valid profile. */
  public static String yaml(Random r) {
    return write(tree(r));
  }

  /** A random valid profile as a tree of maps, lists and scalars (keys in snake_case). */
  public static Map<String, Object> tree(Random r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("kdpc", 1);
    if (r.nextInt(10) > 0) root.put("company", record(Company.class, r, 0));
    int n = 1 + r.nextInt(3);
    List<Object> services = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> s = (Map<String, Object>) record(Service.class, r, 0);
      Map<String, Object> withId = new LinkedHashMap<>();
      withId.put("id", "s" + i);
      s.remove("id");
      withId.putAll(s);
      services.add(withId);
    }
    root.put("services", services);
    for (String section : List.of("cloud", "network", "location_data")) {
      if (r.nextBoolean()) root.put(section, record(sectionType(section), r, 0));
    }
    return root;
  }

  public static String write(Map<String, Object> tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> sectionType(String section) {
    return switch (section) {
      case "cloud" -> dev.kdpc.profile.Cloud.class;
      case "network" -> dev.kdpc.profile.Network.class;
      default -> dev.kdpc.profile.LocationData.class;
    };
  }

  private static Object record(Class<?> type, Random r, int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (RecordComponent c : type.getRecordComponents()) {
      if (r.nextInt(10) < 3) continue; // unknown: left out
      Object v = value(c, c.getGenericType(), r, depth);
      if (v != null) m.put(SNAKE.translate(c.getName()), v);
    }
    if (type == dev.kdpc.profile.Market.class && m.containsKey("leaders")) fixLeaders(m, r);
    if (type == dev.kdpc.profile.ForeignOwnership.class && m.containsKey("owners")) fixOwners(m, r);
    return m;
  }

  private static Object value(RecordComponent c, Type t, Random r, int depth) {
    if (c.isAnnotationPresent(Units.Share.class)) return share(r);
    if (c.isAnnotationPresent(Units.Krw.class)) return amount(r, 15);
    if (c.isAnnotationPresent(Units.Count.class)) return amount(r, 8);
    if (c.isAnnotationPresent(Units.Quantity.class)) return Math.pow(10, 20 + r.nextDouble() * 8);
    if (c.isAnnotationPresent(Units.Date.class)) return LocalDate.of(2015, 1, 1).plusDays(r.nextInt(16 * 365)).toString();
    Units.Word w = c.getAnnotation(Units.Word.class);
    if (w != null) return pick(w.value(), r);
    Class<?> raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    if (raw == Boolean.class) return r.nextBoolean();
    if (raw == Integer.class) return 2015 + r.nextInt(12); // fiscal_year is the only Integer below the root
    if (raw == Long.class) return amount(r, 8);
    if (raw == Double.class) return r.nextDouble();
    if (raw == String.class) return NAMES[r.nextInt(NAMES.length)];
    if (raw == LocalDate.class) return LocalDate.of(2015, 1, 1).plusDays(r.nextInt(16 * 365)).toString();
    if (List.class.isAssignableFrom(raw)) {
      Type element = ((ParameterizedType) t).getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      int n = r.nextInt(depth > 2 ? 1 : 5);
      for (int i = 0; i < n; i++) list.add(record((Class<?>) element, r, depth + 1));
      return list;
    }
    if (raw.isRecord()) return depth > 4 ? null : record(raw, r, depth + 1);
    throw new IllegalStateException("ProfileGen does not know how to make a " + t + " for " + c);
  }

  private static String pick(Vocabulary v, Random r) {
    return v.words().get(r.nextInt(v.words().size()));
  }

  /** A share: often a round point where lines lie, sometimes as a percent string. */
  private static Object share(Random r) {
    double v = r.nextInt(3) == 0 ? Double.parseDouble(SHARE_POINTS[r.nextInt(SHARE_POINTS.length)]) : Math.round(r.nextDouble() * 10_000) / 10_000.0;
    if (r.nextInt(5) == 0) return (Math.round(v * 1000) / 10.0) + "%";
    return v;
  }

  /** A whole amount up to 10^maxExp: often a round figure (k·10^n, where lines lie), else log-uniform. */
  private static long amount(Random r, int maxExp) {
    if (r.nextInt(3) == 0) return (1 + r.nextInt(9)) * (long) Math.pow(10, r.nextInt(maxExp));
    return (long) Math.floor(Math.pow(10, r.nextDouble() * maxExp));
  }

  /** Leading firms: shares scaled to add up to at most 100%, at most one marked self. */
  @SuppressWarnings("unchecked")
  private static void fixLeaders(Map<String, Object> market, Random r) {
    List<Object> leaders = (List<Object>) market.get("leaders");
    double total = 0;
    boolean self = false;
    for (Object o : leaders) {
      Map<String, Object> l = (Map<String, Object>) o;
      double s = r.nextDouble();
      l.put("share", s);
      total += s;
      if (Boolean.TRUE.equals(l.get("self"))) {
        if (self) l.put("self", false);
        self = true;
      }
    }
    double scale = total > 1 ? (0.999 / total) : 1;
    for (Object o : leaders) {
      Map<String, Object> l = (Map<String, Object>) o;
      l.put("share", Math.floor((Double) l.get("share") * scale * 10_000) / 10_000.0);
    }
  }

  /**
   * Foreign owners of a carrier (TBA Art. 8): each with a share, largest first, together at most the
   * foreign share (raised to their total when it was drawn lower), as the reader requires.
   */
  @SuppressWarnings("unchecked")
  private static void fixOwners(Map<String, Object> ownership, Random r) {
    List<Object> owners = (List<Object>) ownership.get("owners");
    List<Double> shares = new ArrayList<>();
    for (int i = 0; i < owners.size(); i++) shares.add(r.nextDouble());
    double total = shares.stream().mapToDouble(Double::doubleValue).sum();
    double scale = total > 1 ? (0.999 / total) : 1;
    shares.replaceAll(x -> Math.floor(x * scale * 10_000) / 10_000.0);
    shares.sort(java.util.Comparator.reverseOrder());
    double sum = 0;
    for (int i = 0; i < owners.size(); i++) {
      ((Map<String, Object>) owners.get(i)).put("share", shares.get(i));
      sum += shares.get(i);
    }
    if (ownership.containsKey("share")) {
      double stated = ownership.get("share") instanceof Double d ? d : Double.parseDouble(String.valueOf(ownership.get("share")).replace("%", "")) / 100;
      if (stated < sum) ownership.put("share", Math.min(1.0, Math.ceil(sum * 10_000) / 10_000.0));
    }
  }
}
