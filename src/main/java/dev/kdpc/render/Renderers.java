package dev.kdpc.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The renderers, by name. */
public final class Renderers {
  private Renderers() {}

  private static final Map<String, Renderer> BY_NAME = new LinkedHashMap<>();

  static {
    for (Renderer r : List.of(new TextRenderer(), new JsonRenderer(), new MarkdownRenderer(), new HtmlRenderer(), new SarifRenderer(), new JunitRenderer(),
        new JunitSurefireRenderer())) BY_NAME.put(r.name(), r);
  }

  public static Optional<Renderer> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }
}
