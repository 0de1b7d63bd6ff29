package dev.kdpc.rules;

import dev.kdpc.profile.ConductFact;
import dev.kdpc.profile.Leader;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.Service;
import dev.kdpc.profile.SourceLocation;
import dev.kdpc.report.Kind;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.Reading;
import dev.kdpc.report.Sanction;
import dev.kdpc.report.Test;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule found, built in the rule's consequence and inserted as a fact. The rule states the tests
 * and their lines; this class records each test with the profile's value, works out the three-valued
 * outcome (a missing fact makes it undetermined, never false) and keeps the reasons for the report.
 *
 * <pre>
 * rule "TBA-22-7"
 *   &#64;id("TBA-22-7") &#64;regime("tba-service-stability") &#64;kind("designation") ...
 * when
 *   $s : ServiceFact()
 * then
 *   insert(Assessment.designation(kcontext, $s)
 *       .atLeast("users.daily_average_kr", 1_000_000)
 *       .atLeast("traffic_share_kr", 0.01));
 * end
 * </pre>
 *
 * Paths are relative to the service in hand unless they start with {@code company.}, {@code cloud.},
 * {@code network.} or {@code location_data.} (see {@link FactPaths}).
 */
public final class Assessment {
  private final String rule;
  private final String regime;
  private final Kind kind;
  private final Profile profile;
  private final Service service;
  private final FactCache facts;
  private final List<Test> tests = new ArrayList<>();
  private final Set<String> missing = new LinkedHashSet<>();
  private final List<String> dependsOn = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private Boolean applicable = Boolean.TRUE;
  /** The outcome once worked out; forgotten by every change ({@link #add} and {@link #given} make them all). */
  private Outcome outcome;
  private boolean dependsUndetermined;
  private Sanction sanction;
  private Boolean conductPresent;
  private boolean conductStated;
  private String justification;
  private String burden;
  /** The paths whose unmet test the sanction article names ({@link #sanctionOnlyFor}); empty: the whole duty. */
  private final Set<String> sanctionPaths = new LinkedHashSet<>();
  /** The last {@link #topFirms} call, which {@link #otherReading} works out again under the other reading. */
  private TopFirmsCall lastTopFirms;
  /** The other readings the rule states ({@link #otherReading}). */
  private final List<ReadingSpec> readingSpecs = new ArrayList<>();

  private Assessment(RuleContext ctx, Kind kind, Object subject) {
    Map<String, Object> meta = ctx.getRule().getMetaData();
    this.rule = String.valueOf(meta.getOrDefault("id", ctx.getRule().getName()));
    this.regime = (String) meta.get("regime");
    this.kind = kind;
    if (subject instanceof ServiceFact s) {
      this.profile = s.getProfile();
      this.service = s.getService();
      this.facts = s.facts();
    } else if (subject instanceof CompanyFact c) {
      this.profile = c.getProfile();
      this.service = null;
      this.facts = c.facts();
    } else {
      throw new IllegalArgumentException("an assessment is about a ServiceFact or a CompanyFact, got " + subject);
    }
  }

  /** A copy of {@code a}'s state (tests, missing facts, conditions), to be worked out under another reading. */
  private Assessment(Assessment a) {
    this.rule = a.rule;
    this.regime = a.regime;
    this.kind = a.kind;
    this.profile = a.profile;
    this.service = a.service;
    this.facts = a.facts;
    this.tests.addAll(a.tests);
    this.missing.addAll(a.missing);
    this.dependsOn.addAll(a.dependsOn);
    this.notes.addAll(a.notes);
    this.applicable = a.applicable;
    this.dependsUndetermined = a.dependsUndetermined;
    this.conductPresent = a.conductPresent;
    this.conductStated = a.conductStated;
    this.justification = a.justification;
    this.burden = a.burden;
  }

  /** A layer-1 finding: is the service (or company) designated under the regime? */
  public static Assessment designation(RuleContext ctx, Object subject) {
    return new Assessment(ctx, Kind.DESIGNATION, subject);
  }

