package dev.kdpc.render;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text a report's stream keeps until its tail (the JUnit suites until their totals are known, the rows
 * of the memo's register, the SARIF results until the rules list is known): in memory up to
 * {@link #IN_MEMORY} characters, then in a temp file, so memory stays bounded however long the report.
 * The file is deleted on {@link #close()} and, if the program ends first (e.g. on SIGTERM), on exit.
 */
final class Spill implements Closeable {
  /** Characters kept in memory before the spill moves to a file. */
  static final int IN_MEMORY = 1 << 20;

  /** Spill files not yet closed: deleted when the JVM exits. */
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (Path p : OPEN) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort at exit
        }
      }
    }, "kdpc-spill-cleanup"));
  }

  private final StringBuilder memory = new StringBuilder();
  private Path file;
  private Writer writer;

  void write(CharSequence s) throws IOException {
    if (writer == null && memory.length() + s.length() <= IN_MEMORY) {
      memory.append(s);
      return;
    }
    if (writer == null) {
      try {
        file = Files.createTempFile("kdpc-report-", ".spill");
      } catch (IOException e) {
        throw new IOException("cannot make a temp file for a long report in " + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
      }
      OPEN.add(file);
      writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
      writer.append(memory);
      memory.setLength(0);
      memory.trimToSize();
    }
    writer.append(s);
  }

  /** Everything written, from the start. */
  Reader reader() throws IOException {
    if (writer == null) return new StringReader(memory.toString());
    writer.flush();
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }

  /** Writes everything written to {@code out}. */
  void copyTo(Writer out) throws IOException {
    if (writer == null) {
      out.append(memory);
      return;
    }
    try (Reader r = reader()) {
      r.transferTo(out);
    }
  }

  @Override
  public void close() throws IOException {
    if (file == null) return;
    try {
      writer.close();
    } finally {
      Files.deleteIfExists(file);
      OPEN.remove(file);
    }
  }
}
