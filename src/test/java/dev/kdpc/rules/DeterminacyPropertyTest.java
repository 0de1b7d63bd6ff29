package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.ProfileGen;
import dev.kdpc.TestSupport;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Kind;
import dev.kdpc.report.Outcome;
import dev.kdpc.Scenario;
import dev.kdpc.report.Test;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Determinacy against brute force. A small random profile states every fact that the rules of three
 * regimes read (MRFTA dominance, the KFTC 2024 plan, domestic agents); one to three facts are removed;
 * then every completion of the removed facts is evaluated with the real {@link Checker}. The values tried
 * for a number are 0, and each line the findings' tests compare that fact with (read from the report,
 * not copied here) with the whole numbers either side; a share takes every hundredth from 0 to 1 (the
 * profiles' shares and the rules' lines are whole hundredths, so both sides of every line the oligopoly
 * test draws are tried); a yes/no fact both values.
 *
 * <p>For each finding of the incomplete profile (a designation not found counts as not met, a practice
 * not found as clear, an obligation not found as not applying): where every completion gives one
 * outcome, the finding has it and lists no missing fact; where they differ, it is undetermined, its
 * {@code missing} names at least one removed fact that changes the outcome alone, and every fact in
 * {@code missing} does; no fact in {@code missing_immaterial} changes it. Seeds are fixed; a failure
 * names its seed ({@code -Dkdpc.seed=N} replays one).
 */
class DeterminacyPropertyTest {
  static final long BASE_SEED = 13_005L;
  static final int TRIES = 45;
  static final Long REPLAY = Long.getLong("kdpc.seed");
  static final Options OPTIONS = new Options(LocalDate.of(2024, 10, 1), Scenario.WITH_PROPOSALS,
      List.of("mrfta-dominance", "kftc-platform-2024", "domestic-agent"));
  static final Checker CHECKER = TestSupport.checker();
  static final Pattern USERS_LINE = Pattern.compile("≥ ([0-9,]+) monthly users");
  static final String[] CONDUCTS = {"self_preferencing", "tying", "multihoming_restriction", "mfn_clause"};

  @org.junit.jupiter.api.Test
  void undeterminedOnlyWhenACompletionCouldChangeTheOutcome() {
    Random seeds = new Random(BASE_SEED);
    int checked = 0;
    int undetermined = 0;
    for (int t = 0; t < TRIES; t++) {
      long seed = seeds.nextLong();
      if (REPLAY != null && seed != REPLAY) continue;
      int[] counts = check(seed);
      checked += counts[0];
      undetermined += counts[1];
    }
    if (REPLAY == null) {
      // The generator must reach both kinds of case, or the property says little.
      assertThat(checked).as("findings compared").isGreaterThan(200);
      assertThat(undetermined).as("findings undetermined by brute force").isGreaterThan(20);
    }
  }

