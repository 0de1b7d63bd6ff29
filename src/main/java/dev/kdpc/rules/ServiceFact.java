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

  public ServiceFact(Profile profile, Service service) {
    this.profile = profile;
    this.service = service;
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