  /** A duty: met when every test holds. */
  public static Assessment obligation(RuleContext ctx, Object subject) {
    return new Assessment(ctx, Kind.OBLIGATION, subject);
  }

  /** A ban on a practice: see {@link #conduct(String)}. */
  public static Assessment prohibition(RuleContext ctx, Object subject) {
    return new Assessment(ctx, Kind.PROHIBITION, subject);
  }

  // ---------------------------------------------------------------------------------------------
  // Tests

  /** The fact at {@code path} must be at least {@code line}. */
  public Assessment atLeast(String path, Number line) {
    return compare(path, ">=", line);
  }

  /** The fact at {@code path} must be at most {@code line}. */
  public Assessment atMost(String path, Number line) {
    return compare(path, "<=", line);
  }

  /** The fact at {@code path} must be below {@code line}. */
  public Assessment below(String path, Number line) {
    return compare(path, "<", line);
  }

  /** The fact at {@code path} must be above {@code line}. */
  public Assessment above(String path, Number line) {
    return compare(path, ">", line);
  }

  /** The fact at {@code path} must be true. */
  public Assessment isTrue(String path) {
    return equalTo(path, Boolean.TRUE);
  }

  /** The fact at {@code path} must be false. */
  public Assessment isFalse(String path) {
    return equalTo(path, Boolean.FALSE);
  }

  /** The fact at {@code path} must equal {@code expected}. */
  public Assessment equalTo(String path, Object expected) {
    if (expected instanceof Number n) finite(n, path);
    FactPaths.Fact f = resolve(path);
    Boolean met = f.value() == null ? null : Objects.equals(f.value(), expected);
    if (met == null) missing.add(f.path());
    add(f, null, f.value(), "==", expected, met, null);
    return this;
  }

  /** The fact at {@code path} must be one of {@code allowed}. */
  public Assessment oneOf(String path, String... allowed) {
    FactPaths.Fact f = resolve(path);
    Boolean met = f.value() == null ? null : List.of(allowed).contains(String.valueOf(f.value()));
    if (met == null) missing.add(f.path());
    add(f, null, f.value(), "in", String.join(", ", allowed), met, null);
    return this;
  }

  /** The list at {@code path} must have at least one entry. */
  public Assessment notEmpty(String path) {
    FactPaths.Fact f = resolve(path);
    Integer n = f.value() instanceof List<?> l ? l.size() : null;
    if (n == null) missing.add(f.path());
    add(f, "number of entries", n, ">=", 1, n == null ? null : n >= 1, null);
    return this;
  }

  /**
   * The oligopoly test: among the market's leading firms with a share of at least {@code minShareEach}
   * and at least {@code minUsersEach} monthly users in Korea, the top {@code maxFirms} by share must
   * include this company and hold at least {@code combinedAtLeast} together. Pass 0 to skip a filter.
   */
  public Assessment topFirms(int maxFirms, double minShareEach, long minUsersEach, double combinedAtLeast) {
    int from = tests.size();
    int missingFrom = missing.size(); // missing keeps insertion order: what this call adds comes last
    topFirms(maxFirms, minShareEach, minUsersEach, combinedAtLeast, false);
    lastTopFirms = new TopFirmsCall(maxFirms, minShareEach, minUsersEach, combinedAtLeast, from, tests.size(), missingFrom, missing.size());
    return this;
  }

