package dev.kdpc.report;

/** The legal basis of a finding: the instrument in English and Korean, the article, and the source URL. */
public record Citation(String law, String lawKo, String article, String source) {}
