package dev.kdpc.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every regime and rule of a rules folder, with their metadata. Immutable. */
public final class RuleCatalogue {
  private final List<RegimeInfo> regimes;
  private final List<RuleInfo> rules;
  private final Map<String, RegimeInfo> regimeById;
  private final Map<String, RuleInfo> ruleById;
  private final String digest;

  public RuleCatalogue(List<RegimeInfo> regimes, List<RuleInfo> rules, String digest) {
    this.regimes = List.copyOf(regimes);
    this.rules = List.copyOf(rules);
    this.regimeById = this.regimes.stream().collect(Collectors.toUnmodifiableMap(RegimeInfo::id, Function.identity()));
    this.ruleById = this.rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::id, Function.identity()));
    this.digest = digest;
  }

  public List<RegimeInfo> regimes() {
    return regimes;
  }

  public List<RuleInfo> rules() {
    return rules;
  }

  public Optional<RegimeInfo> regime(String id) {
    return Optional.ofNullable(regimeById.get(id));
  }

  public Optional<RuleInfo> rule(String id) {
    return Optional.ofNullable(ruleById.get(id));
  }

  /** SHA-256 over the rules folder's files (relative path and content, in path order). */
  public String digest() {
    return digest;
  }
}
