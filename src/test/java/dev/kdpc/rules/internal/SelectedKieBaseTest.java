package dev.kdpc.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.rules.RuleInfo;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** Each selection of rules evaluates in a KieBase holding exactly those rules (CompiledRules.select). */
class SelectedKieBaseTest {
  private static CompiledRules rules;
  private static Checker checker;

  @BeforeAll
  static void load() {
    rules = RulesCache.bundled();
    checker = Checker.withBundledRules();
  }

  private static Set<String> idsIn(CompiledRules.Selected s) {
    Set<String> ids = new TreeSet<>();
    for (KiePackage p : s.kieBase().getKiePackages()) {
      for (Rule r : p.getRules()) {
        RuleInfo info = s.info(r);
        assertThat(info).as("rule " + r.getName() + " in the KieBase has a catalogue entry (no regime declarations)").isNotNull();
        ids.add(info.id());
      }
    }
    return ids;
  }

  private static Set<RuleInfo> active(Options o) {
    Set<RuleInfo> out = new HashSet<>();
    for (RuleInfo r : rules.catalogue().rules()) if (checker.evaluates(r.id(), o)) out.add(r);
    return out;
  }

  @Test
  void aKieBaseHoldsExactlyTheSelectedRules() {
    for (Options o : List.of(Options.inForce(LocalDate.of(2026, 6, 30)), Options.withProposals(LocalDate.of(2026, 6, 30)),
        Options.inForce(LocalDate.of(2023, 1, 1)), Options.inForce(LocalDate.of(2026, 6, 30)).regimes("kftc-platform-2023"))) {
      Set<RuleInfo> active = active(o);
      Set<String> expected = new TreeSet<>();
      active.forEach(r -> expected.add(r.id()));
      assertThat(idsIn(rules.select(active))).as(o.toString()).isEqualTo(expected);
    }
  }

  @Test
  void theSameSelectionGetsTheSameKieBaseAndOnlyAFewAreKept() {
    Set<RuleInfo> inForce = active(Options.inForce(LocalDate.of(2026, 6, 30)));
    CompiledRules.Selected first = rules.select(inForce);
    assertThat(rules.select(new HashSet<>(inForce))).isSameAs(first);
    List<RuleInfo> all = rules.catalogue().rules();
    for (int i = 0; i < CompiledRules.MAX_KIE_BASES; i++) rules.select(Set.of(all.get(i))); // pushes the first one out
    assertThat(rules.select(inForce)).isNotSameAs(first);
    assertThat(idsIn(rules.select(Set.of(all.get(0))))).containsExactly(all.get(0).id());
  }
}
