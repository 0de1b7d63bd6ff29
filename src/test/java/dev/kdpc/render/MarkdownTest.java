package dev.kdpc.render;

import static dev.kdpc.render.CommonMarkSupport.PARSER;
import static dev.kdpc.render.CommonMarkSupport.all;
import static dev.kdpc.render.CommonMarkSupport.code;
import static dev.kdpc.render.CommonMarkSupport.only;
import static dev.kdpc.render.CommonMarkSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.report.Printable;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every user text written through {@link Markdown} parses (CommonMark with GFM tables) to plain text
 * that reads as {@link Printable#text} prints it, wherever the memo puts it: a table cell, a list item,
 * a heading, a paragraph, a code span.
 */
class MarkdownTest {
  static List<String> attacks() {
    return List.of(
        "[x](javascript:alert(1))",
        "![i](http://e/x.png)",
        "**b** and __b__ and *i* and _i_",
        "`code` and ``more``",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<https://evil.example/autolink>",
        "a | b || c",
        "# Heading",
        "## Heading",
        "- item",
        "+ item",
        "* item",
        "1. one",
        "1) one",
        "> quote",
        "=== setext",
        "---",
        "[x]: javascript:alert(1)",
        "[x][y] and [x][] and [x]",
        "~~strike~~",
        "&#x202e; &lt;b&gt; &amp;",
        "back\\slash \\n and \\*",
        "line\nbreak\n# Heading\n- item",
        "cr\rreturn",
        "nel\u0085next",
        "\u001b[2J\u001b[31mRed",
        "\u202eevil",
        "    indented code",
        "trailing backslash \\",
        "ends with a hash #",
        "daily_average_kr stays",
        "네이버 [주식회사](javascript:x)");
  }

  @ParameterizedTest
  @MethodSource("attacks")
  void aCellIsPlainTextInATable(String s) {
    Node doc = PARSER.parse("| a | b |\n|---|---|\n| " + Markdown.cell(s) + " | " + Markdown.codeCell(s) + " |\n");
    TableBlock table = only(doc, TableBlock.class);
    List<TableCell> cells = all(table, TableCell.class);
    assertThat(cells).hasSize(4);
    assertThat(text(cells.get(2))).isEqualTo(expected(s));
    assertThat(code(cells.get(3))).isEqualTo(Printable.text(s.replaceAll("\\s*\\R\\s*", " ")));
    assertNoMarkup(doc);
  }

  @ParameterizedTest
  @MethodSource("attacks")
  void aCellIsPlainTextAtTheStartOfAListItemAHeadingAndAParagraph(String s) {
    for (String prefix : List.of("- ", "  - ", "## ", "#### 1. ", "", "> ")) {
      Node doc = PARSER.parse("# Memo\n\n" + prefix + Markdown.cell(s) + "\n\nafter\n");
      String shown = prefix.equals("#### 1. ") ? "1. " : "";
      assertThat(text(doc)).as(prefix).isEqualTo("Memo" + shown + expected(s) + "after");
      assertNoMarkup(doc);
      assertThat(all(doc, Heading.class)).as(prefix).hasSize(prefix.startsWith("#") ? 2 : 1);
      assertThat(all(doc, ListItem.class)).as(prefix).hasSize(prefix.contains("-") ? 1 : 0);
      assertThat(all(doc, BlockQuote.class)).as(prefix).hasSize(prefix.startsWith(">") ? 1 : 0);
    }
  }

  @ParameterizedTest
  @MethodSource("attacks")
  void aCodeSpanHoldsTheTextExactly(String s) {
    Node doc = PARSER.parse("- see " + Markdown.code(s) + " here\n");
    assertThat(code(doc)).isEqualTo(Printable.text(s.replaceAll("\\s*\\R\\s*", " ")));
    assertThat(all(doc, Paragraph.class)).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("attacks")
  void onlyAPlainWebUrlBecomesALink(String s) {
    Node doc = PARSER.parse("- **Source:** " + Markdown.url(s) + "\n");
    assertThat(all(doc, Link.class)).isEmpty();
  }

  @Test
  void aWebUrlBecomesAnAutolinkUnlessSomethingCouldEndIt() {
    Node url = PARSER.parse("- **Source:** " + Markdown.url("https://www.law.go.kr/법령/전기통신사업법") + "\n");
    assertThat(all(url, Link.class)).singleElement().extracting(Link::getDestination).isEqualTo("https://www.law.go.kr/법령/전기통신사업법");
    Node evil = PARSER.parse("- " + Markdown.url("https://e.example/a>[x](javascript:alert(1))") + "\n");
    assertThat(all(evil, Link.class)).isEmpty();
  }

  /** What a cell must read as: the text as {@link Printable} prints it, line breaks made spaces, ends trimmed. */
  static String expected(String s) {
    return Printable.text(s.replaceAll("\\s*\\R\\s*", " ").strip());
  }

  /** No link, image, emphasis, HTML, code, list, quotation, rule or code block inside what the text made. */
  static void assertNoMarkup(Node doc) {
    for (Class<? extends Node> c : List.of(Link.class, Image.class, Emphasis.class, StrongEmphasis.class, HtmlInline.class, HtmlBlock.class,
        OrderedList.class, ThematicBreak.class, IndentedCodeBlock.class)) {
      assertThat(all(doc, c)).as(c.getSimpleName()).isEmpty();
    }
    for (BulletList l : all(doc, BulletList.class)) assertThat(all(l, BulletList.class)).as("nested list").hasSize(1);
    for (Code c : all(doc, Code.class)) assertThat(c.getParent()).isInstanceOfAny(TableCell.class, Paragraph.class);
  }}
