package dev.kdpc.rules;

import dev.kdpc.profile.Profile;

/** The company as the rules see it: exactly one is inserted for each profile. */
public final class CompanyFact {
  private final Profile profile;
  private final FactCache facts;

  public CompanyFact(Profile profile) {
    this(new FactCache(profile));
  }

  CompanyFact(FactCache facts) {
    this.profile = facts.profile();
    this.facts = facts;
  }

  FactCache facts() {
    return facts;
  }

  public Profile getProfile() {
    return profile;
  }

  @Override
  public String toString() {
    return "CompanyFact(" + profile.displayName() + ")";
  }
}