  /**
   * The test of the last {@link #topFirms} call, read the other way, stated beside the rule's own
   * reading. {@code how} names the other reading of the share floor:
   * <ul>
   *   <li>{@code "add-then-deny"}: the top {@code maxFirms} firms are added up whatever their shares,
   *       and a firm under the floor is only denied the finding itself;
   *   <li>{@code "exclude-first"}: firms under the floor are left out before adding up (what
   *       {@link #topFirms} does).
   * </ul>
   * The finding keeps the rule's reading; where the other gives another outcome, the report shows it
   * with {@code label}.
   */
  public Assessment otherReading(String label, String how) {
    if (lastTopFirms == null) throw new IllegalArgumentException("rule " + rule + ": otherReading follows the topFirms test it reads otherwise");
    boolean addThenDeny = switch (how) {
      case "add-then-deny" -> true;
      case "exclude-first" -> false;
      default -> throw new IllegalArgumentException("rule " + rule + ": otherReading '" + how + "': the readings are add-then-deny and exclude-first");
    };
    readingSpecs.add(new ReadingSpec(label, addThenDeny, lastTopFirms));
    return this;
  }

  private record TopFirmsCall(int maxFirms, double minShareEach, long minUsersEach, double combinedAtLeast, int testsFrom, int testsTo,
      int missingFrom, int missingTo) {}

  private record ReadingSpec(String label, boolean addThenDeny, TopFirmsCall call) {}

  private void topFirms(int maxFirms, double minShareEach, long minUsersEach, double combinedAtLeast, boolean addThenDeny) {
    finite(minShareEach, "market.leaders");
    finite(combinedAtLeast, "market.leaders");
    FactPaths.Fact leadersFact = resolve("market.leaders");
    @SuppressWarnings("unchecked")
    List<Leader> given = (List<Leader>) leadersFact.value();
    double floor = addThenDeny ? 0 : minShareEach; // add-then-deny: no firm is left out before adding up
    String criteria = CRITERIA.computeIfAbsent(new Criteria(maxFirms, floor, minUsersEach), c -> "top " + maxFirms + " firms"
        + (floor > 0 ? " with a share ≥ " + pct(floor) : "")
        + (minUsersEach > 0 ? (floor > 0 ? " and" : " with") + " ≥ " + String.format(java.util.Locale.ROOT, "%,d", minUsersEach) + " monthly users each" : ""));
    if (given == null || given.isEmpty()) {
      missing.add(leadersFact.path());
      add(leadersFact, "this firm among the " + criteria, null, "in top", maxFirms, null, null);
      add(leadersFact, "combined share of the " + criteria, null, ">=", combinedAtLeast, null, null, "share");
      if (addThenDeny) add(leadersFact, denial(minShareEach), null, ">=", minShareEach, null, null, "share");
      return;
    }
    List<Leader> leaders = new ArrayList<>(given);
    if (leaders.stream().noneMatch(l -> Boolean.TRUE.equals(l.self()))) {
      FactPaths.Fact own = resolve("market.share");
      FactPaths.Fact users = resolve("users.monthly_active_kr");
      if (own.value() == null) {
        missing.add(own.path());
      } else {
        leaders.add(new Leader(profile.displayName(), (Double) own.value(), (Long) users.value(), true));
      }
    }
    Group optimistic = group(leaders, maxFirms, floor, minUsersEach, true);
    Group pessimistic = group(leaders, maxFirms, floor, minUsersEach, false);
    boolean known = optimistic.equals(pessimistic) && leaders.stream().anyMatch(l -> Boolean.TRUE.equals(l.self()));
    if (!known) {
      for (int i = 0; i < given.size(); i++) {
        if (minUsersEach > 0 && given.get(i).monthlyUsersKr() == null && given.get(i).share() >= floor) {
          missing.add(leadersFact.path() + "[" + i + "].monthly_users_kr");
        }
      }
    }
    Group g = pessimistic;
    Boolean selfIn = known ? g.selfIncluded : null;
    add(leadersFact, "this firm among the " + criteria + " (" + (g.names.isEmpty() ? "none" : String.join(", ", g.names)) + ")",
        known ? (g.selfIncluded ? "included" : "not included") : null, "in top", maxFirms, selfIn, null);
    Boolean combinedMet = known ? g.combined.compareTo(BigDecimal.valueOf(combinedAtLeast)) >= 0 : null;
    add(leadersFact, "combined share of the " + criteria, known ? g.combined.doubleValue() : null, ">=", combinedAtLeast,
        combinedMet, known ? margin(g.combined.doubleValue(), combinedAtLeast, ">=") : null, "share");
    if (addThenDeny) {
      Double own = null;
      for (Leader l : leaders) if (Boolean.TRUE.equals(l.self())) own = l.share();
      add(leadersFact, denial(minShareEach), own, ">=", minShareEach, own == null ? null : compareNumbers(own, minShareEach) >= 0,
          own == null ? null : margin(own, minShareEach, ">="), "share");
    }
  }

