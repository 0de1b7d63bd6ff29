package dev.kdpc.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** Markdown parsed as GitHub reads it (CommonMark with GFM tables), and the parts of its tree the tests look at. */
public final class CommonMarkSupport {
  private CommonMarkSupport() {}

  public static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

  public static <T extends Node> T only(Node doc, Class<T> type) {
    List<T> found = all(doc, type);
    if (found.size() != 1) throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
    return found.get(0);
  }

  /** Every node of {@code type} in the tree under {@code root}, {@code root} included. */
  public static <T extends Node> List<T> all(Node root, Class<T> type) {
    List<T> out = new ArrayList<>();
    walk(root, n -> {
      if (type.isInstance(n)) out.add(type.cast(n));
    });
    return out;
  }

  /** The text of a node, code spans excluded. */
  public static String text(Node root) {
    StringBuilder b = new StringBuilder();
    root.accept(new AbstractVisitor() {
      @Override
      public void visit(Text t) {
        b.append(t.getLiteral());
      }

      @Override
      public void visit(Code c) {}
    });
    return b.toString();
  }

  /** The code spans' text. */
  public static String code(Node root) {
    StringBuilder b = new StringBuilder();
    for (Code c : all(root, Code.class)) b.append(c.getLiteral());
    return b.toString();
  }

  private static void walk(Node n, Consumer<Node> f) {
    f.accept(n);
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) walk(c, f);
  }
}
