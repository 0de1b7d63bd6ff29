package dev.kdpc.render;

import java.util.List;

/**
 * How to render: the language of titles, law names and headings ({@code en}, the default, or
 * {@code ko}, using each rule's {@code title_ko} and {@code law_ko}).
 */
public record RenderOptions(String lang) {
  public static final List<String> LANGUAGES = List.of("en", "ko");
  public static final RenderOptions DEFAULT = new RenderOptions("en");

  public RenderOptions {
    if (!LANGUAGES.contains(lang)) throw new IllegalArgumentException("unknown language '" + lang + "'; use en or ko");
  }

  public boolean korean() {
    return "ko".equals(lang);
  }
}