  private static String denial(double minShareEach) {
    return "this firm's own share (a firm under " + pct(minShareEach) + " is not presumed)";
  }

  private record Group(List<String> names, BigDecimal combined, boolean selfIncluded) {}

  /** The wording of a topFirms test, made once per distinct test (rules call it for every service). */
  private record Criteria(int maxFirms, double minShareEach, long minUsersEach) {}

  private static final Map<Criteria, String> CRITERIA = new java.util.concurrent.ConcurrentHashMap<>();

  private static final Comparator<Leader> BY_SHARE = Comparator.comparing(Leader::share).reversed()
      .thenComparing(l -> String.valueOf(l.name()));

  private static Group group(List<Leader> leaders, int maxFirms, double minShare, long minUsers, boolean unknownUsersEligible) {
    // Plain loops rather than streams: this runs for every service the oligopoly rules see.
    List<Leader> top = new ArrayList<>(leaders.size());
    for (Leader l : leaders) {
      if (l.share() >= minShare
          && (minUsers <= 0 || (l.monthlyUsersKr() == null ? unknownUsersEligible : l.monthlyUsersKr() >= minUsers))) {
        top.add(l);
      }
    }
    top.sort(BY_SHARE);
    if (top.size() > maxFirms) top = top.subList(0, Math.max(0, maxFirms));
    BigDecimal sum = BigDecimal.ZERO;
    List<String> names = new ArrayList<>(top.size());
    boolean self = false;
    for (Leader l : top) {
      sum = sum.add(BigDecimal.valueOf(l.share()));
      names.add(String.valueOf(l.name()));
      self |= Boolean.TRUE.equals(l.self());
    }
    return new Group(List.copyOf(names), sum, self);
  }

  /**
   * The finding applies only where the fact at {@code path} equals {@code expected}; where it does
   * not, the rule's finding is dropped, and where the profile does not say, the finding is undetermined.
   */
  public Assessment onlyIf(String path, Object expected) {
    if (expected instanceof Number n) finite(n, path);
    FactPaths.Fact f = resolve(path);
    if (f.value() == null) {
      if (applicable != Boolean.FALSE) applicable = null;
      missing.add(f.path());
      add(f, "applies only if", null, "==", expected, null, null);
    } else if (!Objects.equals(f.value(), expected)) {
      applicable = Boolean.FALSE;
      add(f, "applies only if", f.value(), "==", expected, false, null); // kept for explanations; never reported
    } else {
      add(f, "applies only if", f.value(), "==", expected, true, null);
    }
    return this;
  }

  /**
   * The finding applies only where the number at {@code path} is at least {@code line} (a band of a
   * scale, say); below it the finding is dropped, and where the profile does not say, undetermined.
   */
  public Assessment onlyIfAtLeast(String path, Number line) {
    return onlyIfCompare(path, ">=", line);
  }

  /** As {@link #onlyIfAtLeast}, for a number above {@code line}. */
  public Assessment onlyIfAbove(String path, Number line) {
    return onlyIfCompare(path, ">", line);
  }

  /** As {@link #onlyIfAtLeast}, for a number below {@code line}. */
  public Assessment onlyIfBelow(String path, Number line) {
    return onlyIfCompare(path, "<", line);
  }

  /** As {@link #onlyIf}, where the fact at {@code path} must be one of {@code values}. */
  public Assessment onlyIfOneOf(String path, String... values) {
    FactPaths.Fact f = resolve(path);
    Boolean holds = f.value() == null ? null : List.of(values).contains(String.valueOf(f.value()));
    return applicability(f, holds, "in", String.join(", ", values));
  }

