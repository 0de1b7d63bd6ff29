package dev.kdpc.render;

/** Markdown escaping shared by the memo and comparison formats. */
final class Markdown {
  private Markdown() {}

  /** Text safe inside a table cell or a list item: no line breaks, pipes escaped, '<' made inert. */
  static String cell(String s) {
    if (s == null) return "";
    return s.replaceAll("\\s*\\R\\s*", " ").replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;");
  }
}
