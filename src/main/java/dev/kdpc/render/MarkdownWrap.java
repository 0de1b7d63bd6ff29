package dev.kdpc.render;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes Markdown with its prose lines wrapped at {@link #WIDTH} characters, as markdownlint's MD013
 * asks, without changing what it renders to: a paragraph, a list item or a quotation is broken at spaces,
 * its continuation lines indented under the item's text or prefixed with {@code > }; a word that would
 * start a block at the start of a line ({@code - + * # > = | _}, a fence, {@code 1.}, an HTML tag) is never
 * put first on a continuation line. Table rows, headings and fenced code are written as they are (they cannot wrap).
 */
final class MarkdownWrap extends Writer {
  static final int WIDTH = 80;

  private static final Pattern PREFIX = Pattern.compile("^( *)(> |>|[-*+] |\\d{1,9}[.)] )?");
  private static final Pattern ORDERED = Pattern.compile("\\d{1,9}[.)]");

  private final Writer out;
  private final StringBuilder line = new StringBuilder();
  private final boolean wrap;
  private boolean fenced;

  MarkdownWrap(Writer out) {
    this(out, true);
  }

  /** With {@code wrap} false, lines pass through as they are. */
  MarkdownWrap(Writer out, boolean wrap) {
    this.out = out;
    this.wrap = wrap;
  }

  @Override
  public void write(char[] c, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      if (c[i] == '\n') {
        out.write(wrap(line.toString()));
        out.write('\n');
        line.setLength(0);
      } else {
        line.append(c[i]);
      }
    }
  }

  /** Writes a last line that has no line break yet. */
  void finishLine() throws IOException {
    if (line.length() > 0) {
      out.write(wrap(line.toString()));
      line.setLength(0);
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    finishLine();
    out.flush();
  }

  private String wrap(String s) {
    String t = s.stripLeading();
    if (t.startsWith("```") || t.startsWith("~~~")) {
      fenced = !fenced;
      return s;
    }
    if (!wrap || fenced || t.isEmpty() || t.startsWith("|") || t.startsWith("#") || length(s) <= WIDTH) return s;
    Matcher m = PREFIX.matcher(s);
    m.find();
    String indent = m.group(1);
    String marker = m.group(2) == null ? "" : m.group(2);
    String first = indent + marker;
    String next = marker.startsWith(">") ? indent + "> " : " ".repeat(first.length());
    // a word that may not start a line is bound to the word before it, so the break comes before both
    java.util.List<String> words = new java.util.ArrayList<>();
    for (String w : s.substring(first.length()).split(" ", -1)) {
      if (!words.isEmpty() && !canStartLine(w)) words.set(words.size() - 1, words.get(words.size() - 1) + " " + w);
      else words.add(w);
    }
    StringBuilder b = new StringBuilder();
    StringBuilder cur = new StringBuilder(first);
    int inLine = 0;
    for (String w : words) {
      if (inLine > 0 && length(cur) + 1 + length(w) > WIDTH) {
        b.append(stripEnd(cur)).append('\n');
        cur.setLength(0);
        cur.append(next);
        inLine = 0;
      }
      if (inLine > 0) cur.append(' ');
      cur.append(w);
      inLine++;
    }
    b.append(stripEnd(cur));
    return b.toString();
  }

  /** Whether {@code w} may begin a continuation line without starting a block there. */
  private static boolean canStartLine(String w) {
    if (w.isEmpty()) return false;
    char c = w.charAt(0);
    if (c == '-' || c == '+' || c == '*' || c == '#' || c == '>' || c == '=' || c == '|' || c == '_') return false;
    if (w.startsWith("```") || w.startsWith("~~~")) return false;
    // a tag at the start of a line can open an HTML block, even inside a code span (blocks are parsed first);
    // an autolink cannot
    if (c == '<') return w.startsWith("<http://") || w.startsWith("<https://");
    return !ORDERED.matcher(w).matches();
  }

  private static String stripEnd(CharSequence s) {
    return s.toString().stripTrailing();
  }

  private static int length(CharSequence s) {
    return s.toString().codePointCount(0, s.length());
  }
}