  /**
   * The finding applies only where the date at {@code path} (e.g. {@code company.domestic_agent.designated_on})
   * is on or after {@code isoDate}; before it the finding is dropped, and where the profile does not say,
   * undetermined. The date is legal content and is written in the rule.
   */
  public Assessment onlyIfOnOrAfter(String path, String isoDate) {
    FactPaths.Fact f = resolve(path);
    LocalDate line = LocalDate.parse(isoDate);
    if (f.value() != null && !(f.value() instanceof LocalDate)) throw new IllegalArgumentException("rule " + rule + ": fact '" + path + "' is not a date");
    Boolean holds = f.value() == null ? null : !((LocalDate) f.value()).isBefore(line);
    return applicability(f, holds, ">=", line);
  }

  /**
   * The word at {@code path} must rank at least as high as the word at {@code otherPath} in
   * {@code order} (lowest first), e.g. the CSAP tier held against the tier the customer needs:
   * {@code atLeastRank("cloud.csap_tier", "cloud.required_tier", "none", "low", "medium", "high")}.
   */
  public Assessment atLeastRank(String path, String otherPath, String... order) {
    FactPaths.Fact f = resolve(path);
    FactPaths.Fact g = resolve(otherPath);
    List<String> ranks = List.of(order);
    Integer a = rank(f, ranks);
    Integer b = rank(g, ranks);
    if (a == null) missing.add(f.path());
    if (b == null) missing.add(g.path());
    add(f, "ranks at least as high as " + g.path() + " (" + String.join(" < ", order) + ")", f.value(), ">=", g.value(),
        a == null || b == null ? null : a >= b, null);
    return this;
  }

  private Integer rank(FactPaths.Fact f, List<String> ranks) {
    if (f.value() == null) return null;
    int i = ranks.indexOf(String.valueOf(f.value()));
    if (i < 0) throw new IllegalArgumentException("rule " + rule + ": '" + f.value() + "' at " + f.path() + " is not one of " + ranks);
    return i;
  }

  private Assessment onlyIfCompare(String path, String op, Number line) {
    finite(line, path);
    FactPaths.Fact f = resolve(path);
    Object v = f.value();
    if (v != null && !(v instanceof Number)) throw new IllegalArgumentException("rule " + rule + ": fact '" + path + "' is not a number");
    Boolean holds = null;
    if (v != null) {
      int c = compareNumbers((Number) v, line);
      holds = switch (op) {
        case ">=" -> c >= 0;
        case ">" -> c > 0;
        default -> c < 0;
      };
    }
    return applicability(f, holds, op, normalise(line, f.unit()));
  }

  /** Records an "applies only if" condition: dropped when false, undetermined when unknown. */
  private Assessment applicability(FactPaths.Fact f, Boolean holds, String op, Object threshold) {
    if (holds == null) {
      if (applicable != Boolean.FALSE) applicable = null;
      missing.add(f.path());
      add(f, "applies only if", null, op, threshold, null, null);
    } else if (!holds) {
      applicable = Boolean.FALSE;
      add(f, "applies only if", f.value(), op, threshold, false, null); // kept for explanations; never reported
    } else {
      add(f, "applies only if", f.value(), op, threshold, true, null);
    }
    return this;
  }

  /** This finding rests on a designation; an undetermined designation makes it undetermined too. */
  public Assessment given(Assessment designation) {
    outcome = null;
    dependsOn.add(designation.rule);
    Outcome o = designation.getOutcome();
    if (o == Outcome.UNDETERMINED) {
      dependsUndetermined = true;
      missing.addAll(designation.missing);
    } else if (o != Outcome.DESIGNATED) {
      applicable = Boolean.FALSE;
    }
    return this;
  }

