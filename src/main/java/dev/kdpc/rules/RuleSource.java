package dev.kdpc.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.Stream;

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
      throw new UncheckedIOException(e);
    }
  }

  private static RuleSource fromJar(String name, JarFile jar, String prefix) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try {
      for (var en = jar.entries(); en.hasMoreElements(); ) {
        JarEntry e = en.nextElement();
        String n = e.getName();
        if (e.isDirectory() || !n.startsWith(prefix) || !n.endsWith(".drl")) continue;
        try (InputStream in = jar.getInputStream(e)) {
          byte[] bytes = in.readAllBytes();
          files.put(n.substring(prefix.length()), StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        }
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new RulesException(name, List.of(new RulesException.Problem(name, 0, "a rules file is not valid UTF-8")));
    }
    if (files.isEmpty()) {
      throw new RulesException(name, List.of(new RulesException.Problem(name, 0, "no .drl files found")));
    }
    return new RuleSource(name, files);
  }

  private static RuleSource read(String name, Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(f -> f.getFileName() != null && f.getFileName().toString().endsWith(".drl")).sorted().toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        byte[] bytes = Files.readAllBytes(p);
        String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        files.put(rel, text);
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new RulesException(name, List.of(new RulesException.Problem(name, 0, "a rules file is not valid UTF-8")));
    }
    if (files.isEmpty()) {
      throw new RulesException(name, List.of(new RulesException.Problem(name, 0, "no .drl files found")));
    }
    return new RuleSource(name, files);
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
