package dev.kdpc.rules.internal;

import dev.kdpc.profile.Profile;
import dev.kdpc.rules.Assessment;
import dev.kdpc.rules.RuleInfo;
import dev.kdpc.rules.RulesException;
import dev.kdpc.rules.ServiceFact;
import dev.kdpc.rules.TimeLimitException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;

/**
 * Runs compiled rules over one profile, in a session taken from the selection's pool. Thread-safe:
 * nothing is shared but the KieBases, and each thread gets a session of its own.
 */
public final class Engine {
  /** More firings than this for one profile means a rule loops. */
  static final int MAX_FIRINGS = 100_000;

  private Engine() {}

  /**
   * Evaluates {@code profile} with the rules of {@code rules} (a KieBase of the selection's rules)
   * that {@code fire} accepts (null: all of them; one rule to verify a flip), and returns what they
   * assessed (applicable or not; the caller decides what to report).
   *
   * @param limit how long the evaluation may take; past it, {@link Watchdog} stops it and this throws
   *     {@link TimeLimitException} naming the rule that was running
   */
  public static List<Assessment> evaluate(CompiledRules.Selected rules, Profile profile, LocalDate asOf, Predicate<RuleInfo> fire,
      Duration limit) {
    return evaluate(rules, profile, asOf, fire, limit, null);
  }

  /** As {@link #evaluate(CompiledRules.Selected, Profile, LocalDate, Predicate, Duration)}, with a sweep's line ({@code override}; null: none). */
  public static List<Assessment> evaluate(CompiledRules.Selected rules, Profile profile, LocalDate asOf, Predicate<RuleInfo> fire,
      Duration limit, dev.kdpc.rules.LineOverride override) {
    java.util.concurrent.locks.ReentrantLock warmUp = rules.warmUp();
    if (warmUp == null) return evaluateWatched(rules, profile, asOf, fire, limit, override);
    warmUp.lock();
    try {
      return evaluateWatched(rules, profile, asOf, fire, limit, override);
    } finally {
      rules.warmedOnce();
      warmUp.unlock();
    }
  }

  /**
   * Whether {@code e} is the JVM refusing a second definition of a class: Drools made a rule's
   * consequence class in two threads at once (see {@code CompiledRules.Selected#WARM_UP_EVALUATIONS}).
   */
  public static boolean isDuplicateDefinition(Throwable e) {
    return e instanceof LinkageError && e.getMessage() != null && e.getMessage().contains("duplicate class definition");
  }

  private static List<Assessment> evaluateWatched(CompiledRules.Selected rules, Profile profile, LocalDate asOf,
      Predicate<RuleInfo> fire, Duration limit, dev.kdpc.rules.LineOverride override) {
    Watchdog.Run run = new Watchdog.Run(limit);
    if (!Watchdog.workerThreads()) return evaluate(rules, profile, asOf, fire, run, override);
    List<Assessment> out;
    try {
      out = Watchdog.onWorker(run, () -> evaluate(rules, profile, asOf, fire, run, override));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating " + profile.source(), e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (out == null) throw stopped(rules, profile, run); // the worker would not stop: abandoned
    return out;
  }

  private static List<Assessment> evaluate(CompiledRules.Selected rules, Profile profile, LocalDate asOf, Predicate<RuleInfo> fire,
      Watchdog.Run run, dev.kdpc.rules.LineOverride override) {
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    t.setContextClassLoader(Engine.class.getClassLoader());
    KieSession session = rules.pool().newKieSession();
    // The rule about to fire, for the watchdog's message: noted by the agenda filter, which the engine asks
    // just before each firing (an agenda listener made an event object per firing).
    AgendaFilter current = fire == null
        ? m -> {
          run.rule = m.getRule();
          return true;
        }
        : m -> {
          if (!accept(rules, m, fire)) return false;
          run.rule = m.getRule();
          return true;
        };
    run.begin(session);
    int fired = 0;
    RulesException looping = null;
    List<Assessment> out = new ArrayList<>();
    Throwable failure = null;
    try {
      session.insert(new dev.kdpc.rules.EvaluationContext(asOf));
      for (Object fact : ServiceFact.of(profile, override, rules::info)) session.insert(fact);
      fired = session.fireAllRules(current, MAX_FIRINGS);
      if (fired >= MAX_FIRINGS) looping = loop(rules, session, profile, fire);
      for (Object o : session.getObjects(o -> o instanceof Assessment)) out.add((Assessment) o);
    } catch (Throwable x) { // including the ThreadDeath of the watchdog's last resort
      failure = x;
    }
    boolean late = finish(run);
    try {
      // A session stopped half-way is dropped, not returned to the pool: its state is not trusted.
      if (late) throw stopped(rules, profile, run);
      session.dispose();
    } finally {
      t.setContextClassLoader(before);
    }
    for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
      if (isDuplicateDefinition(c)) throw (LinkageError) c; // Checker evicts this KieBase and tries again
    }
    if (failure instanceof ConsequenceException e) {
      RuleInfo info = rules.info(e.getMatch().getRule());
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String file = info == null ? "the rules" : info.file();
      int line = info == null ? 0 : info.line();
      throw new RulesException(file, List.of(new RulesException.Problem(file, line,
          "rule '" + e.getMatch().getRule().getName() + "' failed on " + profile.source() + ": " + cause.getMessage())));
    }
    if (failure instanceof RuntimeException e) throw e;
    if (failure instanceof Error e) throw e;
    if (failure != null) throw new IllegalStateException(failure);
    if (looping != null) throw looping;
    return out;
  }