  /**
   * For a prohibition: the practice at {@code path} (a conduct entry such as
   * {@code conduct.self_preferencing}). Present without a justification is a violation; with one,
   * a justification to review; absent, clear; not stated, undetermined.
   */
  public Assessment conduct(String path) {
    FactPaths.Fact f = resolve(path);
    FactPaths.Fact present = resolve(path + ".present");
    conductStated = true;
    ConductFact c = (ConductFact) f.value();
    conductPresent = c == null ? null : c.present();
    if (conductPresent == null) missing.add(present.path());
    if (c != null && c.justification() != null && !c.justification().isBlank()) justification = c.justification().strip();
    add(present, null, conductPresent, "==", false, conductPresent == null ? null : !conductPresent, null);
    return this;
  }

  /** Who must prove a legitimate reason for the conduct (e.g. "the platform"). */
  public Assessment burdenOn(String who) {
    this.burden = who;
    return this;
  }

  /** A caveat shown beside the finding. */
  public Assessment note(String text) {
    notes.add(text);
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Sanctions: statutory ceilings

  /** A ceiling stated in words only. */
  public Assessment sanction(String text) {
    sanction = new Sanction(text, null, null, null, null, null);
    return this;
  }

  /** A flat ceiling in won (e.g. an administrative fine). */
  public Assessment sanctionFlat(long capKrw, String text) {
    sanction = new Sanction(text, null, null, null, null, capKrw);
    return this;
  }

  /**
   * The sanction attaches only where one of the tests at {@code paths} (stated before this call) is unmet or not known: the
   * sanction article names only that part of the duty. Where those tests are all met (the duty unmet
   * for another of its elements), the finding carries no sanction.
   */
  public Assessment sanctionOnlyFor(String... paths) {
    if (paths.length == 0) throw new IllegalArgumentException("rule " + rule + ": sanctionOnlyFor names at least one path");
    for (String p : paths) {
      String path = resolve(p).path();
      boolean tested = false;
      for (Test t : tests) tested |= t.fact().equals(path) && !"applies only if".equals(t.label());
      if (!tested) throw new IllegalArgumentException("rule " + rule + ": sanctionOnlyFor names " + p + ", which the rule does not test before it");
      sanctionPaths.add(path);
    }
    return this;
  }

  /** Each rate as a decimal, made once (from the double's shortest decimal form, which is slow to find). */
  private static final Map<Double, BigDecimal> RATES = new java.util.concurrent.ConcurrentHashMap<>();

  /** A ceiling of {@code rate} × the revenue at {@code basePath}. */
  public Assessment sanctionRate(double rate, String basePath, String text) {
    return sanctionRate(rate, basePath, 0, text);
  }

  /** A ceiling of {@code rate} × the revenue at {@code basePath}, or {@code flatCapKrw} where there is none. */
  public Assessment sanctionRate(double rate, String basePath, long flatCapKrw, String text) {
    finite(rate, basePath);
    FactPaths.Fact base = resolve(basePath);
    Long baseKrw = base.value() == null ? null : ((Number) base.value()).longValue();
    Long max = baseKrw == null ? null : RATES.computeIfAbsent(rate, BigDecimal::valueOf).multiply(BigDecimal.valueOf(baseKrw)).longValue();
    sanction = new Sanction(text, rate, base.path(), baseKrw, max, flatCapKrw > 0 ? flatCapKrw : null);
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the result (also from rule patterns)

  public String getRule() {
    return rule;
  }

  public String getRegime() {
    return regime;
  }

  public Kind getKind() {
    return kind;
  }

  /** The service id, or null for a company-level finding. */
  public String getServiceId() {
    return service == null ? null : service.id();
  }

  /** False when an {@link #onlyIf} condition does not hold: such an assessment is not reported. */
  public boolean isApplicable() {
    return applicable != Boolean.FALSE;
  }

  public boolean isDesignated() {
    return getOutcome() == Outcome.DESIGNATED;
  }

  /** Designated, or undetermined: the duties that rest on it are then reported as undetermined. */
  public boolean isPossiblyDesignated() {
    Outcome o = getOutcome();
    return kind == Kind.DESIGNATION && (o == Outcome.DESIGNATED || o == Outcome.UNDETERMINED);
  }

  public Outcome getOutcome() {
    Outcome o = outcome;
    if (o == null) {
      o = outcomeNow();
      outcome = o;
    }
    return o;
  }

  private Outcome outcomeNow() {
    boolean anyFalse = false;
    boolean anyUnknown = applicable == null || dependsUndetermined;
    if (kind == Kind.PROHIBITION) {
      if (!conductStated) throw new IllegalStateException("rule " + rule + ": a prohibition needs .conduct(path)");
      if (Boolean.FALSE.equals(conductPresent)) return Outcome.CLEAR;
      for (Test t : tests) if (t.met() == null && !t.fact().endsWith(".present")) anyUnknown = true;
      if (conductPresent == null || anyUnknown) return Outcome.UNDETERMINED;
      return justification != null ? Outcome.JUSTIFICATION_CLAIMED : Outcome.VIOLATION;
    }
    for (Test t : tests) {
      if (t.met() == null) anyUnknown = true;
      else if (!t.met() && !"applies only if".equals(t.label())) anyFalse = true;
    }
    if (kind == Kind.DESIGNATION) {
      return anyFalse ? Outcome.NOT_DESIGNATED : anyUnknown ? Outcome.UNDETERMINED : Outcome.DESIGNATED;
    }
    // A duty not known to apply (its designation undetermined, or an onlyIf fact not stated) is
    // undetermined even when a test fails: unmet only if it applies.
    if (anyFalse && (applicable == null || dependsUndetermined)) return Outcome.UNDETERMINED;
    return anyFalse ? Outcome.UNMET : anyUnknown ? Outcome.UNDETERMINED : Outcome.MET;
  }

  public List<Test> getTests() {
    return List.copyOf(tests);
  }

  public List<String> getMissing() {
    return List.copyOf(missing);
  }

  public List<String> getDependsOn() {
    return List.copyOf(dependsOn);
  }

  public List<String> getNotes() {
    return List.copyOf(notes);
  }

  /**
   * The sanction; null where {@link #sanctionOnlyFor} names tests that are all met while another test
   * of the duty is unmet or not stated (the duty may be breached, but not in the element that is fined).
   */
  public Sanction getSanction() {
    if (sanction == null || sanctionPaths.isEmpty()) return sanction;
    boolean allMet = true;
    for (Test t : tests) {
      if ("applies only if".equals(t.label()) || Boolean.TRUE.equals(t.met())) continue;
      if (sanctionPaths.contains(t.fact())) return sanction; // the fined element is unmet or not stated
      allMet = false;
    }
    return allMet ? sanction : null; // a met duty keeps the ceiling its breach would carry
  }

  /**
   * The other readings the rule states whose outcome differs from the rule's own reading, each with
   * the tests it turns on. Empty when every reading gives the same outcome.
   */
  public List<Reading> getReadings() {
    if (readingSpecs.isEmpty()) return List.of();
    List<Reading> out = new ArrayList<>(readingSpecs.size());
    Outcome own = getOutcome();
    for (ReadingSpec r : readingSpecs) {
      Assessment other = new Assessment(this);
      TopFirmsCall c = r.call();
      other.tests.subList(c.testsFrom(), c.testsTo()).clear();
      other.missing.removeAll(new ArrayList<>(missing).subList(c.missingFrom(), c.missingTo()));
      int from = other.tests.size();
      other.topFirms(c.maxFirms(), c.minShareEach(), c.minUsersEach(), c.combinedAtLeast(), r.addThenDeny());
      other.outcome = null;
      Outcome o = other.getOutcome();
      if (o == own) continue;
      StringBuilder note = new StringBuilder();
      for (Test t : other.tests.subList(from, other.tests.size())) {
        if (note.length() > 0) note.append("; ");
        note.append(t.label()).append(": ").append(shown(t.value(), t.unit())).append(' ').append(t.op()).append(' ')
            .append(shown(t.threshold(), t.unit())).append(t.met() == null ? " (not known)" : t.met() ? " (met)" : " (not met)");
      }
      out.add(new Reading(r.label(), o, note.toString()));
    }
    return List.copyOf(out);
  }

  private static String shown(Object v, String unit) {
    if (v == null) return "not stated";
    if ("share".equals(unit) && v instanceof Number n) return BigDecimal.valueOf(n.doubleValue() * 100).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%";
    return String.valueOf(v);
  }

  public String getJustification() {
    return justification;
  }

  public String getBurden() {
    return burden;
  }

  @Override
  public String toString() {
    return "Assessment(" + rule + ", " + (service == null ? "company" : service.id()) + ", " + getOutcome() + ")";
  }

  // ---------------------------------------------------------------------------------------------

  private FactPaths.Fact resolve(String path) {
    return facts.get(service, path).fact();
  }

  /**
   * Refuses a line that is not a finite number: with NaN every comparison is false, so "at least NaN"
   * would read as met or unmet by accident, and the report could not show it. The rule grammar refuses
   * such a literal; this holds for trusted rules too.
   */
  private void finite(Number line, String path) {
    if (line == null) throw new IllegalArgumentException("the line for '" + path + "' is null: a rule's line must be a finite number");
    double d = line.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("the line for '" + path + "' is " + line + ": a rule's line must be a finite number");
    }
  }

  private Assessment compare(String path, String op, Number line) {
    finite(line, path);
    FactPaths.Fact f = resolve(path);
    Object v = f.value();
    if (v != null && !(v instanceof Number)) throw new IllegalArgumentException("rule " + rule + ": fact '" + path + "' is not a number");
    Boolean met = null;
    Double margin = null;
    if (v != null) {
      int c = compareNumbers((Number) v, line);
      met = switch (op) {
        case ">=" -> c >= 0;
        case ">" -> c > 0;
        case "<=" -> c <= 0;
        default -> c < 0;
      };
      margin = margin(((Number) v).doubleValue(), line.doubleValue(), op);
    } else {
      missing.add(f.path());
    }
    add(f, null, v, op, normalise(line, f.unit()), met, margin);
    return this;
  }

  /**
   * Compares two numbers exactly, as decimals: whole numbers as longs, two doubles as doubles (a
   * double's shortest decimal form orders as the double does), a whole number against a double
   * through {@link BigDecimal}.
   */
  static int compareNumbers(Number a, Number b) {
    boolean aWhole = a instanceof Long || a instanceof Integer;
    boolean bWhole = b instanceof Long || b instanceof Integer;
    if (aWhole && bWhole) return Long.compare(a.longValue(), b.longValue());
    if (a instanceof Double && b instanceof Double) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      return x < y ? -1 : x > y ? 1 : 0; // -0.0 equals 0.0, as with BigDecimal
    }
    return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
  }

  private static Double margin(double value, double line, String op) {
    if (line == 0) return null;
    double m = (value - line) / Math.abs(line);
    return op.startsWith(">") ? m : -m;
  }

  private static Object normalise(Number line, String unit) {
    double d = line.doubleValue();
    if (!"share".equals(unit) && d == Math.rint(d) && Math.abs(d) < 9.0e18) return (long) d;
    return line;
  }

  private static String pct(double share) {
    return BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + "%";
  }

  private void add(FactPaths.Fact f, String label, Object value, String op, Object threshold, Boolean met, Double margin) {
    add(f, label, value, op, threshold, met, margin, f.unit());
  }

  private void add(FactPaths.Fact f, String label, Object value, String op, Object threshold, Boolean met, Double margin, String unit) {
    SourceLocation at = facts.at(f);
    outcome = null;
    tests.add(new Test(f.path(), label, value, op, threshold, met, margin, unit,
        at == null ? 0 : at.line(), at == null ? 0 : at.column()));
  }
}
