package dev.kdpc.report;

import java.util.List;

/**
 * Why a service (or the company) is not designated under a regime: the designation findings of the
 * regime, none met, each with its tests (the failed ones say by how much) and, where one fact
 * suffices, its {@link Finding#flip()}.
 *
 * @param regime the regime id
 * @param service the service id, or null for the company
 * @param designations the regime's designation findings for the service, all not designated
 * @param notes consequences in words, e.g. that a conduct of the service is not a violation of the
 *     regime's bans because no designation was met
 */
public record WhyNot(String regime, String service, List<Finding> designations, List<String> notes) {
  public WhyNot {
    designations = List.copyOf(designations);
    notes = List.copyOf(notes);
  }
}
