package dev.kdpc.render;

import java.util.List;

/**
 * How to render: the language of titles, law names and headings ({@code en}, the default, or
 * {@code ko}, using each rule's {@code title_ko} and {@code law_ko}), and whether SARIF carries every
 * finding ({@code sarifAll}) or, by default, only those that need attention (see
 * {@link SarifRenderer#needsAttention}).
 */
public record RenderOptions(String lang, boolean sarifAll) {
  public static final List<String> LANGUAGES = List.of("en", "ko");
  public static final RenderOptions DEFAULT = new RenderOptions("en");

  public RenderOptions {
    if (!LANGUAGES.contains(lang)) throw new IllegalArgumentException("unknown language '" + lang + "'; use en or ko");
  }

  /** Options in {@code lang}, SARIF with only the findings that need attention. */
  public RenderOptions(String lang) {
    this(lang, false);
  }

  /** These options with SARIF carrying every finding ({@code --sarif-all}) or not. */
  public RenderOptions withSarifAll(boolean all) {
    return new RenderOptions(lang, all);
  }

  public boolean korean() {
    return "ko".equals(lang);
  }
}
