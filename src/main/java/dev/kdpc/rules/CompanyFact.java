package dev.kdpc.rules;

import dev.kdpc.profile.Profile;

/** The company as the rules see it: exactly one is inserted for each profile. */
public final class CompanyFact {
  private final Profile profile;

  public CompanyFact(Profile profile) {
    this.profile = profile;
  }

  public Profile getProfile() {
    return profile;
  }

  @Override
  public String toString() {
    return "CompanyFact(" + profile.displayName() + ")";
  }
}
