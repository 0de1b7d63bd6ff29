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
  private final String regime;
  private final Kind kind;
  private final Profile profile;
  private final Service service;
  private final FactCache facts;
  private final List<Test> tests = new ArrayList<>();
  private final Set<String> missing = new LinkedHashSet<>();
  private final List<String> dependsOn = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  /** The Korean of this assessment's texts, keyed by the English ({@link #ko}). */
  private final Map<String, String> ko = new LinkedHashMap<>();
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
  private final Set<String> sanctionPaths = new LinkedHashSet<>();
  /** The last {@link #topFirms} call, which {@link #otherReading} works out again under the other reading. */
  private TopFirmsCall lastTopFirms;
  /** The other readings the rule states ({@link #otherReading}). */
  private final List<ReadingSpec> readingSpecs = new ArrayList<>();
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

  private Assessment(RuleContext ctx, Kind kind, Object subject) {
    Map<String, Object> meta = ctx.getRule().getMetaData();
    this.rule = String.valueOf(meta.getOrDefault("id", ctx.getRule().getName()));
    this.regime = (String) meta.get("regime");
    this.kind = kind;
    this.whenMet = kind == Kind.DESIGNATION ? RuleInfo.Designation.outcomeOf(meta.get("designation")) : null;
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
    FactPaths.Fact f = resolve(path);
    Boolean met = f.value() == null ? null : Objects.equals(f.value(), expected);
    if (met == null) unknown(f, new Equal(false, f.path(), expected, f.unit()));
    add(f, null, f.value(), "==", expected, met, null);
    return this;
  }

  /** The fact at {@code path} must be one of {@code allowed}. */
  public Assessment oneOf(String path, String... allowed) {
    FactPaths.Fact f = resolve(path);
    Boolean met = f.value() == null ? null : List.of(allowed).contains(String.valueOf(f.value()));
    if (met == null) unknown(f, new OneOf(false, f.path(), List.of(allowed)));
    add(f, null, f.value(), "in", String.join(", ", allowed), met, null);
    return this;
  }

  /** The list at {@code path} must have at least one entry. */
  public Assessment notEmpty(String path) {
    FactPaths.Fact f = resolve(path);
    Integer n = f.value() instanceof List<?> l ? l.size() : null;
    if (n == null) unknown(f, new NotEmpty(f.path()));
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
    FactPaths.Fact leadersFact = resolve("market.leaders");
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
      add(leadersFact, "this firm among the " + criteria, null, "in top", maxFirms, met, null);
      add(leadersFact, "combined share of the " + criteria, null, ">=", combinedAtLeast, met, null, "share");
      if (addThenDeny) denial(leadersFact, own, (Double) own.value(), minShareEach);
      return;
    }
    List<Leader> leaders = new ArrayList<>(given);
    boolean listed = false;
    for (Leader l : given) listed |= Boolean.TRUE.equals(l.self());
    String ownSharePath = null;
    String ownUsersPath = null;
    if (!listed) {
      if (own.value() == null) ownSharePath = own.path();
      else leaders.add(new Leader(profile.displayName(), (Double) own.value(), (Long) ownUsers.value(), true));
      if (minUsersEach > 0 && ownUsers.value() == null && (own.value() == null || (Double) own.value() >= floor)) ownUsersPath = ownUsers.path();
    }
    String[] userPaths = null;
    for (int i = 0; i < given.size(); i++) {
      if (minUsersEach > 0 && given.get(i).monthlyUsersKr() == null && given.get(i).share() >= floor) {
        if (userPaths == null) userPaths = new String[given.size()];
        userPaths[i] = leadersFact.path() + "[" + i + "].monthly_users_kr";
      }
    }
    boolean known = userPaths == null && ownSharePath == null && ownUsersPath == null;
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
    add(leadersFact, "this firm among the " + criteria + " (" + (g.names.isEmpty() ? "none" : String.join(", ", g.names)) + ")",
        show ? (g.selfIncluded ? "included" : "not included") : null, "in top", maxFirms, selfIn, null);
    add(leadersFact, "combined share of the " + criteria, show ? g.combined.doubleValue() : null, ">=", combinedAtLeast,
        combinedMet, show ? margin(g.combined.doubleValue(), combinedAtLeast, ">=") : null, "share");
    if (addThenDeny) {
      Double ownShare = null;
      for (Leader l : leaders) if (Boolean.TRUE.equals(l.self())) ownShare = l.share();
      denial(leadersFact, own, ownShare, minShareEach);
    }
  }

  /**
   * The add-then-deny reading's own test: a firm whose share is under the floor is not presumed, even
   * in a group that holds enough. Where this firm's share is not stated, it is worked out over every
   * value it could take, like the other tests.
   */
  private void denial(FactPaths.Fact leadersFact, FactPaths.Fact own, Double ownShare, double minShareEach) {
    if (ownShare == null) unknown(own, new Compare(false, own.path(), ">=", minShareEach, "share"));
    add(leadersFact, "this firm's own share (a firm under " + pct(minShareEach) + " is not presumed)", ownShare, ">=", minShareEach,
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
    FactPaths.Fact f = resolve(path);
    if (f.value() == null) {
      if (applicable != Boolean.FALSE) applicable = null;
      unknown(f, new Equal(true, f.path(), expected, f.unit()));
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
    if (holds == null) unknown(f, new OneOf(true, f.path(), List.of(values)));
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
    if (holds == null) unknown(f, new OnOrAfter(f.path(), line));
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
    if (a == null || b == null) {
      Rank r = new Rank(f.path(), a, g.path(), b, ranks);
      if (a == null) missing.add(f.path());
      if (b == null) missing.add(g.path());
      opens().add(r);
    }
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
    } else {
      unknown(f, new Compare(true, f.path(), op, line, f.unit()));
    }
    return applicability(f, holds, op, normalise(line, f.unit()));
  }

  /** Records an "applies only if" condition: dropped when false, undetermined when unknown. */
  private Assessment applicability(FactPaths.Fact f, Boolean holds, String op, Object threshold) {
    if (holds == null) {
      if (applicable != Boolean.FALSE) applicable = null;
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
    FactPaths.Fact present = resolve(path + ".present");
    conductStated = true;
    ConductFact c = (ConductFact) f.value();
    conductPresent = c == null ? null : c.present();
    if (conductPresent == null) {
      missing.add(present.path());
      conductPath = present.path();
    }
    if (c != null && c.justification() != null && !c.justification().isBlank()) justification = c.justification().strip();
    add(present, null, conductPresent, "==", false, conductPresent == null ? null : !conductPresent, null);
    return this;
  }

  /** Who must prove a legitimate reason for the conduct (e.g. "the platform"). */
  public Assessment burdenOn(String who) {
    this.burden = who;
    lastText = who;
    return this;
  }

  /** A caveat shown beside the finding. */
  public Assessment note(String text) {
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
    ko.put(lastText, korean);
    lastText = null;
    return this;
  }

  /** The Korean of this assessment's texts, keyed by the English. */
  public Map<String, String> getKo() {
    return ko.isEmpty() ? Map.of() : Map.copyOf(ko);
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
    Outcome o = getOutcome();
    return kind == Kind.DESIGNATION && (o.designationMet() || o == Outcome.UNDETERMINED);
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
    return List.copyOf(tests);
  }

  /** The facts the profile does not state that can change the outcome (see {@link #getMissingImmaterial()}). */
  public List<String> getMissing() {
    getOutcome();
    return material != null ? material : List.copyOf(missing);
  }

  /** The facts the profile does not state that could not change the outcome, whatever their values. */
  public List<String> getMissingImmaterial() {
    getOutcome();
    return immaterial != null ? immaterial : List.of();
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
      Assessment other = new Assessment(this);
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
    Assessment a = new Assessment(shown);
    a.alternatives = List.copyOf(instances);
    for (Assessment i : instances) a.missing.addAll(i.missing);
    return a;
  }

  /**
   * A copy of {@code o}'s state (tests, missing facts, open tests, conditions): for a finding merged from
   * alternatives ({@link #anyOf}), or to be worked out under another reading ({@link #getReadings}).
   */
  private Assessment(Assessment o) {
    this.rule = o.rule;
    this.regime = o.regime;
    this.kind = o.kind;
    this.profile = o.profile;
    this.service = o.service;
    this.facts = o.facts;
    this.tests.addAll(o.tests);
    this.missing.addAll(o.missing);
    this.dependsOn.addAll(o.dependsOn);
    this.notes.addAll(o.notes);
    this.ko.putAll(o.ko);
    this.applicable = o.applicable;
    this.dependsUndetermined = o.dependsUndetermined;
    this.sanction = o.sanction;
    this.conductPresent = o.conductPresent;
    this.conductStated = o.conductStated;
    this.conductPath = o.conductPath;
    this.justification = o.justification;
    this.burden = o.burden;
    this.open = o.open == null ? null : new ArrayList<>(o.open); // its own list: a reading's copy replaces some
    this.openGivens = o.openGivens;
    this.whenMet = o.whenMet;
    this.anyKnownFalse = o.anyKnownFalse;
    this.sanctionPaths.addAll(o.sanctionPaths);
    this.lastTopFirms = o.lastTopFirms;
    this.readingSpecs.addAll(o.readingSpecs);
  }

  // ---------------------------------------------------------------------------------------------
  // The exact outcome: over every completion of the missing facts

  /** Most completions worked through for one finding; beyond it the finding is undetermined with every missing fact listed. */
  static final int MAX_COMPLETIONS = 1 << 14;

  private static final int DROPPED = 0;

  /**
   * The outcome every completion of the missing facts gives, or undetermined where two completions
   * differ; and which missing facts can change it. Each missing fact takes a few values, one from each
   * stretch of its domain between the lines the tests draw on it (a share lies in 0..1, money and counts
   * are whole and not negative), so going through every combination is exact, not a sample.
   */
  private Outcome exact() {
    material = null;
    immaterial = null;
    neverApplies = false;
    if (open == null && openGivens == null && alternatives == null) return outcomeNow();
    if (applicable == Boolean.FALSE && alternatives == null) return outcomeNow();
    if (kind == Kind.PROHIBITION && !conductStated) throw new IllegalStateException("rule " + rule + ": a prohibition needs .conduct(path)");
    // The unknowns and the values each takes.
    Map<String, List<Object>> domain = new java.util.LinkedHashMap<>();
    collect(domain, new java.util.HashSet<>());
    List<String> vars = new ArrayList<>(domain.keySet());
    int n = vars.size();
    int[] radix = new int[n];
    long total = 1;
    for (int i = 0; i < n; i++) {
      radix[i] = domain.get(vars.get(i)).size();
      total *= radix[i];
      if (total > MAX_COMPLETIONS) return outcomeNow();
    }
    int size = (int) total;
    int[] cls = new int[size];
    Map<String, Object> v = new java.util.HashMap<>(n * 2);
    boolean anyApplies = false;
    boolean allApply = true;
    int[] digit = new int[n];
    for (int k = 0; k < size; k++) {
      for (int i = 0; i < n; i++) v.put(vars.get(i), domain.get(vars.get(i)).get(digit[i]));
      boolean applies = applies(v);
      anyApplies |= applies;
      allApply &= applies;
      cls[k] = classOf(applies, v);
      for (int i = 0; i < n && ++digit[i] == radix[i]; i++) digit[i] = 0; // the next combination
    }
    neverApplies = !anyApplies;
    // A fact can change the outcome where two completions that differ in it alone differ in outcome.
    Set<String> matters = new java.util.HashSet<>();
    int stride = 1;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < size && !matters.contains(vars.get(i)); k++) {
        int d = (k / stride) % radix[i];
        if (d != 0 && cls[k] != cls[k - d * stride]) matters.add(vars.get(i));
      }
      stride *= radix[i];
    }
    List<String> m = new ArrayList<>();
    List<String> im = new ArrayList<>();
    for (String p : missing) (matters.contains(p) || !domain.containsKey(p) ? m : im).add(p);
    material = List.copyOf(m);
    immaterial = List.copyOf(im);
    int first = cls[0];
    boolean same = true;
    for (int c : cls) same &= c == first;
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
   * The outcome of one completion, as a number: a designation not applying is not designated, a
   * prohibition not applying is clear (a practice the profile states absent is clear either way); an
   * obligation not applying is dropped, which differs from met and unmet.
   */
  private int classOf(boolean applies, Map<String, Object> v) {
    return switch (kind) {
      case DESIGNATION -> applies && holds(v) ? 1 : 2;
      case OBLIGATION -> !applies ? DROPPED : holds(v) ? 3 : 4;
      case ELIGIBILITY -> !applies ? DROPPED : holds(v) ? 7 : 8;
      default -> {
        if (!applies) yield 5;
        Boolean present = conductPresent != null ? conductPresent : (Boolean) v.get(conductPath);
        yield Boolean.TRUE.equals(present) ? 6 : 5;
      }
    };
  }

  /** Whether the finding applies in this completion: its "applies only if" tests and the designations it rests on. */
  private boolean applies(Map<String, Object> v) {
    if (alternatives != null) {
      for (Assessment a : alternatives) if (a.applies(v)) return true;
      return false;
    }
    if (applicable == Boolean.FALSE) return false;
    if (open != null) for (Open o : open) if (o.applicability && !o.holds(v)) return false;
    if (openGivens != null) for (Assessment d : openGivens) if (!d.designatedIn(v)) return false;
    return true;
  }

  /** Whether the finding's own tests (not the "applies only if" ones) all hold in this completion. */
  private boolean holds(Map<String, Object> v) {
    if (anyKnownFalse) return false;
    if (open != null) for (Open o : open) if (!o.applicability && !o.holds(v)) return false;
    return true;
  }

  private boolean designatedIn(Map<String, Object> v) {
    return applies(v) && holds(v);
  }

  /** Every unknown this finding reads, through the designations it rests on too, with the values each takes. */
  private void collect(Map<String, List<Object>> domain, Set<Assessment> seen) {
    if (!seen.add(this)) return;
    if (open != null) for (Open o : open) o.values(domain);
    if (conductPath != null) addValues(domain, conductPath, Boolean.FALSE, Boolean.TRUE);
    if (openGivens != null) for (Assessment d : openGivens) d.collect(domain, seen);
    if (alternatives != null) for (Assessment a : alternatives) a.collect(domain, seen);
  }

  private static void addValues(Map<String, List<Object>> domain, String path, Object... values) {
    List<Object> l = domain.computeIfAbsent(path, p -> new ArrayList<>(4));
    for (Object x : values) if (!l.contains(x)) l.add(x);
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

    Open(boolean applicability) {
      this.applicability = applicability;
    }

    /** Adds the values of its unknowns that cover every side of its lines. */
    abstract void values(Map<String, List<Object>> domain);

    abstract boolean holds(Map<String, Object> v);
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

    @Override
    void values(Map<String, List<Object>> domain) {
      addValues(domain, path, sides(line, unit).toArray());
    }

    @Override
    boolean holds(Map<String, Object> v) {
      int c = compareNumbers((Number) v.get(path), line);
      return switch (op) {
        case ">=" -> c >= 0;
        case ">" -> c > 0;
        case "<=" -> c <= 0;
        default -> c < 0;
      };
    }
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
    void values(Map<String, List<Object>> domain) {
      if (bool) addValues(domain, path, Boolean.FALSE, Boolean.TRUE);
      else addValues(domain, path, expected, OTHER);
    }

    @Override
    boolean holds(Map<String, Object> v) {
      return Objects.equals(v.get(path), expected);
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

    @Override
    void values(Map<String, List<Object>> domain) {
      addValues(domain, path, allowed.toArray());
      addValues(domain, path, OTHER);
    }

    @Override
    boolean holds(Map<String, Object> v) {
      return allowed.contains(String.valueOf(v.get(path)));
    }
  }

  private static final class NotEmpty extends Open {
    final String path;

    NotEmpty(String path) {
      super(false);
      this.path = path;
    }

    @Override
    void values(Map<String, List<Object>> domain) {
      addValues(domain, path, List.of(), List.of(OTHER));
    }

    @Override
    boolean holds(Map<String, Object> v) {
      return !((List<?>) v.get(path)).isEmpty();
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

    @Override
    void values(Map<String, List<Object>> domain) {
      addValues(domain, path, line.minusDays(1), line);
    }

    @Override
    boolean holds(Map<String, Object> v) {
      return !((LocalDate) v.get(path)).isBefore(line);
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

    @Override
    void values(Map<String, List<Object>> domain) {
      if (rank == null) addValues(domain, path, order.toArray());
      if (otherRank == null) addValues(domain, otherPath, order.toArray());
    }

    @Override
    boolean holds(Map<String, Object> v) {
      int a = rank != null ? rank : order.indexOf(String.valueOf(v.get(path)));
      int b = otherRank != null ? otherRank : order.indexOf(String.valueOf(v.get(otherPath)));
      return a >= b;
    }
  }

  /** A leaders list that can make the oligopoly test pass (or fail), when the profile gives none. */
  private static final Object PASSES = "(a list of leading firms that passes)";
  private static final Object FAILS = "(a list of leading firms that fails)";

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

    @Override
    void values(Map<String, List<Object>> domain) {
      Object[] users = minUsers > 0 ? new Object[] {minUsers - 1, minUsers} : new Object[] {0L};
      if (ownUsersPath != null) addValues(domain, ownUsersPath, users);
      if (given == null) {
        // No list: one that passes exists unless this firm cannot be among the leaders or hold enough
        // with them; one that fails exists unless this firm always leads with enough.
        double s = ownShare == null ? Double.NaN : ownShare;
        boolean eligible = (ownShare == null || s >= minShare) && (ownUsers == null || ownUsers >= minUsers);
        boolean canPass = eligible && (ownShare == null || s >= combinedAtLeast
            || (maxFirms >= 2 && Math.max(combinedAtLeast - s, minShare) <= 1 - s));
        boolean canFail = ownShare == null || ownUsersPath != null || !eligible || s < combinedAtLeast
            || (maxFirms + 1) * s < 1;
        if (canPass) addValues(domain, leadersPath, PASSES);
        if (canFail) addValues(domain, leadersPath, FAILS);
        return;
      }
      if (userPaths != null) for (String p : userPaths) if (p != null) addValues(domain, p, users);
      if (ownSharePath != null) addValues(domain, ownSharePath, ownShares().toArray());
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

    @Override
    boolean holds(Map<String, Object> v) {
      boolean[] r = results(v);
      return r[0] && r[1];
    }

    /** This firm among the group, and the group's combined share at least the line. */
    boolean[] results(Map<String, Object> v) {
      Long selfUsers = ownUsersPath != null ? (Long) v.get(ownUsersPath) : ownUsers;
      if (given == null) {
        boolean pass = v.get(leadersPath) == PASSES && (selfUsers == null || selfUsers >= minUsers);
        return new boolean[] {pass, pass};
      }
      List<Leader> leaders = new ArrayList<>(given.size() + 1);
      for (int i = 0; i < given.size(); i++) {
        Leader l = given.get(i);
        if (userPaths != null && userPaths[i] != null) l = new Leader(l.name(), l.share(), (Long) v.get(userPaths[i]), l.self());
        leaders.add(l);
      }
      Double s = ownSharePath != null ? (Double) v.get(ownSharePath) : ownShare;
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
      Map<String, List<Object>> domain = new java.util.LinkedHashMap<>();
      values(domain);
      List<String> vars = new ArrayList<>(domain.keySet());
      long total = 1;
      for (String p : vars) total *= domain.get(p).size();
      if (total > MAX_COMPLETIONS) return null;
      boolean[] can = new boolean[6];
      int[] digit = new int[vars.size()];
      Map<String, Object> v = new java.util.HashMap<>();
      for (long k = 0; k < total; k++) {
        for (int i = 0; i < vars.size(); i++) v.put(vars.get(i), domain.get(vars.get(i)).get(digit[i]));
        boolean[] r = results(v);
        can[r[0] && r[1] ? 1 : 0] = true;
        can[r[0] ? 3 : 2] = true;
        can[r[1] ? 5 : 4] = true;
        for (int i = 0; i < vars.size() && ++digit[i] == domain.get(vars.get(i)).size(); i++) digit[i] = 0;
      }
      return can;
    }
  }

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
    if (facts.override() != null) line = facts.override().line(rule, path, line);
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
      unknown(f, new Compare(false, f.path(), op, line, f.unit()));
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
    if (Boolean.FALSE.equals(met) && !"applies only if".equals(label)) anyKnownFalse = true;
    tests.add(new Test(f.path(), label, value, op, threshold, met, margin, unit,
        at == null ? 0 : at.line(), at == null ? 0 : at.column()));
  }
}
