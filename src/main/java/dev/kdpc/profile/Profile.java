package dev.kdpc.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A company profile: facts only, never conclusions. Read one with {@link ProfileReader}.
 *
 * @param source the name the profile was read from (a file path as given, or a label)
 * @param inputSha256 SHA-256 of the bytes read, in hex
 * @param services the services, each with a unique id (never null; empty when none are given)
 * @param sourceMap where each value stands in the file
 * @param notices remarks on how the profile was read (e.g. rounded shares accepted), never conclusions
 */
public record Profile(
    String source,
    String inputSha256,
    Company company,
    List<Service> services,
    Cloud cloud,
    Network network,
    LocationData locationData,
    SourceMap sourceMap,
    List<String> notices) {

  /** A profile without notices. */
  public Profile(String source, String inputSha256, Company company, List<Service> services, Cloud cloud, Network network,
      LocationData locationData, SourceMap sourceMap) {
    this(source, inputSha256, company, services, cloud, network, locationData, sourceMap, List.of());
  }

  public Profile {
    Objects.requireNonNull(source, "source");
    notices = notices == null ? List.of() : List.copyOf(notices);
    services = services == null ? List.of() : List.copyOf(services);
    sourceMap = sourceMap == null ? SourceMap.EMPTY : sourceMap;
  }

  public Optional<Service> service(String id) {
    return services.stream().filter(s -> id.equals(s.id())).findFirst();
  }

  /** The company's name, or the source when the profile gives none. */
  public String displayName() {
    return company != null && company.name() != null ? company.name() : source;
  }
}
