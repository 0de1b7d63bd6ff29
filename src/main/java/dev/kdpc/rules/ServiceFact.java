package dev.kdpc.rules;

import dev.kdpc.profile.Profile;
import dev.kdpc.profile.Service;

/**
 * A service as the rules see it: one is inserted for each service of the profile. Constrain on
 * {@code id} and {@code category} in a rule's pattern; read other facts by path through
 * {@link Assessment}.
 */
public final class ServiceFact {
  private final Profile profile;
  private final Service service;
  private final FactCache facts;

  public ServiceFact(Profile profile, Service service) {
    this(new FactCache(profile), service);
  }

  /** A service fact that shares the facts already read with the other facts of the same evaluation. */
  ServiceFact(FactCache facts, Service service) {
    this.profile = facts.profile();
    this.service = service;
    this.facts = facts;
  }

  FactCache facts() {
    return facts;
  }

  /**
   * The facts the rules see for {@code profile}: its {@link CompanyFact} first, then a service fact per
   * service, in the profile's order, all sharing one cache of the facts the rules read.
   */
  public static java.util.List<Object> of(Profile profile) {
    return of(profile, null);
  }

  /** As {@link #of(Profile)}, with one rule's line set to another value ({@code override}; null: none). */
  public static java.util.List<Object> of(Profile profile, LineOverride override) {
    return of(profile, override, null);
  }

  /**
   * As {@link #of(Profile, LineOverride)}, where {@code infos} gives each rule's metadata as the catalogue holds it
   * (the KieBase's table, looked up by identity: faster than reading a rule's metadata map at every firing).
   */
  public static java.util.List<Object> of(Profile profile, LineOverride override,
      java.util.function.Function<org.kie.api.definition.rule.Rule, RuleInfo> infos) {
    FactCache facts = new FactCache(profile, override, infos);
    java.util.List<Object> out = new java.util.ArrayList<>(profile.services().size() + 1);
    out.add(new CompanyFact(facts));
    for (Service s : profile.services()) out.add(new ServiceFact(facts, s));
    return out;
  }

  public String getId() {
    return service.id();
  }

  public String getCategory() {
    return service.category();
  }

  public Service getService() {
    return service;
  }

  public Profile getProfile() {
    return profile;
  }

  @Override
  public String toString() {
    return "ServiceFact(" + service.id() + ")";
  }
}