  /**
   * Ends the watch of {@code run}; whether it ran past its deadline. A {@link ThreadDeath} the watchdog
   * sent just before the evaluation ended can arrive here, once: the watch is then ended again.
   */
  private static boolean finish(Watchdog.Run run) {
    while (true) {
      try {
        return run.finish();
      } catch (ThreadDeath d) {
        // the watchdog's, sent once: finish again
      }
    }
  }

  private static TimeLimitException stopped(CompiledRules.Selected rules, Profile profile, Watchdog.Run run) {
    Rule r = run.rule;
    RuleInfo info = r == null ? null : rules.info(r);
    String id = info != null ? info.id() : r == null ? null : r.getName();
    String where = info == null ? null : info.file() + (info.line() > 0 ? ":" + info.line() : "");
    return new TimeLimitException(profile.source(), id, where, Duration.ofNanos(run.limitNanos));
  }

  /** Firings watched after the limit, to name the rules that loop. */
  static final int LOOP_SAMPLE = 1_000;

  /**
   * The error for an evaluation that reached {@link #MAX_FIRINGS}: the session fires up to
   * {@link #LOOP_SAMPLE} more matches with a listener, and the rules that fired then (the ones that keep
   * firing) are named with their file and line.
   */
  private static RulesException loop(CompiledRules.Selected rules, KieSession session, Profile profile, Predicate<RuleInfo> fire) {
    Map<Rule, Integer> counts = new LinkedHashMap<>();
    session.addEventListener(new DefaultAgendaEventListener() {
      @Override
      public void afterMatchFired(AfterMatchFiredEvent event) {
        counts.merge(event.getMatch().getRule(), 1, Integer::sum);
      }
    });
    try {
      if (fire == null) session.fireAllRules(LOOP_SAMPLE);
      else session.fireAllRules(m -> accept(rules, m, fire), LOOP_SAMPLE);
    } catch (RuntimeException e) {
      // the sample only names rules; what fired so far is enough
    }
    String what = "evaluation of " + profile.source() + " stopped after " + MAX_FIRINGS + " rule firings";
    List<RulesException.Problem> problems = new ArrayList<>();
    counts.entrySet().stream().sorted(Map.Entry.<Rule, Integer>comparingByValue().reversed()).limit(5).forEach(e -> {
      RuleInfo info = rules.info(e.getKey());
      String file = info == null ? e.getKey().getPackageName() : info.file();
      problems.add(new RulesException.Problem(file, info == null ? 0 : info.line(),
          "rule '" + e.getKey().getName() + "' fires again and again (" + e.getValue() + " of the next " + LOOP_SAMPLE
              + " firings): " + what + "; a rule whose conditions match what it inserts loops"));
    });
    if (problems.isEmpty()) problems.add(new RulesException.Problem("the rules", 0, what + ": a rule loops"));
    return new RulesException(problems.size() == 1 ? problems.get(0).file() : "the rules", problems);
  }

  private static boolean accept(CompiledRules.Selected rules, Match m, Predicate<RuleInfo> fire) {
    RuleInfo info = rules.info(m.getRule());
    return info != null && fire.test(info);
  }
}
