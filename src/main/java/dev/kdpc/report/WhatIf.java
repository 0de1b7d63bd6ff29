package dev.kdpc.report;

import java.util.List;
import java.util.Map;

/**
 * A what-if evaluation: the facts changed with {@code --set}, and how the findings differ from those of
 * the unmodified profile.
 *
 * @param set the fact paths changed and the values given, in the order given
 * @param changes the findings added, removed or changed compared with the unmodified profile
 */
public record WhatIf(Map<String, String> set, List<Change> changes) {
  public WhatIf {
    set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
    changes = List.copyOf(changes);
  }
}
