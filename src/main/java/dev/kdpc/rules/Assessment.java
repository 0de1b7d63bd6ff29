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
import java.util.LinkedHashMap;
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
  /** The rule's metadata from the KieBase's table, or null where the evaluation had none (see {@link #getInfo}). */
  private final RuleInfo info;
  private final String regime;
  private final Kind kind;
  private final Profile profile;
  private final Service service;
  private final FactCache facts;
  private final List<Test> tests = new ArrayList<>();
  private final PathSet missing = new PathSet();
  /** Made by the first entry: most findings rest on no designation and give no note of their own. */
  private List<String> dependsOn = List.of();
  private List<String> notes = List.of();
  /**
   * Immutable copies of {@link #tests}, {@link #missing}, {@link #dependsOn} and {@link #notes}, made when first
   * read and forgotten by every change to the list (the report reads each several times; rules change them only
   * in their consequence, before anything reads them).
   */
  private List<Test> testsCopy;
  private List<String> missingCopy;
  private List<String> dependsOnCopy;
  private List<String> notesCopy;
  /** The Korean of this assessment's texts, keyed by the English ({@link #ko}). */
  private Map<String, String> ko = Map.of(); // made by the first .ko("…"): see notes
  /** The text of the last builder call that took one, which {@link #ko} translates; null before any. */
  private String lastText;
  private Boolean applicable = Boolean.TRUE;
  /** The outcome once worked out; forgotten by every change ({@link #add} and {@link #given} make them all). */
  private Outcome outcome;
  private boolean dependsUndetermined;
  private Sanction sanction;
  private Boolean conductPresent;
  /** The path of the conduct's {@code present} fact when the profile does not state it. */
  private String conductPath;
  private boolean conductStated;
  private String justification;
  private String burden;
  /** The paths whose unmet test the sanction article names ({@link #sanctionOnlyFor}); empty: the whole duty. */
  private Set<String> sanctionPaths = Set.of(); // made when a rule names one: most do not
  /** The last {@link #topFirms} call, which {@link #otherReading} works out again under the other reading. */
  private TopFirmsCall lastTopFirms;
  /** The other readings the rule states ({@link #otherReading}). */
  private List<ReadingSpec> readingSpecs = List.of(); // made when a rule states one: most do not
  /**
   * For a designation: the outcome when every test holds, {@link Outcome#PRESUMED} or
   * {@link Outcome#MEETS_CRITERIA}, from the rule's {@code @designation} metadata (which the catalogue
   * requires on every designation rule and checks once, at load: see {@link RuleInfo#designation()}).
   */
  private final Outcome whenMet;
  /** The tests on facts the profile does not state, kept to work out the outcome over every value they could take (null: none). */
  private List<Open> open;
  /** The undetermined designations this finding rests on (null: none). */
  private List<Assessment> openGivens;
  /** For a finding merged from several instances of one rule (one per designation): every instance; it applies where any does. */
  private List<Assessment> alternatives;
  /** Of the missing facts, those that can change the outcome; null until worked out. */
  private List<String> material;
  /** Of the missing facts, those that cannot. */
  private List<String> immaterial;
  /** True when a test of the finding itself (not an "applies only if" one) is known to fail. */
  private boolean anyKnownFalse;
  /** True when no completion of the missing facts lets the finding apply. */
  private boolean neverApplies;
  /** For a finding merged from instances ({@link #anyOf}): the instance it shows (its tests are that instance's). */
  private Assessment shown;
  /** For an instance worked out with the others of its finding ({@link #outcomesTogether}): their one enumeration. */
  private Together together;

  private Assessment(RuleContext ctx, Kind kind, Object subject) {
    FactCache cache = subject instanceof ServiceFact s ? s.facts() : subject instanceof CompanyFact c ? c.facts() : null;
    RuleInfo info = cache == null ? null : cache.info(ctx.getRule());
    this.kind = kind;
    this.info = info;
    if (info != null && (kind != Kind.DESIGNATION || info.designation() != null)) {
      this.rule = info.id();
      this.regime = info.regime();
      this.whenMet = kind == Kind.DESIGNATION ? info.designation().whenMet() : null;
    } else {
      Map<String, Object> meta = ctx.getRule().getMetaData();
      this.rule = String.valueOf(meta.getOrDefault("id", ctx.getRule().getName()));
      this.regime = (String) meta.get("regime");
      this.whenMet = kind == Kind.DESIGNATION ? RuleInfo.Designation.outcomeOf(meta.get("designation")) : null;
    }
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

  /**
   * A layer-1 finding: does the service (or company) meet the regime's designation test? Met reads
   * {@code presumed} or {@code meets_criteria} after the rule's {@code @designation} metadata.
   */
  public static Assessment designation(RuleContext ctx, Object subject) {
    return new Assessment(ctx, Kind.DESIGNATION, subject);
  }

  /** A duty: met when every test holds. */
  public static Assessment obligation(RuleContext ctx, Object subject) {
    return new Assessment(ctx, Kind.OBLIGATION, subject);
  }

  /**
   * What a buyer or regulator may do with the service (e.g. whether a public body may buy it at a
   * CSAP tier): eligible when every test holds, ineligible when one fails. Not a duty of the provider.
   */
  public static Assessment eligibility(RuleContext ctx, Object subject) {
    return new Assessment(ctx, Kind.ELIGIBILITY, subject);
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
    FactCache.Located l = located(path);
    FactPaths.Fact f = l.fact();
    Boolean met = f.value() == null ? null : Objects.equals(f.value(), expected);
    if (met == null) unknown(f, new Equal(false, f.path(), expected, f.unit()));
    add(l, null, f.value(), "==", expected, met, null);
    return this;
  }

  /** The fact at {@code path} must be one of {@code allowed}. */
  public Assessment oneOf(String path, String... allowed) {
    FactCache.Located l = located(path);
    FactPaths.Fact f = l.fact();
    Boolean met = f.value() == null ? null : List.of(allowed).contains(String.valueOf(f.value()));
    if (met == null) unknown(f, new OneOf(false, f.path(), List.of(allowed)));
    add(l, null, f.value(), "in", String.join(", ", allowed), met, null);
    return this;
  }

  /** The list at {@code path} must have at least one entry. */
  public Assessment notEmpty(String path) {
    FactCache.Located l = located(path);
    FactPaths.Fact f = l.fact();
    Integer n = f.value() instanceof List<?> list ? list.size() : null;
    if (n == null) unknown(f, new NotEmpty(f.path()));
    add(l, "number of entries", n, ">=", 1, n == null ? null : n >= 1, null);
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
    int openFrom = open == null ? 0 : open.size();
    topFirms(maxFirms, minShareEach, minUsersEach, combinedAtLeast, false);
    lastTopFirms = new TopFirmsCall(maxFirms, minShareEach, minUsersEach, combinedAtLeast, from, tests.size(), missingFrom, missing.size(),
        openFrom, open == null ? 0 : open.size());
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
    if (readingSpecs.isEmpty()) readingSpecs = new ArrayList<>(1);
    readingSpecs.add(new ReadingSpec(label, addThenDeny, lastTopFirms));
    lastText = label;
    return this;
  }

  private record TopFirmsCall(int maxFirms, double minShareEach, long minUsersEach, double combinedAtLeast, int testsFrom, int testsTo,
      int missingFrom, int missingTo, int openFrom, int openTo) {}

  private record ReadingSpec(String label, boolean addThenDeny, TopFirmsCall call) {}

  private void topFirms(int maxFirms, double minShareEach, long minUsersEach, double combinedAtLeast, boolean addThenDeny) {
    finite(minShareEach, "market.leaders");
    finite(combinedAtLeast, "market.leaders");
    FactCache.Located leadersAt = located("market.leaders");
    FactPaths.Fact leadersFact = leadersAt.fact();
    @SuppressWarnings("unchecked")
    List<Leader> given = (List<Leader>) leadersFact.value();
    double floor = addThenDeny ? 0 : minShareEach; // add-then-deny: no firm is left out before adding up
    String criteria = CRITERIA.computeIfAbsent(new Criteria(maxFirms, floor, minUsersEach), c -> "top " + maxFirms + " firms"
        + (floor > 0 ? " with a share ≥ " + pct(floor) : "")
        + (minUsersEach > 0 ? (floor > 0 ? " and" : " with") + " ≥ " + String.format(java.util.Locale.ROOT, "%,d", minUsersEach) + " monthly users each" : ""));
    FactPaths.Fact own = resolve("market.share");
    FactPaths.Fact ownUsers = resolve("users.monthly_active_kr");
    if (given == null || given.isEmpty()) {
      TopFirms t = new TopFirms(maxFirms, floor, minUsersEach, combinedAtLeast, null, leadersFact.path(),
          (Double) own.value(), null, (Long) ownUsers.value(), minUsersEach > 0 && ownUsers.value() == null ? ownUsers.path() : null,
          profile.displayName());
      missing.add(leadersFact.path());
      if (t.ownUsersPath != null) missing.add(t.ownUsersPath);
      opens().add(t);
      boolean[] can = t.local();
      Boolean met = can == null || can[0] == can[1] ? null : can[1];
      add(leadersAt, "this firm among the " + criteria, null, "in top", maxFirms, met, null);
      add(leadersAt, "combined share of the " + criteria, null, ">=", combinedAtLeast, met, null, "share");
      if (addThenDeny) denial(leadersAt, own, (Double) own.value(), minShareEach);
      return;
    }
    Firms firms = firms(given, own.value(), ownUsers.value(), floor, minUsersEach);
    List<Leader> leaders = firms.leaders();
    String ownSharePath = firms.ownShareMissing() ? own.path() : null;
    String ownUsersPath = firms.ownUsersMissing() ? ownUsers.path() : null;
    String[] userPaths = null;
    if (firms.usersMissing() != null) {
      userPaths = new String[given.size()];
      for (int i = 0; i < given.size(); i++) if (firms.usersMissing()[i]) userPaths[i] = leadersFact.path() + "[" + i + "].monthly_users_kr";
    }
    boolean known = firms.known();
    Group g = group(leaders, maxFirms, floor, minUsersEach, false);
    Boolean selfIn;
    Boolean combinedMet;
    if (known) {
      selfIn = g.selfIncluded;
      combinedMet = g.combined.compareTo(BigDecimal.valueOf(combinedAtLeast)) >= 0;
    } else {
      TopFirms t = new TopFirms(maxFirms, floor, minUsersEach, combinedAtLeast, given, leadersFact.path(),
          (Double) own.value(), ownSharePath, (Long) ownUsers.value(), ownUsersPath, profile.displayName());
      t.userPaths = userPaths;
      if (ownSharePath != null) missing.add(ownSharePath);
      if (userPaths != null) for (String u : userPaths) if (u != null) missing.add(u);
      if (ownUsersPath != null) missing.add(ownUsersPath);
      opens().add(t);
      boolean[] can = t.local();
      selfIn = can == null || can[2] == can[3] ? null : can[3];
      combinedMet = can == null || can[4] == can[5] ? null : can[5];
    }
    // The values shown are those of the firms known to meet the criteria; shown once the test is decided.
    boolean show = ownSharePath == null && (known || (selfIn != null && combinedMet != null));
    add(leadersAt, "this firm among the " + criteria + " (" + (g.names.isEmpty() ? "none" : String.join(", ", g.names)) + ")",
        show ? (g.selfIncluded ? "included" : "not included") : null, "in top", maxFirms, selfIn, null);
    add(leadersAt, "combined share of the " + criteria, show ? g.combined.doubleValue() : null, ">=", combinedAtLeast,
        combinedMet, show ? margin(g.combined.doubleValue(), combinedAtLeast, ">=") : null, "share");
    if (addThenDeny) {
      denial(leadersAt, own, firms.ownShare(), minShareEach);
    }
  }

  /**
   * The firms an oligopoly test counts: the leaders listed, with this firm added where the list leaves it
   * out and its share is stated; and which facts the test reads under {@code floor} are not stated (this
   * firm's share, its users, a listed firm's users: by index, null where none).
   */
  private record Firms(List<Leader> leaders, boolean ownShareMissing, boolean ownUsersMissing, boolean[] usersMissing) {
    boolean known() {
      return !ownShareMissing && !ownUsersMissing && usersMissing == null;
    }

    /** This firm's share among them (the last entry marked as this firm's), or null where none is. */
    Double ownShare() {
      Double share = null;
      for (Leader l : leaders) if (Boolean.TRUE.equals(l.self())) share = l.share();
      return share;
    }
  }

  private Firms firms(List<Leader> given, Object own, Object ownUsers, double floor, long minUsersEach) {
    List<Leader> leaders = new ArrayList<>(given);
    boolean listed = false;
    for (Leader l : given) listed |= Boolean.TRUE.equals(l.self());
    boolean ownShareMissing = false;
    boolean ownUsersMissing = false;
    if (!listed) {
      if (own == null) ownShareMissing = true;
      else leaders.add(new Leader(profile.displayName(), (Double) own, (Long) ownUsers, true));
      ownUsersMissing = minUsersEach > 0 && ownUsers == null && (own == null || (Double) own >= floor);
    }
    boolean[] usersMissing = null;
    for (int i = 0; i < given.size(); i++) {
      if (minUsersEach > 0 && given.get(i).monthlyUsersKr() == null && given.get(i).share() >= floor) {
        if (usersMissing == null) usersMissing = new boolean[given.size()];
        usersMissing[i] = true;
      }
    }
    return new Firms(leaders, ownShareMissing, ownUsersMissing, usersMissing);
  }

  /**
   * The oligopoly test of {@code c} read as {@code addThenDeny} says, where the profile states every fact it
   * reads: whether it holds (this firm among the top firms, their combined share reached and, adding up
   * before denying, this firm's own share at least the floor), as {@link #topFirms} works it out; null where
   * a fact it reads is not stated.
   */
  private Boolean decided(TopFirmsCall c, boolean addThenDeny) {
    @SuppressWarnings("unchecked")
    List<Leader> given = (List<Leader>) resolve("market.leaders").value();
    if (given == null || given.isEmpty()) return null;
    double floor = addThenDeny ? 0 : c.minShareEach();
    Firms firms = firms(given, resolve("market.share").value(), resolve("users.monthly_active_kr").value(), floor, c.minUsersEach());
    if (!firms.known()) return null;
    Group g = group(firms.leaders(), c.maxFirms(), floor, c.minUsersEach(), false);
    boolean holds = g.selfIncluded && g.combined.compareTo(BigDecimal.valueOf(c.combinedAtLeast())) >= 0;
    if (addThenDeny) {
      Double ownShare = firms.ownShare();
      if (ownShare == null) return null;
      holds &= compareNumbers(ownShare, c.minShareEach()) >= 0;
    }
    return holds;
  }

  /**
   * The add-then-deny reading's own test: a firm whose share is under the floor is not presumed, even
   * in a group that holds enough. Where this firm's share is not stated, it is worked out over every
   * value it could take, like the other tests.
   */
  private void denial(FactCache.Located leadersAt, FactPaths.Fact own, Double ownShare, double minShareEach) {
    if (ownShare == null) unknown(own, new Compare(false, own.path(), ">=", minShareEach, "share"));
    String label = DENIAL.computeIfAbsent(minShareEach, x -> "this firm's own share (a firm under " + pct(x) + " is not presumed)");
    add(leadersAt, label, ownShare, ">=", minShareEach,
        ownShare == null ? null : compareNumbers(ownShare, minShareEach) >= 0,
        ownShare == null ? null : margin(ownShare, minShareEach, ">="), "share");
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
    FactCache.Located l = located(path);
    FactPaths.Fact f = l.fact();
    if (f.value() == null) {
      if (applicable != Boolean.FALSE) applicable = null;
      unknown(f, new Equal(true, f.path(), expected, f.unit()));
      add(l, "applies only if", null, "==", expected, null, null);
    } else if (!Objects.equals(f.value(), expected)) {
      applicable = Boolean.FALSE;
      add(l, "applies only if", f.value(), "==", expected, false, null); // kept for explanations; never reported
    } else {
      add(l, "applies only if", f.value(), "==", expected, true, null);
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
    FactCache.Located l = located(path);
    FactPaths.Fact f = l.fact();
    Boolean holds = f.value() == null ? null : List.of(values).contains(String.valueOf(f.value()));
    if (holds == null) unknown(f, new OneOf(true, f.path(), List.of(values)));
    return applicability(l, holds, "in", String.join(", ", values));
  }

  /**
   * The finding applies only where the date at {@code path} (e.g. {@code company.domestic_agent.designated_on})
   * is on or after {@code isoDate}; before it the finding is dropped, and where the profile does not say,
   * undetermined. The date is legal content and is written in the rule.
   */
  public Assessment onlyIfOnOrAfter(String path, String isoDate) {
    FactCache.Located l = located(path);
    FactPaths.Fact f = l.fact();
    LocalDate line = LocalDate.parse(isoDate);
    if (f.value() != null && !(f.value() instanceof LocalDate)) throw new IllegalArgumentException("rule " + rule + ": fact '" + path + "' is not a date");
    Boolean holds = f.value() == null ? null : !((LocalDate) f.value()).isBefore(line);
    if (holds == null) unknown(f, new OnOrAfter(f.path(), line));
    return applicability(l, holds, ">=", line);
  }

  /**
   * The word at {@code path} must rank at least as high as the word at {@code otherPath} in
   * {@code order} (lowest first), e.g. the CSAP tier held against the tier the customer needs:
   * {@code atLeastRank("cloud.csap_tier", "cloud.required_tier", "none", "low", "medium", "high")}.
   */
  public Assessment atLeastRank(String path, String otherPath, String... order) {
    FactCache.Located l = located(path);
    FactPaths.Fact f = l.fact();
    FactPaths.Fact g = resolve(otherPath);
    List<String> ranks = List.of(order);
    Integer a = rank(f, ranks);
    Integer b = rank(g, ranks);
    if (a == null || b == null) {
      Rank r = new Rank(f.path(), a, g.path(), b, ranks);
      if (a == null) missing.add(f.path());
      if (b == null) missing.add(g.path());
      opens().add(r);
    }
    add(l, "ranks at least as high as " + g.path() + " (" + String.join(" < ", order) + ")", f.value(), ">=", g.value(),
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
    FactCache.Located l = located(path);
    FactPaths.Fact f = l.fact();
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
    } else {
      unknown(f, new Compare(true, f.path(), op, line, f.unit()));
    }
    return applicability(l, holds, op, normalise(line, f.unit()));
  }

  /** Records an "applies only if" condition: dropped when false, undetermined when unknown. */
  private Assessment applicability(FactCache.Located l, Boolean holds, String op, Object threshold) {
    Object v = l.fact().value();
    if (holds == null) {
      if (applicable != Boolean.FALSE) applicable = null;
      add(l, "applies only if", null, op, threshold, null, null);
    } else if (!holds) {
      applicable = Boolean.FALSE;
      add(l, "applies only if", v, op, threshold, false, null); // kept for explanations; never reported
    } else {
      add(l, "applies only if", v, op, threshold, true, null);
    }
    return this;
  }

  /** This finding rests on a designation; an undetermined designation makes it undetermined too. */
  public Assessment given(Assessment designation) {
    changed();
    if (dependsOn.isEmpty()) dependsOn = new ArrayList<>(2);
    dependsOn.add(designation.rule);
    Outcome o = designation.getOutcome();
    if (o == Outcome.UNDETERMINED) {
      dependsUndetermined = true;
      missing.addAll(designation.missing);
      if (openGivens == null) openGivens = new ArrayList<>(2);
      openGivens.add(designation);
    } else if (!o.designationMet()) {
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
    FactCache.Located presentAt = located(PRESENT.computeIfAbsent(path, p -> p + ".present"));
    FactPaths.Fact present = presentAt.fact();
    conductStated = true;
    ConductFact c = (ConductFact) f.value();
    conductPresent = c == null ? null : c.present();
    if (conductPresent == null) {
      missing.add(present.path());
      conductPath = present.path();
    }
    if (c != null && c.justification() != null && !c.justification().isBlank()) justification = c.justification().strip();
    add(presentAt, null, conductPresent, "==", false, conductPresent == null ? null : !conductPresent, null);
    return this;
  }

  /** Who must prove a legitimate reason for the conduct (e.g. "the platform"). */
  public Assessment burdenOn(String who) {
    this.burden = who;
    lastText = who;
    return this;
  }

  /** The path of each conduct's {@code present} fact, one object per path (see {@link FactCache}'s identity look-up). */
  private static final Map<String, String> PRESENT = new java.util.concurrent.ConcurrentHashMap<>();

  /** A caveat shown beside the finding. */
  public Assessment note(String text) {
    changed();
    if (notes.isEmpty()) notes = new ArrayList<>(2);
    notes.add(text);
    lastText = text;
    return this;
  }

  /**
   * The Korean of the text of the builder call just before ({@link #note}, {@link #sanction}, {@link #sanctionFlat},
   * {@link #sanctionRate}, {@link #burdenOn} or {@link #otherReading}), which {@code --lang ko} shows instead of it.
   */
  public Assessment ko(String korean) {
    if (lastText == null) {
      throw new IllegalArgumentException("rule " + rule + ": ko(\"…\") follows a builder call with a text (note, sanction, sanctionFlat,"
          + " sanctionRate, burdenOn, otherReading) and gives its Korean");
    }
    if (ko.isEmpty()) ko = new LinkedHashMap<>(4);
    ko.put(lastText, korean);
    lastText = null;
    return this;
  }

  /** The Korean of this assessment's texts, keyed by the English. */
  public Map<String, String> getKo() {
    return ko.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(ko);
  }

  // ---------------------------------------------------------------------------------------------
  // Sanctions: statutory ceilings

  /** A ceiling stated in words only. */
  public Assessment sanction(String text) {
    sanction = new Sanction(text, null, null, null, null, null);
    lastText = text;
    return this;
  }

  /** A flat ceiling in won (e.g. an administrative fine). */
  public Assessment sanctionFlat(long capKrw, String text) {
    sanction = new Sanction(text, null, null, null, null, capKrw);
    lastText = text;
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
      if (sanctionPaths.isEmpty()) sanctionPaths = new LinkedHashSet<>(2);
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
    lastText = text;
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the result (also from rule patterns)

  public String getRule() {
    return rule;
  }

  /** The metadata of the rule that made this assessment, as the catalogue holds it; null where the evaluation was given no rule table. */
  public RuleInfo getInfo() {
    return info;
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
  /** Ruled out by a stated fact: an "applies only if" test known to fail (cheap; {@link #isApplicable} also works out whether any completion of the missing facts lets it apply). */
  public boolean isRuledOut() {
    return applicable == Boolean.FALSE;
  }

  public boolean isApplicable() {
    if (applicable == Boolean.FALSE) return false;
    getOutcome();
    return !neverApplies;
  }

  /** True when this finding rests on a designation that is undetermined. */
  public boolean restsOnUndetermined() {
    return openGivens != null;
  }

  /** A designation met: presumed, or meeting the criteria. */
  public boolean isDesignated() {
    return kind == Kind.DESIGNATION && getOutcome().designationMet();
  }

  /** Met (presumed or meeting the criteria), or undetermined: the duties that rest on it are then reported as undetermined. */
  public boolean isPossiblyDesignated() {
    if (kind != Kind.DESIGNATION) return false; // before the outcome: rules ask it of every finding of a regime
    Outcome o = getOutcome();
    return o.designationMet() || o == Outcome.UNDETERMINED;
  }

  public Outcome getOutcome() {
    Outcome o = outcome;
    if (o == null) {
      o = exact();
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
      return justification != null ? Outcome.JUSTIFICATION_CLAIMED : Outcome.POTENTIAL_VIOLATION;
    }
    for (Test t : tests) {
      if (t.met() == null) anyUnknown = true;
      else if (!t.met() && !"applies only if".equals(t.label())) anyFalse = true;
    }
    if (kind == Kind.DESIGNATION) {
      return anyFalse ? Outcome.NOT_MET : anyUnknown ? Outcome.UNDETERMINED : whenMet;
    }
    // A duty not known to apply (its designation undetermined, or an onlyIf fact not stated) is
    // undetermined even when a test fails: unmet only if it applies.
    if (anyFalse && (applicable == null || dependsUndetermined)) return Outcome.UNDETERMINED;
    if (kind == Kind.ELIGIBILITY) return anyFalse ? Outcome.INELIGIBLE : anyUnknown ? Outcome.UNDETERMINED : Outcome.ELIGIBLE;
    return anyFalse ? Outcome.UNMET : anyUnknown ? Outcome.UNDETERMINED : Outcome.MET;
  }

  public List<Test> getTests() {
    List<Test> t = testsCopy;
    if (t == null) testsCopy = t = List.copyOf(tests);
    return t;
  }

  /** The facts the profile does not state that can change the outcome (see {@link #getMissingImmaterial()}). */
  public List<String> getMissing() {
    getOutcome();
    if (material != null) return material;
    List<String> m = missingCopy;
    if (m == null) missingCopy = m = List.copyOf(missing);
    return m;
  }

  /** The facts the profile does not state that could not change the outcome, whatever their values. */
  public List<String> getMissingImmaterial() {
    getOutcome();
    return immaterial != null ? immaterial : List.of();
  }

  public List<String> getDependsOn() {
    List<String> d = dependsOnCopy;
    if (d == null) dependsOnCopy = d = List.copyOf(dependsOn);
    return d;
  }

  public List<String> getNotes() {
    if (notes.isEmpty()) return List.of();
    List<String> n = notesCopy;
    if (n == null) notesCopy = n = List.copyOf(notes);
    return n;
  }

  /**
   * The sanction; null where {@link #sanctionOnlyFor} names tests that are all met while another test
   * of the duty is unmet or not stated (the duty may be breached, but not in the element that is fined).
   */
  public Sanction getSanction() {
    if (sanction == null || sanctionPaths.isEmpty() || getOutcome() == Outcome.MET) return sanction;
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
      if (noneUnderFloor(r.call().minShareEach())) continue; // nobody to leave out or deny: the readings agree
      if (failsElsewhere(r.call())) continue; // not met under either reading
      if (shortcuts && ownShareUnder(r.call().minShareEach())) continue; // left out, or denied: not met under either reading
      // In any completion where excluding first presumes this firm, its share is at least the floor, so the
      // firms left out rank below it: the top firms of them all hold as much or more, with it among them,
      // and it is not denied. So the exclude-first reading met everywhere is the other met everywhere, and
      // the add-then-deny reading not met everywhere is the other not met everywhere.
      if (shortcuts && (r.addThenDeny() ? own == whenMet : own == Outcome.NOT_MET)) continue; // (ShortcutsTest works them out)
      // Undetermined under exclude-first: met in some completion, so add-then-deny is met there too; and where a
      // fact the oligopoly test does not read turns the outcome, some other test fails in a completion, and
      // fails under add-then-deny alike (it keeps every other test): undetermined under both.
      if (shortcuts && r.addThenDeny() && own == Outcome.UNDETERMINED && turnsElsewhere(r.call())) continue;
      // Every fact stated, and no other test failing (failsElsewhere): the other reading's outcome is its own
      // test's, worked out without a copy of this designation; a copy only where the outcomes differ, for the note.
      if (shortcuts && kind == Kind.DESIGNATION && open == null && openGivens == null && alternatives == null && applicable == Boolean.TRUE) {
        Boolean holds = decided(r.call(), r.addThenDeny());
        if (holds != null && (holds ? whenMet : Outcome.NOT_MET) == own) continue;
      }
      Assessment other = new Assessment(this, false);
      TopFirmsCall c = r.call();
      other.tests.subList(c.testsFrom(), c.testsTo()).clear();
      // a failing test known so far may have been one of those just cleared: work it out again
      other.anyKnownFalse = false;
      for (Test t : other.tests) if (Boolean.FALSE.equals(t.met()) && !"applies only if".equals(t.label())) other.anyKnownFalse = true;
      other.missing.removeAll(new ArrayList<>(missing).subList(c.missingFrom(), c.missingTo()));
      if (other.open != null) {
        other.open.subList(c.openFrom(), c.openTo()).clear(); // the call's open tests go with its tests
        if (other.open.isEmpty()) other.open = null;
      }
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

  /**
   * Whether this is a designation with a test outside the oligopoly test {@code c} known to fail: it is
   * then not met under either reading of that test (the other reading keeps every other test).
   */
  private boolean failsElsewhere(TopFirmsCall c) {
    if (kind != Kind.DESIGNATION) return false;
    for (int i = 0; i < tests.size(); i++) {
      if (i >= c.testsFrom() && i < c.testsTo()) continue;
      Test t = tests.get(i);
      if (Boolean.FALSE.equals(t.met()) && !"applies only if".equals(t.label())) return true;
    }
    return false;
  }

  /**
   * Whether a missing fact that can change this designation's outcome is read by one of its tests outside
   * the oligopoly test {@code c} and by none of {@code c}'s: two completions that differ in that fact alone
   * then give different outcomes with {@code c}'s tests alike, so in one of them a test outside {@code c}
   * fails. (Its own tests only: a designation resting on another is left to the general case.)
   */
  private boolean turnsElsewhere(TopFirmsCall c) {
    if (kind != Kind.DESIGNATION || material == null || open == null || openGivens != null || alternatives != null) return false;
    next:
    for (String p : material) {
      boolean elsewhere = false;
      for (int i = 0; i < open.size(); i++) {
        boolean reads = indexOf(open.get(i).paths(), p) >= 0;
        if (reads && i >= c.openFrom() && i < c.openTo()) continue next; // read by the oligopoly test
        elsewhere |= reads;
      }
      if (elsewhere) return true;
    }
    return false;
  }

  /** Whether this firm's share (in the leaders list, or its own market share) is stated and under {@code floor}. */
  private boolean ownShareUnder(double floor) {
    @SuppressWarnings("unchecked")
    List<Leader> given = (List<Leader>) resolve("market.leaders").value();
    if (given != null) for (Leader l : given) if (Boolean.TRUE.equals(l.self())) return l.share() < floor;
    Object own = resolve("market.share").value();
    return own != null && (Double) own < floor;
  }

  /**
   * Whether every leading firm's share and this firm's are stated and none is under {@code floor}: the
   * readings of the floor then form the same group (no firm is left out before adding up) and deny no
   * one, so they give the same outcome.
   */
  private boolean noneUnderFloor(double floor) {
    @SuppressWarnings("unchecked")
    List<Leader> given = (List<Leader>) resolve("market.leaders").value();
    if (given == null || given.isEmpty()) return false;
    boolean listed = false;
    for (Leader l : given) {
      if (l.share() < floor) return false;
      listed |= Boolean.TRUE.equals(l.self());
    }
    if (listed) return true;
    Object own = resolve("market.share").value();
    return own != null && (Double) own >= floor;
  }

  private static String shown(Object v, String unit) {
    if (v == null) return "not stated";
    if ("share".equals(unit) && v instanceof Number n) {
      double d = n.doubleValue();
      String s = SHOWN.get(d);
      if (s == null) {
        s = BigDecimal.valueOf(d * 100).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%";
        if (SHOWN.size() < 4096) SHOWN.put(d, s); // bounded: the shares come from profiles
      }
      return s;
    }
    return String.valueOf(v);
  }

  /** Shares as a reading's note shows them, made once per share (a decimal's formatting costs more than the rest of the note). */
  private static final Map<Double, String> SHOWN = new java.util.concurrent.ConcurrentHashMap<>();

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

  /** Forgets what was worked out of the lists: called by every builder call that changes them (each test goes through {@link #add}). */
  private void changed() {
    outcome = null;
    testsCopy = null;
    missingCopy = null;
    dependsOnCopy = null;
    notesCopy = null;
  }

  private List<Open> opens() {
    if (open == null) open = new ArrayList<>(2);
    return open;
  }

  private void unknown(FactPaths.Fact f, Open o) {
    missing.add(f.path());
    opens().add(o);
  }

  /**
   * One finding made of several instances of its rule for one subject (one per designation it rests on):
   * it applies wherever any instance does, and its outcome and missing facts are worked out over all of
   * them. {@code shown} is the instance whose tests and designations the report shows.
   */
  public static Assessment anyOf(Assessment shown, List<Assessment> instances) {
    Assessment a = new Assessment(shown, true);
    a.alternatives = List.copyOf(instances);
    a.shown = shown;
    for (Assessment i : instances) a.missing.addAll(i.missing);
    return a;
  }

  /**
   * A copy of {@code o}'s state (tests, missing facts, open tests, conditions): for a finding merged from
   * alternatives ({@link #anyOf}), or to be worked out under another reading ({@link #getReadings}).
   */
  private Assessment(Assessment o, boolean merged) {
    this.rule = o.rule;
    this.regime = o.regime;
    this.kind = o.kind;
    this.profile = o.profile;
    this.service = o.service;
    this.facts = o.facts;
    this.info = o.info;
    this.tests.addAll(o.tests);
    this.missing.addAll(o.missing);
    if (merged) {
      // a merged finding is never built further: the lists that only the builder calls change are shared
      this.dependsOn = o.dependsOn;
      this.notes = o.notes;
      this.ko = o.ko;
      this.testsCopy = o.testsCopy;
      this.dependsOnCopy = o.dependsOnCopy;
      this.notesCopy = o.notesCopy;
    } else {
      this.dependsOn = o.dependsOn.isEmpty() ? List.of() : new ArrayList<>(o.dependsOn);
      this.notes = o.notes.isEmpty() ? List.of() : new ArrayList<>(o.notes);
      this.ko = o.ko.isEmpty() ? Map.of() : new LinkedHashMap<>(o.ko);
    }
    this.applicable = o.applicable;
    this.dependsUndetermined = o.dependsUndetermined;
    this.sanction = o.sanction;
    this.conductPresent = o.conductPresent;
    this.conductStated = o.conductStated;
    this.conductPath = o.conductPath;
    this.justification = o.justification;
    this.burden = o.burden;
    this.open = o.open == null || merged ? o.open : new ArrayList<>(o.open); // a reading's copy replaces some: its own list
    this.openGivens = o.openGivens;
    this.whenMet = o.whenMet;
    this.anyKnownFalse = o.anyKnownFalse;
    this.sanctionPaths = o.sanctionPaths; // not changed after the rule's consequence: shared
    this.lastTopFirms = o.lastTopFirms;
    this.readingSpecs = o.readingSpecs; // likewise
  }

  // ---------------------------------------------------------------------------------------------
  // The exact outcome: over every completion of the missing facts

  /** Most completions worked through for one finding; beyond it the finding is undetermined with every missing fact listed. */
  static final int MAX_COMPLETIONS = 1 << 14;

  private static final int DROPPED = 0;

  /**
   * False: every finding goes through its completions, none through the shortcuts below, which must
   * give the same outcome and missing facts ({@code ShortcutsTest} holds each report equal both ways).
   * For tests only; the results do not depend on it, only the time.
   */
  static volatile boolean shortcuts = true;

  /**
   * The outcome every completion of the missing facts gives, or undetermined where two completions
   * differ; and which missing facts can change it. Each missing fact takes a few values, one from each
   * stretch of its domain between the lines the tests draw on it (a share lies in 0..1, money and counts
   * are whole and not negative), so going through every combination is exact, not a sample.
   *
   * <p>Before going through them, a fact that only tests of that fact alone read keeps one value for
   * each way those tests can come out (its values at and above a single line all pass the test alike):
   * the outcome of a completion depends on such a fact only through those tests, so the outcomes that
   * can occur, and the facts that can change them, are the same as over all its values. The values of a
   * completion sit in an array, one slot per fact; the tests are bound to their slots once per call.
   */
  private Outcome exact() {
    Object key = shortcuts && facts != null ? sameDesignations() : null;
    if (key == null) return exactOnce();
    Map<Object, Object> memo = facts.memo();
    if (memo.get(key) instanceof Memo m) {
      Outcome o = m.applyTo(this);
      if (o != null) return o;
    }
    Outcome o = exactOnce();
    if (material != null) {
      // this prohibition's conduct, when not stated, is its own fact: kept apart from the designations'
      boolean conductMatters = conductPresent == null && material.contains(conductPath);
      Set<String> m = new java.util.HashSet<>(material);
      Set<String> im = new java.util.HashSet<>(immaterial);
      if (conductPresent == null) {
        m.remove(conductPath);
        im.remove(conductPath);
      }
      memo.put(key, new Memo(o, m, im, conductMatters, neverApplies));
    }
    return o;
  }

  /**
   * Whether its conduct is stated present, stated absent or not stated, and the designations each of its
   * instances rests on, for a prohibition where that is all its outcome reads: no instance has a test
   * on an unknown of its own, each applies where its designations are met, and its conduct (when not
   * stated) is none of their facts. Several prohibitions of one service (self-preferencing, tying,
   * most-favoured-nation terms...) rest on the same designations, so their outcomes, and the facts that
   * can change them, are the same but for the justification each claims and the conduct each reads (a
   * fact of its own, which takes the same values): worked out once per evaluation ({@link
   * FactCache#memo}). Null for any other finding.
   */
  private Object sameDesignations() {
    if (kind != Kind.PROHIBITION || open != null || conductPath == null) return null;
    List<Assessment> instances = alternatives != null ? alternatives : List.of(this);
    List<List<Assessment>> givens = new ArrayList<>(instances.size());
    for (Assessment a : instances) {
      if (a.open != null || a.openGivens == null || a.applicable != Boolean.TRUE || a.alternatives != null) return null;
      if (!conductPath.equals(a.conductPath)) return null;
      if (conductPresent == null) for (Assessment d : a.openGivens) if (d.missing.contains(conductPath)) return null;
      givens.add(a.openGivens); // lists of assessments, which compare by identity
    }
    return new SameDesignations(conductPresent, givens);
  }

  private record SameDesignations(Boolean present, List<List<Assessment>> givens) {}

  /**
   * One prohibition's exact outcome, for another with the same {@link #sameDesignations}: the facts of
   * the designations that can change it or cannot, and whether its conduct, not stated, can.
   */
  private record Memo(Outcome outcome, Set<String> material, Set<String> immaterial, boolean conductMatters, boolean neverApplies) {
    /** {@code a}'s outcome; null where {@code a} lacks a fact the first did not (then worked out afresh). */
    Outcome applyTo(Assessment a) {
      List<String> m = new ArrayList<>();
      List<String> im = new ArrayList<>();
      for (String p : a.missing) {
        if (a.conductPresent == null && p.equals(a.conductPath)) (conductMatters ? m : im).add(p);
        else if (material.contains(p)) m.add(p);
        else if (immaterial.contains(p)) im.add(p);
        else return null;
      }
      a.material = List.copyOf(m);
      a.immaterial = List.copyOf(im);
      a.neverApplies = neverApplies;
      if (outcome == Outcome.POTENTIAL_VIOLATION || outcome == Outcome.JUSTIFICATION_CLAIMED) {
        return a.justification != null ? Outcome.JUSTIFICATION_CLAIMED : Outcome.POTENTIAL_VIOLATION;
      }
      return outcome;
    }
  }

  private Outcome exactOnce() {
    material = null;
    immaterial = null;
    neverApplies = false;
    if (open == null && openGivens == null && alternatives == null) return outcomeNow();
    if (applicable == Boolean.FALSE && alternatives == null) return outcomeNow();
    if (kind == Kind.PROHIBITION && !conductStated) throw new IllegalStateException("rule " + rule + ": a prohibition needs .conduct(path)");
    if (shortcuts && kind == Kind.PROHIBITION && alternatives == null && open == null && openGivens.size() == 1) {
      Outcome o = onOneDesignation(openGivens.get(0));
      if (o != null) return o;
    }
    if (shortcuts && kind == Kind.PROHIBITION && alternatives != null) {
      for (Assessment a : alternatives) if (a.open == null && a.openGivens == null && a.applicable != Boolean.FALSE) return appliesEverywhere();
    }
    if (shortcuts && kind != Kind.DESIGNATION) {
      Outcome o = onIndependentDesignations();
      if (o != null) return o;
    }
    if (shortcuts && kind != Kind.PROHIBITION) {
      Outcome o = onIndependentTests();
      if (o != null) return o;
    }
    Together t = shown == null ? null : shown.together;
    if (t != null && t.isOf(alternatives)) {
      // the instances were worked out together, over the completions this finding has too: it applies
      // where any of them does, and its own tests are those of the instance it shows
      long[] applies = t.table.constant(false);
      for (long[] a : t.applies) Table.or(applies, a);
      int j = t.instances.indexOf(shown);
      int conduct = conductPresent == null && conductPath != null ? t.domain.slot(conductPath) : -1;
      return fromBits(applies, holdsOrPresent(t.table, t.nodes[j], conduct), t.all, t.domain, null);
    }
    // The unknowns, the values each takes, and the tests bound to them.
    Bind bind = new Bind();
    Node root = bind.node(this);
    Domain domain = bind.domain;
    Completions all = Completions.of(bind);
    if (all == null) return outcomeNow();
    int conduct = conductPresent == null && conductPath != null ? domain.slot(conductPath) : -1;
    Table table = new Table(all);
    return fromBits(table.applies(root), holdsOrPresent(table, root, conduct), all, domain, null);
  }

  /**
   * The outcome every completion of {@code all} gives, or undetermined where two differ, from whether this
   * finding applies and whether its tests hold (for a prohibition: its conduct is present) in each; and
   * which missing facts can change it. {@code reads}: the slots this finding's tests read, where the
   * completions are also those of other findings' facts (null: it reads every slot); a missing fact it
   * reads in none is counted as the enumeration of its own facts alone counts it.
   */
  private Outcome fromBits(long[] applies, long[] holds, Completions all, Domain domain, boolean[] reads) {
    if (applies.length == 1) return fromWord(applies[0], holds[0], all, domain, reads);
    int size = all.size;
    long[] cls = new long[size];
    boolean anyApplies = false;
    boolean allApply = true;
    for (int k = 0; k < size; k++) {
      boolean a = Table.get(applies, k);
      anyApplies |= a;
      allApply &= a;
      cls[k] = classOf(a, Table.get(holds, k));
    }
    neverApplies = !anyApplies;
    boolean[] matters = all.matters(cls);
    split(matters, domain, reads);
    int first = (int) cls[0];
    boolean same = true;
    for (long c : cls) same &= c == first;
    if (!same) return Outcome.UNDETERMINED;
    if ((kind == Kind.OBLIGATION || kind == Kind.ELIGIBILITY) && !allApply && first == DROPPED) return Outcome.UNDETERMINED; // never reported
    return switch (first) {
      case 1 -> whenMet;
      case 2 -> Outcome.NOT_MET;
      case 3 -> Outcome.MET;
      case 4 -> Outcome.UNMET;
      case 5 -> Outcome.CLEAR;
      case 6 -> justification != null ? Outcome.JUSTIFICATION_CLAIMED : Outcome.POTENTIAL_VIOLATION;
      case 7 -> Outcome.ELIGIBLE;
      case 8 -> Outcome.INELIGIBLE;
      default -> Outcome.UNDETERMINED;
    };
  }

  /**
   * Sorts the missing facts into those that can change the outcome ({@code matters}, by slot of {@code
   * domain}) and those that cannot; a fact with no slot, or one this finding's tests do not read ({@code
   * reads}, null: all), counts as one that can, as the enumeration of its own facts alone counts it.
   */
  private void split(boolean[] matters, Domain domain, boolean[] reads) {
    List<String> m = new ArrayList<>();
    List<String> im = new ArrayList<>();
    for (String p : missing) {
      int i = domain.slot(p);
      (i < 0 || reads != null && !reads[i] || matters[i] ? m : im).add(p);
    }
    material = List.copyOf(m);
    immaterial = List.copyOf(im);
  }

  /**
   * {@link #fromBits} for at most 64 completions, one word each: the outcome classes as words, and a fact
   * can change the outcome where some completion with its first value and the one that differs from it
   * in that fact alone (the value's run {@code d * stride} bits on) fall in different classes.
   */
  private Outcome fromWord(long a, long h, Completions all, Domain domain, boolean[] reads) {
    int size = all.size;
    long full = size == 64 ? -1L : (1L << size) - 1;
    a &= full;
    h &= full;
    // an obligation or eligibility is dropped, met or unmet; a designation or prohibition met (counted) or not
    boolean threeWay = kind == Kind.OBLIGATION || kind == Kind.ELIGIBILITY;
    neverApplies = a == 0;
    boolean[] matters = new boolean[all.radix.length];
    int stride = 1;
    for (int i = 0; i < matters.length; i++) {
      int r = all.radix[i];
      if (r > 1) {
        long first = Table.periodic((1L << stride) - 1, stride * r, size); // where it takes its first value (stride < 64: r > 1 values fit)
        for (int d = 1; d < r && !matters[i]; d++) {
          int shift = d * stride;
          long a2 = a >>> shift;
          long h2 = h >>> shift;
          long differ = threeWay ? (a ^ a2) | (a & a2 & (h ^ h2)) : (a & h) ^ (a2 & h2);
          matters[i] = (differ & first) != 0;
        }
      }
      stride *= r;
    }
    split(matters, domain, reads);
    if (threeWay) {
      long met = a & h;
      long unmet = a & ~h;
      long dropped = full & ~a;
      if ((met != 0 ? 1 : 0) + (unmet != 0 ? 1 : 0) + (dropped != 0 ? 1 : 0) != 1 || dropped != 0) return Outcome.UNDETERMINED; // differ, or never applies (never reported)
      if (kind == Kind.ELIGIBILITY) return met != 0 ? Outcome.ELIGIBLE : Outcome.INELIGIBLE;
      return met != 0 ? Outcome.MET : Outcome.UNMET;
    }
    long yes = a & h;
    if (yes != 0 && yes != full) return Outcome.UNDETERMINED;
    if (kind == Kind.DESIGNATION) return yes != 0 ? whenMet : Outcome.NOT_MET;
    if (yes == 0) return Outcome.CLEAR;
    return justification != null ? Outcome.JUSTIFICATION_CLAIMED : Outcome.POTENTIAL_VIOLATION;
  }

  /**
   * {@link #exact} for a prohibition that rests on one undetermined designation and reads no other
   * unknown than its conduct's presence (the commonest case), without going through the completions. In
   * a completion the prohibition counts the conduct where the designation is met and the conduct is
   * present, and is clear otherwise; the designation is met in some completions and not in others. So
   * the prohibition is clear in every completion when the conduct is stated absent, and undetermined
   * otherwise; a fact can change it where it can change the designation (with the conduct present), and
   * the conduct's presence, when not stated, can (with the designation met). Null where the
   * designation's own outcome was not worked out over its completions (past the cap).
   */
  private Outcome onOneDesignation(Assessment d) {
    d.getOutcome();
    if (d.material == null || d.outcome != Outcome.UNDETERMINED || (conductPath != null && d.missing.contains(conductPath))) return null;
    boolean absent = Boolean.FALSE.equals(conductPresent);
    List<String> m = new ArrayList<>();
    List<String> im = new ArrayList<>();
    for (String p : missing) (!absent && (p.equals(conductPath) || d.material.contains(p)) ? m : im).add(p);
    material = List.copyOf(m);
    immaterial = List.copyOf(im);
    neverApplies = false;
    return absent ? Outcome.CLEAR : Outcome.UNDETERMINED;
  }

  /**
   * {@link #exact} for a finding whose instances (itself, or those it was merged from) each rest on at
   * most one undetermined designation, where no two of those designations, and none of them and the
   * finding's own tests, read a common missing fact; null where that does not hold, or where a single
   * instance rests on no designation in doubt (the general case is then the same work). Only the
   * finding's own unknowns are gone through; the designations' own results give the rest, as follows.
   *
   * <p>The designations read disjoint facts, so any set {@code S} of them can be met together in one
   * completion (each, undetermined, is met in some of its completions and not in others), and the
   * finding's own facts are free of them. In an own completion {@code o}, let {@code c(o)} say that an
   * instance resting on no designation in doubt has its own "applies only if" conditions holding, and
   * {@code u(o)} be the instances resting on one whose conditions hold: the finding applies where
   * {@code c(o)}, or where {@code u(o)} meets {@code S}. Where it applies, an obligation is met or unmet
   * after its tests ({@code h(o)}) and is dropped elsewhere; a prohibition counts the conduct where it
   * applies and the conduct is present ({@code h(o)}), and is clear elsewhere. Each own completion so
   * gives a function from {@code S} to the outcome, and {@link #independentKey} numbers these functions:
   * the outcomes that occur are those of the functions that occur, and an own fact can change the
   * outcome where two own completions that differ in it alone give different functions (some {@code S}
   * tells them apart). A designation's fact can change it where it can change that designation and some
   * own completion's function turns on that designation alone (with the others not met), and only there.
   */
  private Outcome onIndependentDesignations() {
    List<Assessment> instances = alternatives != null ? alternatives : List.of(this);
    // (a merged finding's own tests and conduct are those of the instance it shows, one of instances)
    Assessment[] des = designationsApart(instances);
    if (des == null || alternatives == null && des[0] == null) return null;
    int k = des.length;
    boolean ownUnknowns = conductPresent == null && conductPath != null;
    for (Assessment a : instances) ownUnknowns |= a.open != null;
    if (!ownUnknowns) {
      // one own completion, the stated facts: each instance applies unless ruled out
      boolean certain = false;
      long u = 0;
      for (int i = 0; i < k; i++) {
        if (instances.get(i).applicable == Boolean.FALSE) continue;
        if (des[i] == null) certain = true;
        else u |= 1L << i;
      }
      boolean h = kind == Kind.PROHIBITION ? Boolean.TRUE.equals(conductPresent) : !anyKnownFalse;
      long turns = !certain && (kind != Kind.PROHIBITION || h) ? u : 0;
      return independently(des, null, null, turns, independentOutcomes(independentKey(certain, u, h), h), certain || u != 0);
    }
    Bind bind = new Bind();
    bind.followGivens = false;
    Node root = bind.node(this);
    Node[] when = new Node[k];
    for (int i = 0; i < k; i++) when[i] = alternatives == null ? root : bind.node(instances.get(i));
    Domain domain = bind.domain;
    Completions own = Completions.of(bind);
    if (own == null) return null;
    int conduct = conductPresent == null && conductPath != null ? domain.slot(conductPath) : -1;
    int size = own.size;
    long[] key = new long[size];
    long turns = 0; // the instances whose designation alone decides the outcome in some own completion
    boolean anyApplies = false;
    int seen = 0; // the outcomes that occur, as bits of independentOutcomes
    Table table = new Table(own);
    long[][] applies = new long[k][];
    for (int i = 0; i < k; i++) applies[i] = table.applies(when[i]);
    long[] holds = holdsOrPresent(table, root, conduct);
    for (int c = 0; c < size; c++) {
      boolean certain = false;
      long u = 0;
      for (int i = 0; i < k; i++) {
        if (!Table.get(applies[i], c)) continue;
        if (des[i] == null) certain = true;
        else u |= 1L << i;
      }
      anyApplies |= certain || u != 0;
      boolean h = Table.get(holds, c);
      long f = independentKey(certain, u, h);
      key[c] = f;
      seen |= independentOutcomes(f, h);
      if (!certain && (kind != Kind.PROHIBITION || h)) turns |= u;
    }
    return independently(des, domain, own.matters(key), turns, seen, anyApplies);
  }

  /**
   * {@link #onIndependentDesignations}'s outcome and the missing facts that can change it, from the
   * outcomes that occur ({@code seen}), the own facts' slots and whether each can change it (null where
   * the finding has no unknown of its own), and the instances whose designation alone decides the outcome
   * in some own completion ({@code turns}).
   */
  private Outcome independently(Assessment[] des, Domain domain, boolean[] matters, long turns, int seen, boolean anyApplies) {
    int k = des.length;
    List<String> m = new ArrayList<>();
    List<String> im = new ArrayList<>();
    next:
    for (String p : missing) {
      int i = domain == null ? -1 : domain.slot(p);
      if (i >= 0) {
        (matters[i] ? m : im).add(p);
        continue;
      }
      for (int j = 0; j < k; j++) {
        if (des[j] != null && des[j].missing.contains(p)) {
          ((turns & 1L << j) != 0 && des[j].material.contains(p) ? m : im).add(p);
          continue next;
        }
      }
      m.add(p); // read by no test: as the general case counts it
    }
    material = List.copyOf(m);
    immaterial = List.copyOf(im);
    neverApplies = !anyApplies;
    if (Integer.bitCount(seen) != 1) return Outcome.UNDETERMINED;
    return switch (seen) {
      case 1 -> Outcome.UNDETERMINED; // dropped everywhere: never reported
      case 2 -> kind == Kind.ELIGIBILITY ? Outcome.ELIGIBLE : Outcome.MET;
      case 4 -> kind == Kind.ELIGIBILITY ? Outcome.INELIGIBLE : Outcome.UNMET;
      case 8 -> Outcome.CLEAR;
      default -> justification != null ? Outcome.JUSTIFICATION_CLAIMED : Outcome.POTENTIAL_VIOLATION;
    };
  }

  /**
   * {@link #exact} for a designation, duty or eligibility that rests on no designation in doubt and whose
   * tests on unknowns read no fact in common: each reads one fact, or is an oligopoly test whose facts
   * (the list, this firm's share, firms' users) no other test reads (the commonest shapes: a line or two
   * on facts the profile does not state; a market whose leaders are not all given); null otherwise. Each
   * such test can then hold or fail on its own, so without going through the combinations: a finding
   * applies in some completion where each "applies only if" test can hold, and in every completion where
   * none can fail; its own tests all hold in some completion where each can hold (and none is known to
   * fail), and fail in some where one can fail. A fact can change the outcome where changing it alone can
   * change its test (for a test of one fact: the test can both hold and fail; for an oligopoly test, as
   * {@code TopFirms.local} found going through that test's own facts) and the other tests can all hold
   * (for an own test of a duty: with its conditions able to hold), and nowhere else: with another test
   * unable to hold, the outcome is the same whatever this one does.
   */
  private Outcome onIndependentTests() {
    if (alternatives != null || openGivens != null || open == null || applicable == Boolean.FALSE || open.size() > 16) return null;
    int n = open.size();
    boolean[] canHold = new boolean[n];
    boolean[] canFail = new boolean[n];
    String[][] paths = new String[n][];
    Domain d = new Domain();
    Object[] v = new Object[1];
    int[] at = {0};
    // turns[i][j]: the j-th unknown of open i, changed alone, can change that test
    boolean[][] turns = new boolean[n][];
    for (int i = 0; i < n; i++) {
      Open o = open.get(i);
      if (o instanceof TopFirms t) {
        // a test of several unknowns, gone through once when the rule made it (local)
        if (t.can == null) return null;
        paths[i] = t.paths();
        canFail[i] = t.can[0];
        canHold[i] = t.can[1];
        turns[i] = t.turns;
      } else {
        if (!(o instanceof Compare || o instanceof Equal || o instanceof OneOf || o instanceof NotEmpty || o instanceof OnOrAfter)) return null;
        d.n = 0;
        o.values(d);
        if (d.n != 1) return null;
        paths[i] = new String[] {d.paths[0]};
        for (Object x : d.values[0]) {
          v[0] = x;
          if (o.holds(v, at)) canHold[i] = true;
          else canFail[i] = true;
        }
        turns[i] = canHold[i] && canFail[i] ? TURNS : TURNS_NOT;
      }
      for (String p : paths[i]) for (int j = 0; j < i; j++) for (String q : paths[j]) if (q.equals(p)) return null;
    }
    boolean whenCanHold = true; // every condition can hold: the finding applies in some completion
    boolean whenCanFail = false; // some condition can fail: it is dropped in some
    boolean testsCanHold = !anyKnownFalse;
    boolean testsCanFail = anyKnownFalse;
    for (int i = 0; i < n; i++) {
      if (open.get(i).applicability) {
        whenCanHold &= canHold[i];
        whenCanFail |= canFail[i];
      } else {
        testsCanHold &= canHold[i];
        testsCanFail |= canFail[i];
      }
    }
    List<String> m = new ArrayList<>();
    List<String> im = new ArrayList<>();
    next:
    for (String p : missing) {
      for (int i = 0; i < n; i++) {
        int pos = indexOf(paths[i], p);
        if (pos < 0) continue;
        boolean matters = turns[i][pos];
        for (int j = 0; j < n && matters; j++) {
          if (j == i) continue;
          // a designation: every other test must be able to hold; a duty: its other conditions, and for
          // an own test also its other own tests (a condition decides dropped against met or unmet alike)
          if (kind == Kind.DESIGNATION || open.get(j).applicability || !open.get(i).applicability) matters = canHold[j];
        }
        if (matters && kind == Kind.DESIGNATION) matters = !anyKnownFalse;
        if (matters && kind != Kind.DESIGNATION && !open.get(i).applicability) matters = !anyKnownFalse;
        (matters ? m : im).add(p);
        continue next;
      }
      m.add(p); // read by no test: as the general case counts it
    }
    material = List.copyOf(m);
    immaterial = List.copyOf(im);
    neverApplies = !whenCanHold;
    if (kind == Kind.DESIGNATION) {
      boolean canMeet = whenCanHold && testsCanHold;
      boolean canMiss = whenCanFail || testsCanFail;
      return canMeet && canMiss ? Outcome.UNDETERMINED : canMeet ? whenMet : Outcome.NOT_MET;
    }
    boolean dropped = whenCanFail;
    boolean met = whenCanHold && testsCanHold;
    boolean unmet = whenCanHold && testsCanFail;
    if (dropped || met == unmet) return Outcome.UNDETERMINED; // dropped somewhere, both, or never applies (never reported)
    if (kind == Kind.ELIGIBILITY) return met ? Outcome.ELIGIBLE : Outcome.INELIGIBLE;
    return met ? Outcome.MET : Outcome.UNMET;
  }

  /**
   * The undetermined designation each of {@code instances} rests on (null: none in doubt), where each
   * rests on at most one, no two of those read a common missing fact, and none of them reads a fact of an
   * instance's own tests or conduct; null where that does not hold ({@link #onIndependentDesignations}).
   */
  private static Assessment[] designationsApart(List<Assessment> instances) {
    int k = instances.size();
    if (k > 62) return null;
    Assessment[] des = new Assessment[k]; // null: the instance rests on no designation in doubt
    for (int i = 0; i < k; i++) {
      Assessment a = instances.get(i);
      if (a.alternatives != null) return null;
      if (a.openGivens == null || a.applicable == Boolean.FALSE) continue;
      if (a.openGivens.size() != 1) return null;
      Assessment d = a.openGivens.get(0);
      d.getOutcome();
      if (d.outcome != Outcome.UNDETERMINED || d.material == null || d.openGivens != null || d.alternatives != null) return null;
      for (int j = 0; j < i; j++) if (des[j] != null && !java.util.Collections.disjoint(des[j].missing, d.missing)) return null;
      des[i] = d;
    }
    // the own facts (read by the instances' tests, or their conduct) must be none of the designations'
    for (Assessment a : instances) if (readsAnyOf(a, des)) return null;
    return des;
  }

  /**
   * The instances of one finding (one per designation it rests on: see {@link #anyOf}) worked out in one
   * enumeration, and the merged finding's outcome read from it whichever instance it shows. Before this,
   * each instance went through the completions of its own facts, and then the merged finding through
   * those of all of them.
   */
  private record Together(List<Assessment> instances, Completions all, Table table, Domain domain, Node[] nodes, long[][] applies) {
    /** Whether {@code alternatives} are these instances, in any order. */
    boolean isOf(List<Assessment> alternatives) {
      if (alternatives == null || alternatives.size() != instances.size()) return false;
      for (Assessment a : alternatives) if (!instances.contains(a)) return false; // by identity: Assessment keeps Object's equals
      return true;
    }
  }

  /**
   * Works out together the outcomes of {@code instances}, the instances of one finding, where the finding
   * merged from them ({@link #anyOf}) would go through every completion of their facts: one enumeration
   * then serves them all and the merged finding. An instance's outcome over those completions is its
   * outcome over the completions of its own facts (a fact it reads in none of its tests changes nothing
   * in it), so each instance gets what working it out alone gives; the merged finding applies where any
   * instance does, and its own tests are those of the instance it shows, whose results the enumeration
   * holds. Does nothing where a shortcut serves the merged finding, with the shortcuts off ({@link
   * #shortcuts}), or where the completions are too many: each is then worked out alone when asked. To be
   * called before anything reads the instances' outcomes (choosing the instance to show does).
   */
  public static void outcomesTogether(List<Assessment> instances) {
    int k = instances.size();
    if (!shortcuts || k < 2 || k > 62) return;
    Assessment first = instances.get(0);
    if (first.kind == Kind.DESIGNATION) return;
    boolean anyOpen = false;
    for (Assessment a : instances) {
      if (a.outcome != null || a.together != null || a.kind != first.kind || a.alternatives != null
          || !Objects.equals(a.conductPath, first.conductPath) || !Objects.equals(a.conductPresent, first.conductPresent)) return;
      if (a.kind == Kind.PROHIBITION && a.open == null && a.openGivens == null && a.applicable != Boolean.FALSE) return; // applies everywhere
      anyOpen |= a.open != null;
    }
    if (first.kind == Kind.PROHIBITION && !anyOpen) return; // may share a working-out with other prohibitions (sameDesignations)
    if (designationsApart(instances) != null) return; // the merged finding takes that shortcut
    Bind bind = new Bind();
    Node[] nodes = new Node[k];
    for (int i = 0; i < k; i++) nodes[i] = bind.node(instances.get(i));
    Completions all = Completions.of(bind);
    if (all == null) return;
    Domain domain = bind.domain;
    Table table = new Table(all);
    long[][] applies = new long[k][];
    for (int i = 0; i < k; i++) applies[i] = table.applies(nodes[i]);
    int conduct = first.conductPresent == null && first.conductPath != null ? domain.slot(first.conductPath) : -1;
    Together t = new Together(List.copyOf(instances), all, table, domain, nodes, applies);
    for (int i = 0; i < k; i++) {
      Assessment a = instances.get(i);
      a.together = t;
      if (a.open == null && a.openGivens == null || a.applicable == Boolean.FALSE) continue; // from its stated facts, when asked
      boolean[] reads = new boolean[domain.n];
      reads(nodes[i], reads);
      if (conduct >= 0) reads[conduct] = true;
      a.outcome = a.fromBits(applies[i], a.holdsOrPresent(table, nodes[i], conduct), all, domain, reads);
    }
  }

  /** Marks the slots that {@code n}'s tests, and those of the designations it rests on, read. */
  private static void reads(Node n, boolean[] out) {
    for (Atom a : n.when) for (int i : a.at) out[i] = true;
    for (Atom a : n.tests) for (int i : a.at) out[i] = true;
    for (Node g : n.givens) reads(g, out);
    if (n.alternatives != null) for (Node g : n.alternatives) reads(g, out);
  }

  /** Whether {@code a}'s own open tests or its conduct read a fact that one of {@code des} does not state. */
  private static boolean readsAnyOf(Assessment a, Assessment[] des) {
    for (Assessment d : des) {
      if (d == null) continue;
      if (a.conductPath != null && d.missing.contains(a.conductPath)) return true;
      if (a.open != null) for (Open o : a.open) for (String p : o.paths()) if (d.missing.contains(p)) return true;
    }
    return false;
  }

  private static final boolean[] TURNS = {true};
  private static final boolean[] TURNS_NOT = {false};

  private static int indexOf(String[] paths, String p) {
    for (int i = 0; i < paths.length; i++) if (paths[i].equals(p)) return i;
    return -1;
  }

  /**
   * The function from the set of designations met to the outcome that an own completion gives (see
   * {@link #onIndependentDesignations}), as a number: equal numbers, equal functions. {@code certain}:
   * the finding applies whatever the designations; {@code u}: the instances it applies through when
   * their designation is met; {@code h}: an obligation's tests hold, or a prohibition's conduct is present.
   */
  private long independentKey(boolean certain, long u, boolean h) {
    if (kind == Kind.PROHIBITION) return !h ? 0 : certain ? -1 : u; // counted where it applies; u empty: clear, as 0
    if (certain) return h ? -1 : -2;
    return u == 0 ? 0 : u << 1 | (h ? 1 : 0); // dropped where no instance applies
  }

  /** The outcomes the function numbered {@code f} takes: bit 1 dropped, 2 met, 4 unmet, 8 clear, 16 counted. */
  private int independentOutcomes(long f, boolean h) {
    if (kind == Kind.PROHIBITION) return f == 0 ? 8 : f < 0 ? 16 : 8 | 16;
    int own = h ? 2 : 4;
    return f < 0 ? own : f == 0 ? 1 : 1 | own;
  }

  /**
   * {@link #exact} for a prohibition of which one instance applies whatever the missing facts (it rests
   * on a designation that is met and has no unknown of its own): in every completion the outcome is the
   * conduct's, so only the conduct's presence, when not stated, can change it.
   */
  private Outcome appliesEverywhere() {
    List<String> m = new ArrayList<>(1);
    List<String> im = new ArrayList<>();
    for (String p : missing) (p.equals(conductPath) && conductPresent == null ? m : im).add(p);
    material = List.copyOf(m);
    immaterial = List.copyOf(im);
    neverApplies = false;
    if (conductPresent == null) return Outcome.UNDETERMINED;
    if (!conductPresent) return Outcome.CLEAR;
    return justification != null ? Outcome.JUSTIFICATION_CLAIMED : Outcome.POTENTIAL_VIOLATION;
  }

  /**
   * The outcome of one completion, as a number, from whether the finding applies in it and whether its
   * tests hold (for a prohibition: whether its conduct is present): a designation not applying is not
   * designated, a prohibition not applying is clear (a practice stated absent is clear either way); an
   * obligation not applying is dropped, which differs from met and unmet.
   */
  private int classOf(boolean applies, boolean holds) {
    return switch (kind) {
      case DESIGNATION -> applies && holds ? 1 : 2;
      case OBLIGATION -> !applies ? DROPPED : holds ? 3 : 4;
      case ELIGIBILITY -> !applies ? DROPPED : holds ? 7 : 8;
      default -> applies && holds ? 6 : 5; // a prohibition: holds is the conduct's presence
    };
  }

  /**
   * In each completion of {@code table}: whether {@code self}'s tests hold, or for a prohibition whether
   * its conduct is present (at slot {@code conduct}, or as stated where that is -1).
   */
  private long[] holdsOrPresent(Table table, Node self, int conduct) {
    if (kind != Kind.PROHIBITION) return table.holds(self);
    return conduct >= 0 ? table.isTrue(conduct) : table.constant(Boolean.TRUE.equals(conductPresent));
  }

  private static final Object[] BOOLEANS = {Boolean.FALSE, Boolean.TRUE};

  /**
   * A test on unknowns bound to the slots of their values in a completion; one for all the equal tests of
   * an enumeration (the instances of one finding repeat their own tests).
   */
  private static final class Atom {
    final Open open;
    final int[] at;
    /** Its truth in each completion of {@link #table}: made once per enumeration (an atom belongs to one; the table is checked all the same). */
    long[] bits;
    Table table;

    Atom(Open open, int[] at) {
      this.open = open;
      this.at = at;
    }

    boolean holds(Object[] v) {
      return open.holds(v, at);
    }
  }

  private static final Atom[] NO_ATOMS = {};
  private static final Node[] NO_NODES = {};

  /**
   * A finding bound to one enumeration's slots: whether it applies (its "applies only if" tests, the
   * designations it rests on, or any of its instances) and whether its own tests hold, in a completion.
   */
  private static final class Node {
    boolean never;
    boolean knownFalse;
    Atom[] when = NO_ATOMS;
    Atom[] tests = NO_ATOMS;
    Node[] givens = NO_NODES;
    Node[] alternatives;

    /** {@link Table}'s memo: whether it applies and whether its tests hold, in each completion. */
    long[] appliesBits;
    long[] holdsBits;
  }

  /**
   * The truth of tests and findings in every completion of one enumeration at once: bit {@code k} of an
   * array is the truth in the {@code k}-th completion, in {@link Completions}'s order (the first fact
   * changing fastest). A test of one fact is worked out once per value of that fact, not per completion;
   * a finding's truth is then a few bitwise operations, where going through the completions one by one
   * evaluated every test of every finding in each.
   */
  private static final class Table {
    private final Completions all;
    private final int words;
    /** Completions between two changes of a fact's value. */
    private final int[] stride;

    Table(Completions all) {
      this.all = all;
      this.words = (all.size + 63) >>> 6;
      this.stride = new int[all.radix.length];
      int s = 1;
      for (int i = 0; i < stride.length; i++) {
        stride[i] = s;
        s *= all.radix[i];
      }
    }

    static boolean get(long[] bits, int k) {
      return (bits[k >>> 6] & (1L << k)) != 0;
    }

    long[] constant(boolean b) {
      long[] out = new long[words];
      if (b) fill(out);
      return out;
    }

    private void fill(long[] out) {
      java.util.Arrays.fill(out, -1L);
      int rest = all.size & 63;
      if (rest != 0) out[words - 1] = (1L << rest) - 1;
    }

    /** Where the value of slot {@code i} is {@code true}. */
    long[] isTrue(int i) {
      Object[] values = all.values[i];
      boolean[] truth = new boolean[values.length];
      for (int d = 0; d < values.length; d++) truth[d] = Boolean.TRUE.equals(values[d]);
      return bySlot(i, truth);
    }

    /**
     * The word of {@code size} (at most 64) completions that repeats {@code bits}, the bits of the first
     * {@code period} completions (a fact's values, each its run, change with that period; it divides size).
     */
    static long periodic(long bits, int period, int size) {
      for (int p = period; p < size; p <<= 1) bits |= bits << p;
      return size == 64 ? bits : bits & ((1L << size) - 1);
    }

    /** The bits of a test of slot {@code i} alone whose truth for its {@code d}-th value is {@code truth[d]}. */
    private long[] bySlot(int i, boolean[] truth) {
      long[] out = new long[words];
      int s = stride[i];
      int size = all.size;
      if (words == 1) {
        // one word (at most 64 completions): the bits of one period (each value's run of s), doubled up to size
        long run = s == 64 ? -1L : (1L << s) - 1;
        long bits = 0;
        for (int d = 0; d < truth.length; d++) if (truth[d]) bits |= run << (d * s);
        out[0] = periodic(bits, s * truth.length, size);
        return out;
      }
      for (int k = 0; k < size; ) {
        for (int d = 0; d < truth.length; d++) {
          if (truth[d]) for (int j = k; j < k + s; j++) out[j >>> 6] |= 1L << j;
          k += s;
        }
      }
      return out;
    }

    long[] atom(Atom t) {
      if (t.table != this) {
        t.bits = truth(t);
        t.table = this;
      }
      return t.bits;
    }

    private long[] truth(Atom t) {
      int[] at = t.at;
      if (at.length == 1) {
        int i = at[0];
        Object[] values = all.values[i];
        Object[] v = new Object[i + 1];
        boolean[] truth = new boolean[values.length];
        for (int d = 0; d < values.length; d++) {
          v[i] = values[d];
          truth[d] = t.holds(v);
        }
        return bySlot(i, truth);
      }
      // a test of several facts (or none): evaluated in each completion, in order
      long[] out = new long[words];
      Completions c = new Completions(all.values, all.radix, all.size);
      for (int k = 0; k < all.size; k++) {
        if (t.holds(c.v)) out[k >>> 6] |= 1L << k;
        c.next();
      }
      return out;
    }

    /**
     * Whether {@code n} applies, in every completion: any of its instances does; or, where it has none, it
     * is not ruled out, each of its "applies only if" tests holds and each designation it rests on applies
     * and holds.
     */
    long[] applies(Node n) {
      if (n.appliesBits != null) return n.appliesBits;
      long[] out = new long[words];
      if (n.alternatives != null) {
        for (Node a : n.alternatives) or(out, applies(a));
      } else if (!n.never) {
        fill(out);
        for (Atom a : n.when) and(out, atom(a));
        for (Node g : n.givens) {
          and(out, applies(g));
          and(out, holds(g));
        }
      }
      return n.appliesBits = out;
    }

    /** Whether {@code n}'s own tests all hold (none known to fail), in every completion. */
    long[] holds(Node n) {
      if (n.holdsBits != null) return n.holdsBits;
      long[] out = new long[words];
      if (!n.knownFalse) {
        fill(out);
        for (Atom a : n.tests) and(out, atom(a));
      }
      return n.holdsBits = out;
    }

    private static void and(long[] into, long[] b) {
      for (int w = 0; w < into.length; w++) into[w] &= b[w];
    }

    static void or(long[] into, long[] b) {
      for (int w = 0; w < into.length; w++) into[w] |= b[w];
    }
  }

  /**
   * The unknowns of one enumeration: a slot per fact, in the order first met, with the values it takes
   * (the union of those its tests give; the tests' own arrays are shared, never changed).
   */
  private static final class Domain {
    String[] paths = new String[4];
    Object[][] values = new Object[4][];
    /** Read by the outcome itself (a conduct's presence), not only through tests. */
    boolean[] direct = new boolean[4];
    int n;

    int slot(String path) {
      for (int i = 0; i < n; i++) if (paths[i].equals(path)) return i;
      return -1;
    }

    void add(String path, Object[] vs) {
      int i = slot(path);
      if (i < 0) {
        if (n == paths.length) {
          paths = java.util.Arrays.copyOf(paths, n * 2);
          values = java.util.Arrays.copyOf(values, n * 2);
          direct = java.util.Arrays.copyOf(direct, n * 2);
        }
        paths[n] = path;
        values[n++] = vs;
        return;
      }
      Object[] had = values[i];
      if (had == vs) return;
      Object[] out = java.util.Arrays.copyOf(had, had.length + vs.length);
      int k = had.length;
      next:
      for (Object x : vs) {
        for (int j = 0; j < k; j++) if (out[j].equals(x)) continue next;
        out[k++] = x;
      }
      values[i] = k == had.length ? had : k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }
  }

  /**
   * The completions of one enumeration's unknowns: the values each fact takes ({@link Bind#distinct}),
   * gone through in order, the first fact changing fastest; {@link #v} holds the current one.
   */
  private static final class Completions {
    final Object[][] values;
    final int[] radix;
    final int size;
    final Object[] v;
    private final int[] digit;

    private Completions(Object[][] values, int[] radix, int size) {
      this.values = values;
      this.radix = radix;
      this.size = size;
      this.v = new Object[values.length];
      for (int i = 0; i < values.length; i++) v[i] = values[i][0];
      this.digit = new int[values.length];
    }

    /** The completions of {@code bind}'s unknowns; null where they are more than {@link #MAX_COMPLETIONS}. */
    static Completions of(Bind bind) {
      int n = bind.domain.n;
      // each slot's tests: how many read it alone (and one of them), and whether one reads it with others
      int[] readers = new int[n];
      Atom[] one = new Atom[n];
      boolean[] withOthers = new boolean[n];
      List<Atom> atoms = bind.atoms;
      for (int a = 0; a < atoms.size(); a++) {
        int[] at = atoms.get(a).at;
        if (at.length == 1) {
          readers[at[0]]++;
          one[at[0]] = atoms.get(a);
        } else {
          for (int j : at) withOthers[j] = true;
        }
      }
      Object[][] values = new Object[n][];
      for (int i = 0; i < n; i++) values[i] = bind.distinct(i, readers[i], one[i], withOthers[i]);
      int[] radix = new int[n];
      long total = 1;
      for (int i = 0; i < n; i++) {
        radix[i] = values[i].length;
        total *= radix[i];
        if (total > MAX_COMPLETIONS) return null;
      }
      return new Completions(values, radix, (int) total);
    }

    /** Moves {@link #v} to the next completion (after the last, back to the first). */
    void next() {
      for (int i = 0; i < v.length; i++) {
        if (++digit[i] < radix[i]) {
          v[i] = values[i][digit[i]];
          return;
        }
        digit[i] = 0;
        v[i] = values[i][0];
      }
    }

    /**
     * For each fact, whether two completions that differ in it alone have different {@code outcome}s
     * (one per completion, in order): the facts that can change the outcome.
     */
    boolean[] matters(long[] outcome) {
      boolean[] matters = new boolean[radix.length];
      int stride = 1;
      for (int i = 0; i < radix.length; i++) {
        matters[i] = turns(outcome, stride, radix[i]);
        stride *= radix[i];
      }
      return matters;
    }

    /**
     * Whether some completion's outcome differs from that of the one with the first value of a fact and
     * otherwise the same: the fact changes every {@code stride} completions and takes {@code radix}
     * values, so in each block of {@code stride * radix} completions, completion {@code b + d * stride + j}
     * differs from {@code b + j} in that fact alone.
     */
    private boolean turns(long[] outcome, int stride, int radix) {
      int block = stride * radix;
      for (int b = 0; b < size; b += block) {
        for (int d = 1; d < radix; d++) {
          int from = b + d * stride;
          for (int j = 0; j < stride; j++) if (outcome[from + j] != outcome[b + j]) return true;
        }
      }
      return false;
    }
  }

  /**
   * Binds a finding, the designations it rests on and its instances to the slots of one enumeration,
   * each finding and test once, gathering the unknowns they read as it goes.
   */
  private static final class Bind {
    final Domain domain = new Domain();
    /** False: the designations a finding rests on are left out (see {@link #onIndependentDesignations}). */
    boolean followGivens = true;
    final List<Assessment> seen = new ArrayList<>(4);
    final List<Node> nodes = new ArrayList<>(4);
    final List<Atom> atoms = new ArrayList<>(8);

    Node node(Assessment a) {
      for (int i = 0; i < seen.size(); i++) if (seen.get(i) == a) return nodes.get(i);
      Node b = new Node();
      seen.add(a);
      nodes.add(b);
      b.never = a.applicable == Boolean.FALSE;
      b.knownFalse = a.anyKnownFalse;
      if (a.open != null) {
        int w = 0;
        for (Open o : a.open) if (o.applicability) w++;
        b.when = w == 0 ? NO_ATOMS : new Atom[w];
        b.tests = w == a.open.size() ? NO_ATOMS : new Atom[a.open.size() - w];
        int i = 0;
        int j = 0;
        for (Open o : a.open) {
          Atom t = atom(o);
          if (o.applicability) b.when[i++] = t;
          else b.tests[j++] = t;
        }
      }
      if (a.conductPath != null) {
        domain.add(a.conductPath, BOOLEANS);
        domain.direct[domain.slot(a.conductPath)] = true;
      }
      if (a.openGivens != null && followGivens) {
        b.givens = new Node[a.openGivens.size()];
        for (int i = 0; i < b.givens.length; i++) b.givens[i] = node(a.openGivens.get(i));
      }
      if (a.alternatives != null) {
        b.alternatives = new Node[a.alternatives.size()];
        for (int i = 0; i < b.alternatives.length; i++) b.alternatives[i] = node(a.alternatives.get(i));
      }
      return b;
    }

    private Atom atom(Open o) {
      for (int a = 0; a < atoms.size(); a++) if (atoms.get(a).open == o || atoms.get(a).open.sameTest(o)) return atoms.get(a);
      o.values(domain);
      String[] paths = o.paths();
      int[] at = new int[paths.length];
      for (int i = 0; i < paths.length; i++) at[i] = domain.slot(paths[i]);
      Atom t = new Atom(o, at);
      atoms.add(t);
      return t;
    }

    /**
     * Of the values of slot {@code i}, one for each way the tests reading the slot can come out, where
     * those tests read no other slot ({@code withOthers} false: {@code readers} of them, {@code one} among
     * them) and the outcome does not read it itself; otherwise all of them.
     */
    Object[] distinct(int i, int readers, Atom one, boolean withOthers) {
      Object[] values = domain.values[i];
      if (values.length < 2 || domain.direct[i] || withOthers) return values;
      if (readers == 1) return one.open.distinct(values, one.at);
      if (readers == 0 || readers > 63) return values;
      Object[] v = new Object[domain.n];
      long[] seen = new long[values.length];
      int kept = 0;
      Object[] out = new Object[values.length];
      next:
      for (Object x : values) {
        v[i] = x;
        long sig = 0;
        int k = 0;
        for (int a = 0; a < atoms.size(); a++) {
          Atom t = atoms.get(a);
          if (t.at.length != 1 || t.at[0] != i) continue; // the readers of slot i read it alone
          if (t.holds(v)) sig |= 1L << k;
          k++;
        }
        for (int j = 0; j < kept; j++) if (seen[j] == sig) continue next;
        seen[kept] = sig;
        out[kept++] = x;
      }
      return kept == values.length ? values : java.util.Arrays.copyOf(out, kept);
    }
  }

  /** A value no test's expected value equals: any other word, number or date. */
  private static final Object OTHER = new Object() {
    @Override
    public String toString() {
      return "(another value)";
    }
  };

  /** A test on a fact the profile does not state. */
  private abstract static class Open {
    /** An "applies only if" condition rather than a test of the finding. */
    final boolean applicability;

    /** For the values of its only unknown: the first where it holds and the first where it fails (made once). */
    private Object[] from;
    private Object[] distinct;

    Open(boolean applicability) {
      this.applicability = applicability;
    }

    /** Adds the values of its unknowns that cover every side of its lines. */
    abstract void values(Domain domain);

    /** Whether {@code o} tests the same facts the same way (it holds in the same completions); false where not known. */
    boolean sameTest(Open o) {
      return false;
    }

    /** Of {@code values} (of its only unknown, at slot {@code at[0]}), the first where it holds and the first where it fails. */
    Object[] distinct(Object[] values, int[] at) {
      if (values == from) return distinct;
      Object[] v = new Object[at[0] + 1];
      Object yes = null;
      Object no = null;
      for (Object x : values) {
        v[at[0]] = x;
        if (holds(v, at)) {
          if (yes == null) yes = x;
        } else if (no == null) {
          no = x;
        }
      }
      Object[] out;
      if (yes == null || no == null) out = new Object[] {yes == null ? no : yes};
      else out = indexOf(values, yes) < indexOf(values, no) ? new Object[] {yes, no} : new Object[] {no, yes};
      from = values;
      distinct = out;
      return out;
    }

    private static int indexOf(Object[] a, Object x) {
      for (int i = 0; i < a.length; i++) if (a[i] == x) return i;
      return -1;
    }

    private String[] paths;

    /** The paths of its unknowns, in the order of the slots {@link #holds} takes (made once). */
    final String[] paths() {
      if (paths == null) paths = unknowns();
      return paths;
    }

    abstract String[] unknowns();

    /** Whether the test holds where the unknown at {@code paths()[i]} takes the value {@code v[at[i]]}. */
    abstract boolean holds(Object[] v, int[] at);
  }

  private static final class Compare extends Open {
    final String path;
    final String op;
    final Number line;
    final String unit;

    Compare(boolean applicability, String path, String op, Number line, String unit) {
      super(applicability);
      this.path = path;
      this.op = op;
      this.line = line;
      this.unit = unit;
    }

    private Object[] values;

    @Override
    void values(Domain domain) {
      if (values == null) values = sidesOnce(line, unit);
      domain.add(path, values);
    }

    @Override
    String[] unknowns() {
      return new String[] {path};
    }

    @Override
    boolean holds(Object[] v, int[] at) {
      int c = compareNumbers((Number) v[at[0]], line);
      return switch (op) {
        case ">=" -> c >= 0;
        case ">" -> c > 0;
        case "<=" -> c <= 0;
        default -> c < 0;
      };
    }
  }

  private record Line(double line, String unit) {}

  /** {@link #sides} of the lines the rules draw, as arrays never changed; made once per line, up to {@link #SIDES_CACHED} lines. */
  private static final Map<Line, Object[]> SIDES = new java.util.concurrent.ConcurrentHashMap<>();

  /** Most lines whose {@link #sides} are kept: a sweep draws new lines without end; past this they are made each time. */
  static final int SIDES_CACHED = 4096;

  static Object[] sidesOnce(Number line, String unit) {
    Line key = new Line(line.doubleValue(), unit); // sides reads no more of the line than its double
    Object[] out = SIDES.get(key);
    if (out != null) return out;
    out = sides(line, unit).toArray();
    if (SIDES.size() < SIDES_CACHED) SIDES.put(key, out);
    return out;
  }

  static int sidesCached() {
    return SIDES.size();
  }

  /** Values of a number of {@code unit} at, just below and just above {@code line}, and its domain's ends. */
  static List<Object> sides(Number line, String unit) {
    List<Object> out = new ArrayList<>(6);
    double d = line.doubleValue();
    if ("count".equals(unit) || "krw".equals(unit)) {
      long lo = (long) Math.floor(d);
      long hi = (long) Math.ceil(d);
      for (long x : new long[] {0, lo - 1, lo, hi, hi + 1}) if (x >= 0 && !out.contains(x)) out.add(x);
    } else {
      double max = "share".equals(unit) ? 1.0 : Double.MAX_VALUE;
      boolean bounded = "share".equals(unit) || "quantity".equals(unit);
      for (double x : new double[] {0.0, Math.nextDown(d), d, Math.nextUp(d), max}) {
        if (bounded && (x < 0 || x > max)) continue;
        if (x == 0.0) x = 0.0; // not -0.0
        if (!out.contains(x)) out.add(x);
      }
    }
    return out;
  }

  private static final class Equal extends Open {
    final String path;
    final Object expected;
    final boolean bool;

    Equal(boolean applicability, String path, Object expected, String unit) {
      super(applicability);
      this.path = path;
      this.expected = expected;
      this.bool = "bool".equals(unit);
    }

    @Override
    boolean sameTest(Open o) {
      return o instanceof Equal e && path.equals(e.path) && Objects.equals(expected, e.expected) && bool == e.bool;
    }

    private Object[] values;

    @Override
    void values(Domain domain) {
      if (values == null) values = bool ? BOOLEANS : new Object[] {expected, OTHER};
      domain.add(path, values);
    }

    @Override
    String[] unknowns() {
      return new String[] {path};
    }

    @Override
    boolean holds(Object[] v, int[] at) {
      return Objects.equals(v[at[0]], expected);
    }
  }

  private static final class OneOf extends Open {
    final String path;
    final List<String> allowed;

    OneOf(boolean applicability, String path, List<String> allowed) {
      super(applicability);
      this.path = path;
      this.allowed = allowed;
    }

    private Object[] values;

    @Override
    void values(Domain domain) {
      if (values == null) {
        List<Object> l = new ArrayList<>(allowed.size() + 1);
        for (String a : allowed) if (!l.contains(a)) l.add(a);
        l.add(OTHER);
        values = l.toArray();
      }
      domain.add(path, values);
    }

    @Override
    String[] unknowns() {
      return new String[] {path};
    }

    @Override
    boolean holds(Object[] v, int[] at) {
      return allowed.contains(String.valueOf(v[at[0]]));
    }
  }

  private static final class NotEmpty extends Open {
    final String path;

    NotEmpty(String path) {
      super(false);
      this.path = path;
    }

    private static final Object[] VALUES = {List.of(), List.of(OTHER)};

    @Override
    void values(Domain domain) {
      domain.add(path, VALUES);
    }

    @Override
    String[] unknowns() {
      return new String[] {path};
    }

    @Override
    boolean holds(Object[] v, int[] at) {
      return !((List<?>) v[at[0]]).isEmpty();
    }
  }

  private static final class OnOrAfter extends Open {
    final String path;
    final LocalDate line;

    OnOrAfter(String path, LocalDate line) {
      super(true);
      this.path = path;
      this.line = line;
    }

    private Object[] values;

    @Override
    void values(Domain domain) {
      if (values == null) values = new Object[] {line.minusDays(1), line};
      domain.add(path, values);
    }

    @Override
    String[] unknowns() {
      return new String[] {path};
    }

    @Override
    boolean holds(Object[] v, int[] at) {
      return !((LocalDate) v[at[0]]).isBefore(line);
    }
  }

  private static final class Rank extends Open {
    final String path;
    final Integer rank;
    final String otherPath;
    final Integer otherRank;
    final List<String> order;

    Rank(String path, Integer rank, String otherPath, Integer otherRank, List<String> order) {
      super(false);
      this.path = path;
      this.rank = rank;
      this.otherPath = otherPath;
      this.otherRank = otherRank;
      this.order = order;
    }

    private Object[] values;

    @Override
    void values(Domain domain) {
      if (values == null) values = new LinkedHashSet<>(order).toArray();
      if (rank == null) domain.add(path, values);
      if (otherRank == null) domain.add(otherPath, values);
    }

    @Override
    String[] unknowns() {
      if (rank == null && otherRank == null) return new String[] {path, otherPath};
      return new String[] {rank == null ? path : otherPath};
    }

    @Override
    boolean holds(Object[] v, int[] at) {
      int a = rank != null ? rank : order.indexOf(String.valueOf(v[at[0]]));
      int b = otherRank != null ? otherRank : order.indexOf(String.valueOf(v[at[rank == null ? 1 : 0]]));
      return a >= b;
    }
  }

  /** A leaders list that can make the oligopoly test pass (or fail), when the profile gives none. */
  private static final Object PASSES = "(a list of leading firms that passes)";
  private static final Object FAILS = "(a list of leading firms that fails)";
  private static final Object[] LISTS = {PASSES, FAILS};
  private static final Object[] PASSING = {PASSES};
  private static final Object[] FAILING = {FAILS};

  /**
   * The oligopoly test with unknowns: the monthly users of listed firms, this firm's share and users
   * when it is not listed, or the whole list.
   */
  private static final class TopFirms extends Open {
    final int maxFirms;
    final double minShare;
    final long minUsers;
    final double combinedAtLeast;
    final List<Leader> given;
    final String leadersPath;
    final Double ownShare;
    final String ownSharePath;
    final Long ownUsers;
    final String ownUsersPath;
    final String selfName;
    String[] userPaths;

    TopFirms(int maxFirms, double minShare, long minUsers, double combinedAtLeast, List<Leader> given, String leadersPath,
        Double ownShare, String ownSharePath, Long ownUsers, String ownUsersPath, String selfName) {
      super(false);
      this.maxFirms = maxFirms;
      this.minShare = minShare;
      this.minUsers = minUsers;
      this.combinedAtLeast = combinedAtLeast;
      this.given = given;
      this.leadersPath = leadersPath;
      this.ownShare = ownShare;
      this.ownSharePath = ownSharePath;
      this.ownUsers = ownUsers;
      this.ownUsersPath = ownUsersPath;
      this.selfName = selfName;
    }

    private Object[] users;
    private Object[] shares;

    @Override
    void values(Domain domain) {
      if (users == null) users = minUsers > 0 ? new Object[] {minUsers - 1, minUsers} : new Object[] {0L};
      if (ownUsersPath != null) domain.add(ownUsersPath, users);
      if (given == null) {
        // No list: one that passes exists unless this firm cannot be among the leaders or hold enough
        // with them; one that fails exists unless this firm always leads with enough.
        double s = ownShare == null ? Double.NaN : ownShare;
        boolean eligible = (ownShare == null || s >= minShare) && (ownUsers == null || ownUsers >= minUsers);
        boolean canPass = eligible && (ownShare == null || s >= combinedAtLeast
            || (maxFirms >= 2 && Math.max(combinedAtLeast - s, minShare) <= 1 - s));
        boolean canFail = ownShare == null || ownUsersPath != null || !eligible || s < combinedAtLeast
            || (maxFirms + 1) * s < 1;
        domain.add(leadersPath, canPass && canFail ? LISTS : canPass ? PASSING : FAILING);
        return;
      }
      if (userPaths != null) for (String p : userPaths) if (p != null) domain.add(p, users);
      if (ownSharePath != null) {
        if (shares == null) shares = ownShares().toArray();
        domain.add(ownSharePath, shares);
      }
    }

    /**
     * This firm's share where the result can change: 0 and 1, the minimum share, each listed firm's share
     * (ties go by name), and the share that brings each possible group to the combined line; each with
     * its neighbours, and a point between each two.
     */
    private List<Object> ownShares() {
      java.util.TreeSet<Double> cut = new java.util.TreeSet<>();
      cut.add(0.0);
      cut.add(1.0);
      cut.add(minShare);
      List<Double> others = new ArrayList<>();
      for (Leader l : given) others.add(l.share());
      cut.addAll(others);
      BigDecimal x = BigDecimal.valueOf(combinedAtLeast);
      int k = Math.min(Math.max(maxFirms - 1, 0), others.size());
      subsetSums(others, 0, k, BigDecimal.ZERO, x, cut);
      java.util.TreeSet<Double> all = new java.util.TreeSet<>();
      Double prev = null;
      for (double c : cut) {
        for (double y : new double[] {Math.nextDown(Math.nextDown(c)), Math.nextDown(c), c, Math.nextUp(c), Math.nextUp(Math.nextUp(c))}) {
          if (y >= 0 && y <= 1) all.add(y == 0.0 ? 0.0 : y);
        }
        if (prev != null) all.add((prev + c) / 2);
        prev = c;
      }
      return new ArrayList<>(all);
    }

    private static void subsetSums(List<Double> others, int from, int left, BigDecimal sum, BigDecimal line, Set<Double> out) {
      out.add(line.subtract(sum).doubleValue());
      if (left == 0 || out.size() > 4096) return;
      for (int i = from; i < others.size(); i++) {
        subsetSums(others, i + 1, left - 1, sum.add(BigDecimal.valueOf(others.get(i))), line, out);
      }
    }

    /** In this order: this firm's users, the list (when none is given), the listed firms' users, this firm's share. */
    @Override
    String[] unknowns() {
      List<String> out = new ArrayList<>(4);
      if (ownUsersPath != null) out.add(ownUsersPath);
      if (given == null) out.add(leadersPath);
      if (userPaths != null) for (String p : userPaths) if (p != null) out.add(p);
      if (ownSharePath != null) out.add(ownSharePath);
      return out.toArray(new String[0]);
    }

    @Override
    boolean holds(Object[] v, int[] at) {
      boolean[] r = results(v, at);
      return r[0] && r[1];
    }

    /** This firm among the group, and the group's combined share at least the line. */
    boolean[] results(Object[] v, int[] at) {
      int j = 0;
      Long selfUsers = ownUsersPath != null ? (Long) v[at[j++]] : ownUsers;
      if (given == null) {
        boolean pass = v[at[j]] == PASSES && (selfUsers == null || selfUsers >= minUsers);
        return new boolean[] {pass, pass};
      }
      List<Leader> leaders = new ArrayList<>(given.size() + 1);
      for (int i = 0; i < given.size(); i++) {
        Leader l = given.get(i);
        if (userPaths != null && userPaths[i] != null) l = new Leader(l.name(), l.share(), (Long) v[at[j++]], l.self());
        leaders.add(l);
      }
      Double s = ownSharePath != null ? (Double) v[at[j]] : ownShare;
      boolean listed = false;
      for (Leader l : given) listed |= Boolean.TRUE.equals(l.self());
      if (!listed) leaders.add(new Leader(selfName, s, selfUsers, true));
      Group g = group(leaders, maxFirms, minShare, minUsers, false);
      return new boolean[] {g.selfIncluded, g.combined.compareTo(BigDecimal.valueOf(combinedAtLeast)) >= 0};
    }

    /**
     * Over the completions of this test's own unknowns: whether the whole test can be false and true,
     * then the same for its two parts; null when there are too many to go through.
     */
    boolean[] local() {
      Domain domain = new Domain();
      values(domain);
      int n = domain.n;
      Object[][] values = java.util.Arrays.copyOf(domain.values, n);
      int[] radix = new int[n];
      long total = 1;
      for (int i = 0; i < n; i++) {
        radix[i] = values[i].length;
        total *= radix[i];
      }
      if (total > MAX_COMPLETIONS) return null;
      Completions all = new Completions(values, radix, (int) total);
      boolean[] can = new boolean[6];
      String[] paths = paths();
      int[] at = new int[paths.length];
      for (int i = 0; i < paths.length; i++) at[i] = domain.slot(paths[i]);
      long[] whole = new long[(int) total]; // 1 where the whole test holds
      for (int k = 0; k < total; k++) {
        boolean[] r = results(all.v, at);
        can[r[0] && r[1] ? 1 : 0] = true;
        can[r[0] ? 3 : 2] = true;
        can[r[1] ? 5 : 4] = true;
        whole[k] = r[0] && r[1] ? 1 : 0;
        all.next();
      }
      boolean[] bySlot = all.matters(whole); // which unknown, changed alone, can change the whole test
      boolean[] turns = new boolean[paths.length];
      for (int p = 0; p < paths.length; p++) turns[p] = bySlot[at[p]];
      this.can = can;
      this.turns = turns;
      return can;
    }

    /** From {@link #local}: whether the whole test can fail and hold ([0], [1]), and which of its {@link #paths} can change it. */
    boolean[] can;
    boolean[] turns;
  }

  private FactPaths.Fact resolve(String path) {
    return facts.get(service, path).fact();
  }

  /** {@code path} resolved, with where the file states it: what a test records ({@link #add}). */
  private FactCache.Located located(String path) {
    return facts.get(service, path);
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
    if (facts.override() != null) line = facts.override().line(rule, path, line);
    FactCache.Located l = located(path);
    FactPaths.Fact f = l.fact();
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
      unknown(f, new Compare(false, f.path(), op, line, f.unit()));
    }
    add(l, null, v, op, normalise(line, f.unit()), met, margin);
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

  /** The denial test's wording, made once per floor (rules call it for every service). */
  private static final Map<Double, String> DENIAL = new java.util.concurrent.ConcurrentHashMap<>();

  private void add(FactCache.Located where, String label, Object value, String op, Object threshold, Boolean met, Double margin) {
    add(where, label, value, op, threshold, met, margin, where.fact().unit());
  }

  private void add(FactCache.Located where, String label, Object value, String op, Object threshold, Boolean met, Double margin, String unit) {
    FactPaths.Fact f = where.fact();
    SourceLocation at = where.at();
    changed();
    if (Boolean.FALSE.equals(met) && !"applies only if".equals(label)) anyKnownFalse = true;
    tests.add(new Test(f.path(), label, value, op, threshold, met, margin, unit,
        at == null ? 0 : at.line(), at == null ? 0 : at.column(), value == null ? null : where.written()));
  }

  /**
   * The paths of the missing facts, in the order first met, without repeats: an array and a linear
   * look-up, since a finding has a handful (a {@code LinkedHashSet} per finding cost more to make than
   * all its look-ups).
   */
  private static final class PathSet extends java.util.AbstractSet<String> {
    private static final String[] NONE = {};
    private String[] paths = NONE;
    private int n;

    @Override
    public boolean add(String p) {
      for (int i = 0; i < n; i++) if (paths[i].equals(p)) return false;
      if (n == paths.length) paths = java.util.Arrays.copyOf(paths, Math.max(4, n * 2));
      paths[n++] = p;
      return true;
    }

    @Override
    public boolean contains(Object o) {
      for (int i = 0; i < n; i++) if (paths[i].equals(o)) return true;
      return false;
    }

    @Override
    public boolean addAll(java.util.Collection<? extends String> c) {
      if (!(c instanceof PathSet o)) return super.addAll(c);
      if (n == 0) {
        if (o.n == 0) return false;
        paths = java.util.Arrays.copyOf(o.paths, o.n); // no repeats in o
        n = o.n;
        return true;
      }
      boolean changed = false;
      for (int i = 0; i < o.n; i++) changed |= add(o.paths[i]);
      return changed;
    }

    @Override
    public boolean remove(Object o) {
      for (int i = 0; i < n; i++) {
        if (paths[i].equals(o)) {
          removeAt(i);
          return true;
        }
      }
      return false;
    }

    private void removeAt(int i) {
      System.arraycopy(paths, i + 1, paths, i, n - i - 1);
      paths[--n] = null;
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public Object[] toArray() {
      return java.util.Arrays.copyOf(paths, n, Object[].class);
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return new java.util.Iterator<>() {
        int next;
        boolean canRemove;

        @Override
        public boolean hasNext() {
          return next < n;
        }

        @Override
        public String next() {
          if (next >= n) throw new java.util.NoSuchElementException();
          canRemove = true;
          return paths[next++];
        }

        @Override
        public void remove() {
          if (!canRemove) throw new IllegalStateException();
          canRemove = false;
          removeAt(--next);
        }
      };
    }
  }
}
