package dev.kdpc.report;

/** The legal basis of a finding: the instrument in English and Korean, the article, and the source URL. */
public record Citation(String law, String lawKo, String article, String source) {
  /** The law's name in {@code lang} ({@code ko} or {@code en}): the Korean name where there is one. */
  public String law(String lang) {
    return "ko".equals(lang) && lawKo != null ? lawKo : law;
  }
}