  /** One try: the number of findings compared, and of those the completions disagree on. */
  private int[] check(long seed) {
    Random r = new Random(seed);
    Map<String, Object> tree = profile(r);
    List<String> facts = removable(tree);
    // Remove 1 to 3 facts; a share takes 101 values, so with one removed at most one other goes.
    List<String> removed = new ArrayList<>();
    int k = 1 + r.nextInt(3);
    while (removed.size() < k) {
      String f = facts.get(r.nextInt(facts.size()));
      if (removed.contains(f)) continue;
      if (isShare(f) && removed.size() >= 2) break;
      if (removed.stream().anyMatch(DeterminacyPropertyTest::isShare) && (isShare(f) || removed.size() >= 2)) break;
      removed.add(f);
    }
    Map<String, Object> full = copy(tree);
    Map<String, Object> partial = copy(tree);
    for (String f : removed) remove(partial, f);
    String why = "seed " + seed + " (replay with -Dkdpc.seed=" + seed + "), removed " + removed + ", profile:\n" + ProfileGen.write(partial);

    List<Finding> base = CHECKER.evaluate(TestSupport.profile("p.yaml", ProfileGen.write(partial)), OPTIONS).findings();
    List<Finding> whole = CHECKER.evaluate(TestSupport.profile("p.yaml", ProfileGen.write(full)), OPTIONS).findings();
    // The values each removed fact takes: from the lines the reports' tests draw on it.
    List<List<Object>> values = new ArrayList<>();
    for (String f : removed) values.add(valuesOf(f, base, whole));

    // Every completion, in mixed radix: completion c gives fact i value (c / stride_i) % size_i.
    int n = removed.size();
    int[] stride = new int[n];
    int size = 1;
    for (int i = 0; i < n; i++) {
      stride[i] = size;
      size *= values.get(i).size();
    }
    Map<String, Kind> kinds = new HashMap<>();
    Map<String, String[]> outcomes = new LinkedHashMap<>();
    for (Finding f : base) kinds.put(key(f), f.kind());
    for (int c = 0; c < size; c++) {
      Map<String, Object> t = copy(partial);
      for (int i = 0; i < n; i++) set(t, removed.get(i), values.get(i).get((c / stride[i]) % values.get(i).size()));
      for (Finding f : CHECKER.evaluate(TestSupport.profile("p.yaml", ProfileGen.write(t)), OPTIONS).findings()) {
        kinds.put(key(f), f.kind());
        outcomes.computeIfAbsent(key(f), x -> new String[0]);
        String[] o = outcomes.get(key(f));
        if (o.length == 0) outcomes.put(key(f), o = new String[size]);
        o[c] = f.outcome().id();
      }
    }
    for (Finding f : base) outcomes.putIfAbsent(key(f), new String[size]);

    int compared = 0;
    int split = 0;
    for (Map.Entry<String, String[]> e : outcomes.entrySet()) {
      String[] o = e.getValue();
      Kind kind = kinds.get(e.getKey());
      if (o.length == 0) o = e.getValue();
      for (int c = 0; c < size; c++) if (o[c] == null) o[c] = absent(kind);
      Finding b = base.stream().filter(x -> key(x).equals(e.getKey())).findFirst().orElse(null);
      String got = b == null ? absent(kind) : b.outcome().id();
      Set<String> distinct = new TreeSet<>(List.of(o));
      // The removed facts that change the outcome alone.
      Set<String> flips = new LinkedHashSet<>();
      for (int i = 0; i < n; i++) {
        int radix = values.get(i).size();
        for (int c = 0; c < size && !flips.contains(removed.get(i)); c++) {
          int d = (c / stride[i]) % radix;
          if (!o[c].equals(o[c - d * stride[i]])) flips.add(removed.get(i));
        }
      }
      String at = e.getKey() + ": " + why + "\ncompletions give " + distinct + ", facts that change it alone " + flips
          + "; the finding: " + (b == null ? "none" : b.outcome().id() + ", missing " + b.missing() + ", immaterial " + b.missingImmaterial());
      compared++;
      if (distinct.size() == 1) {
        assertThat(got).as(at).isEqualTo(distinct.iterator().next());
        if (b != null) assertThat(b.missing()).as(at).isEmpty();
      } else {
        split++;
        assertThat(got).as(at).isEqualTo(Outcome.UNDETERMINED.id());
        assertThat(b.missing()).as(at).isSubsetOf(removed);
        assertThat(flips).as(at).containsAll(b.missing());
        assertThat(b.missing().stream().filter(flips::contains)).as(at + "\n(missing names a fact that changes it)").isNotEmpty();
      }
      if (b != null) assertThat(b.missingImmaterial().stream().filter(flips::contains)).as(at + "\n(immaterial facts that change it)").isEmpty();
    }
    return new int[] {compared, split};
  }

  /** What a finding not found means for its kind. */
  private static String absent(Kind kind) {
    return switch (kind) {
      case DESIGNATION -> Outcome.NOT_MET.id();
      case PROHIBITION -> Outcome.CLEAR.id();
      default -> "(does not apply)";
    };
  }

  private static String key(Finding f) {
    return f.rule() + "/" + (f.service() == null ? "company" : f.service());
  }

  private static boolean isShare(String path) {
    return path.endsWith("market.share");
  }

