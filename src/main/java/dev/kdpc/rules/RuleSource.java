package dev.kdpc.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The DRL files of a rules folder, read into memory in path order: the bundled rules (from the jar or
 * the build's classes) or a folder on disk given with {@code --rules}.
 *
 * @param name how to name the folder in messages
 * @param files relative path → DRL text, sorted by path
 */
public record RuleSource(String name, Map<String, String> files) {
  /** Where the bundled rules travel inside the jar. */
  public static final String BUNDLED = "kdpc-rules";

  public RuleSource {
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /** The rules bundled with kdpc. */
  public static RuleSource bundled() {
    URL marker = RuleSource.class.getResource("/" + BUNDLED + "/README.md");
    if (marker == null) throw new IllegalStateException("the bundled rules are missing from the class path (" + BUNDLED + "/)");
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme()) && marker.openConnection() instanceof JarURLConnection c) {
        // Read straight from the jar the class loader already has open: mounting it as a zip file
        // system costs more than the rest of loading the precompiled rules.
        return fromJar("bundled rules", c.getJarFile(), BUNDLED + "/");
      }
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return read("bundled rules", fs.getPath("/" + BUNDLED));
      }
      return read("bundled rules", Path.of(uri).getParent());
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the bundled rules: " + e.getMessage(), e);
    }
  }

  /** The DRL files below {@code dir}. */
  public static RuleSource folder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new RulesException(dir.toString(), List.of(new RulesException.Problem(dir.toString(), 0,
          Files.exists(dir) ? "is not a directory" : "no such directory")));
    }
    try {
      return read(dir.toString(), dir);
    } catch (NoSuchFileException e) {
      throw new RulesException(dir.toString(), List.of(new RulesException.Problem(e.getFile(), 0, "no such file")));
    } catch (IOException e) {
      throw new RulesException(dir.toString(), List.of(new RulesException.Problem(dir.toString(), 0, "cannot be read: " + reason(e))));
    }
  }

  /** The largest rules file read (the largest bundled file is about 25 KB). */
  public static final int MAX_FILE_BYTES = 1 << 20;
  /** The most bytes of rules read from one folder. */
  public static final long MAX_TOTAL_BYTES = 16L << 20;
  /** The most rules files read from one folder. */
  public static final int MAX_FILES = 1_000;
  /** How deep below the folder rules files are looked for. */
  static final int MAX_DEPTH = 16;

  private static RuleSource fromJar(String name, JarFile jar, String prefix) throws IOException {
    Map<String, String> files = new TreeMap<>();
    List<RulesException.Problem> problems = new ArrayList<>();
    for (var en = jar.entries(); en.hasMoreElements(); ) {
      JarEntry e = en.nextElement();
      String n = e.getName();
      if (e.isDirectory() || !n.startsWith(prefix) || !n.endsWith(".drl")) continue;
      try (InputStream in = jar.getInputStream(e)) {
        String rel = n.substring(prefix.length());
        String text = decode(rel, in.readNBytes(MAX_FILE_BYTES + 1), problems);
        if (text != null) files.put(rel, text);
      }
    }
    return made(name, files, problems);
  }

  private static RuleSource made(String name, Map<String, String> files, List<RulesException.Problem> problems) {
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparing(RulesException.Problem::file).thenComparing(RulesException.Problem::message));
      throw new RulesException(name, problems);
    }
    if (files.isEmpty()) {
      throw new RulesException(name, List.of(new RulesException.Problem(name, 0, "no .drl files found")));
    }
    return new RuleSource(name, files);
  }

  /**
   * Reads the {@code *.drl} files below {@code dir}, following symbolic links. Only regular files are
   * opened: a FIFO, a device or a socket named {@code *.drl} is refused unopened, as are a directory
   * named {@code *.drl}, a link that leads nowhere or in a loop, a file over {@link #MAX_FILE_BYTES}
   * and a folder over {@link #MAX_TOTAL_BYTES} or {@link #MAX_FILES}. Every such entry is a problem
   * of its own; nothing is skipped silently.
   */
  private static RuleSource read(String name, Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    List<RulesException.Problem> problems = new ArrayList<>();
    long[] total = {0};
    Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
      private String rel(Path p) {
        String r = dir.relativize(p).toString().replace('\\', '/');
        return r.isEmpty() ? dir.toString() : r;
      }

      private void problem(Path p, String message) {
        problems.add(new RulesException.Problem(rel(p), 0, message));
      }

      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        if (!d.equals(dir) && isDrl(d)) {
          problem(d, "is a directory named like a rules file: rename it (rules files are regular files ending in .drl)");
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
        if (!isDrl(p)) return FileVisitResult.CONTINUE;
        if (attrs.isSymbolicLink()) {
          problem(p, brokenLink(p));
        } else if (attrs.isDirectory()) {
          problem(p, "is a directory named like a rules file: rename it (rules files are regular files ending in .drl)");
        } else if (!attrs.isRegularFile()) {
          problem(p, "is not a regular file (a FIFO, device or socket) and was not opened: a rules file must be a regular file");
        } else if (files.size() >= MAX_FILES) {
          if (files.size() == MAX_FILES) problem(dir, "has more than " + MAX_FILES + " rules files");
        } else if (attrs.size() > MAX_FILE_BYTES) {
          problem(p, "is " + attrs.size() + " bytes; a rules file may have at most " + MAX_FILE_BYTES + " bytes (1 MiB)");
        } else if (total[0] + attrs.size() > MAX_TOTAL_BYTES) {
          problem(p, "makes the folder's rules more than " + MAX_TOTAL_BYTES + " bytes (16 MiB) in all");
        } else {
          byte[] bytes;
          try (InputStream in = Files.newInputStream(p)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
          } catch (IOException e) {
            problem(p, "cannot be read: " + reason(e));
            return FileVisitResult.CONTINUE;
          }
          total[0] += bytes.length;
          String text = decode(rel(p), bytes, problems);
          if (text != null) files.put(rel(p), text);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path p, IOException e) {
        if (e instanceof FileSystemLoopException) {
          problem(p, "is a symbolic link to a folder that contains it (a loop); it was not followed");
        } else if (isDrl(p) || Files.isDirectory(p)) {
          problem(p, "cannot be read: " + reason(e));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return made(name, files, problems);
  }

  private static boolean isDrl(Path p) {
    return p.getFileName() != null && p.getFileName().toString().endsWith(".drl");
  }

  private static String brokenLink(Path p) {
    try {
      p.toRealPath();
      return "is a symbolic link that cannot be followed";
    } catch (NoSuchFileException e) {
      return "is a symbolic link to nothing (dangling)";
    } catch (IOException e) {
      return "is a symbolic link that leads to itself (a loop)";
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof NoSuchFileException) return "no such file";
    String m = e.getMessage();
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) m = f.getReason();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /**
   * The text of a rules file: UTF-8, with a leading byte order mark dropped (an editor's marker, not
   * part of the rules). Anything else that is not UTF-8 is a problem naming the first bad byte and its
   * offset (as a file saved in Latin-1 gives); so is a file over {@link #MAX_FILE_BYTES}.
   */
  static String decode(String file, byte[] bytes, List<RulesException.Problem> problems) {
    if (bytes.length > MAX_FILE_BYTES) {
      problems.add(new RulesException.Problem(file, 0, "is more than " + MAX_FILE_BYTES + " bytes; a rules file may have at most 1 MiB"));
      return null;
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult r = d.decode(in, out, true);
    if (!r.isError()) r = d.flush(out);
    if (r.isError()) {
      int at = in.position();
      problems.add(new RulesException.Problem(file, 0, String.format(java.util.Locale.ROOT,
          "not UTF-8 (byte 0x%02X at offset %d): save the file as UTF-8", bytes[at] & 0xFF, at)));
      return null;
    }
    out.flip();
    return out.toString();
  }

  /** SHA-256 over every file's relative path and content, in path order. */
  public String digest() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> e : files.entrySet()) {
        md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