  /** The values fact {@code path} takes in the completions. */
  private static List<Object> valuesOf(String path, List<Finding> base, List<Finding> whole) {
    List<Object> out = new ArrayList<>();
    if (path.endsWith(".present") || path.startsWith("company.korean_office") || path.startsWith("company.domestic_agent.")) {
      out.add(false);
      out.add(true);
      return out;
    }
    if (isShare(path)) {
      for (int i = 0; i <= 100; i++) out.add(i / 100.0);
      return out;
    }
    TreeSet<Long> v = new TreeSet<>();
    v.add(0L);
    List<Finding> all = new ArrayList<>(base);
    all.addAll(whole);
    for (Finding f : all) {
      for (Test t : f.because()) {
        if (t.fact().equals(path) && t.threshold() instanceof Number line) {
          long x = line.longValue();
          v.add(x - 1);
          v.add(x);
          v.add(x + 1);
        }
        // The users line of the oligopoly test, for the leading firms' users and this firm's own.
        if (t.label() != null && (path.contains(".market.leaders[") || path.endsWith("users.monthly_active_kr"))) {
          Matcher m = USERS_LINE.matcher(t.label());
          if (m.find()) {
            long x = Long.parseLong(m.group(1).replace(",", ""));
            v.add(x - 1);
            v.add(x);
          }
        }
      }
    }
    v.removeIf(x -> x < 0);
    out.addAll(v);
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Profiles: one company, one search service, every fact the three regimes read at 2024-10-01.

  private static final long[] USERS = {0, 9_999_999, 10_000_000, 19_999_999, 20_000_000, 30_000_000};
  private static final long[] REVENUE = {0, 3_999_999_999L, 4_000_000_000L, 8_000_000_000L, 9_999_999_999L, 10_000_000_000L,
      999_999_999_999L, 1_000_000_000_000L, 3_999_999_999_999L, 4_000_000_000_000L, 5_000_000_000_000L};
  private static final long[] SUBJECTS = {0, 999_999, 1_000_000, 5_000_000};

  private static Map<String, Object> profile(Random r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("kdpc", 1);
    Map<String, Object> company = new LinkedHashMap<>();
    company.put("name", "Self");
    company.put("korean_office", r.nextBoolean());
    company.put("korean_subsidiary", false);
    company.put("personal_data_subjects_kr", pick(SUBJECTS, r));
    Map<String, Object> revenue = new LinkedHashMap<>();
    revenue.put("global", pick(REVENUE, r));
    revenue.put("korea", pick(REVENUE, r));
    revenue.put("ict_services", pick(REVENUE, r));
    company.put("revenue_krw", revenue);
    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("designated", r.nextBoolean());
    agent.put("in_writing", r.nextBoolean());
    company.put("domestic_agent", agent);
    root.put("company", company);

    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", "s");
    s.put("category", "search");
    s.put("revenue_krw", new LinkedHashMap<>(Map.of("korea", pick(REVENUE, r))));
    s.put("users", new LinkedHashMap<>(Map.of("monthly_active_kr", pick(USERS, r))));
    // Leaders: two or three firms in whole hundredths adding up to at most 100%, this firm listed or not.
    int firms = 2 + r.nextInt(2);
    int left = 100;
    List<Object> leaders = new ArrayList<>();
    boolean listed = r.nextBoolean();
    int own = 0;
    for (int i = 0; i < firms; i++) {
      int share = r.nextInt(Math.max(1, Math.min(left, 60)) + 1);
      left -= share;
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("name", i == 0 && listed ? "Self" : "Firm " + (char) ('A' + i));
      l.put("share", share / 100.0);
      l.put("monthly_users_kr", pick(USERS, r));
      if (i == 0 && listed) {
        l.put("self", true);
        own = share;
      }
      leaders.add(l);
    }
    if (!listed) own = r.nextInt(left + 1);
    Map<String, Object> market = new LinkedHashMap<>();
    market.put("share", own / 100.0);
    market.put("leaders", leaders);
    s.put("market", market);
    Map<String, Object> conduct = new LinkedHashMap<>();
    for (String c : CONDUCTS) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("present", r.nextBoolean());
      if (r.nextInt(4) == 0) x.put("justification", "a stated reason");
      conduct.put(c, x);
    }
    s.put("conduct", conduct);
    root.put("services", new ArrayList<>(List.of(s)));
    return root;
  }

  private static long pick(long[] values, Random r) {
    return values[r.nextInt(values.length)];
  }

  /** The fact paths that can be removed from {@code tree}. */
  @SuppressWarnings("unchecked")
  private static List<String> removable(Map<String, Object> tree) {
    List<String> out = new ArrayList<>(List.of("company.korean_office", "company.personal_data_subjects_kr",
        "company.revenue_krw.global", "company.revenue_krw.korea", "company.revenue_krw.ict_services",
        "company.domestic_agent.designated", "company.domestic_agent.in_writing",
        "services.s.revenue_krw.korea", "services.s.users.monthly_active_kr", "services.s.market.share"));
    for (String c : CONDUCTS) out.add("services.s.conduct." + c + ".present");
    List<Object> leaders = (List<Object>) ((Map<String, Object>) service(tree).get("market")).get("leaders");
    for (int i = 0; i < leaders.size(); i++) out.add("services.s.market.leaders[" + i + "].monthly_users_kr");
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(Map<String, Object> tree) {
    return (Map<String, Object>) ((List<Object>) tree.get("services")).get(0);
  }

  /** The mapping that holds the last part of {@code path}, and that part. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> parent(Map<String, Object> tree, String path) {
    String[] parts = path.split("\\.");
    Map<String, Object> m;
    int from;
    if (parts[0].equals("services")) {
      m = service(tree);
      from = 2;
    } else {
      m = tree;
      from = 0;
    }
    for (int i = from; i < parts.length - 1; i++) {
      String p = parts[i];
      Matcher x = Pattern.compile("(\\w+)\\[(\\d+)]").matcher(p);
      if (x.matches()) m = (Map<String, Object>) ((List<Object>) m.get(x.group(1))).get(Integer.parseInt(x.group(2)));
      else m = (Map<String, Object>) m.get(p);
    }
    return m;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static void remove(Map<String, Object> tree, String path) {
    parent(tree, path).remove(last(path));
  }

  private static void set(Map<String, Object> tree, String path, Object value) {
    parent(tree, path).put(last(path), value);
  }

  @SuppressWarnings("unchecked")
  private static <T> T copy(T o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> c = new LinkedHashMap<>();
      m.forEach((k, v) -> c.put((String) k, copy(v)));
      return (T) c;
    }
    if (o instanceof List<?> l) {
      List<Object> c = new ArrayList<>();
      for (Object x : l) c.add(copy(x));
      return (T) c;
    }
    return o;
  }
}
