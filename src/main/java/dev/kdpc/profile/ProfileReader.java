package dev.kdpc.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads profiles strictly: unknown keys, duplicate keys, anchors and aliases, wrong types, shares
 * outside 0..1 and negative money are errors, each reported as one {@link ProfileException} naming file,
 * line, column and field. Absent fields stay null (unknown), never false.
 *
 * <p>Hostile input is refused early and with bounded memory. The limits, all enforced by this class
 * (SnakeYAML and Jackson limits are set too, as a second line, but the YAML parser does not enforce
 * Jackson's string and number lengths):
 * <ul>
 *   <li>{@value #MAX_BYTES} bytes per file: a larger file is refused from its size, and the read
 *       stops after {@value #MAX_BYTES} + 1 bytes whatever the file system says (pipes, devices);
 *   <li>nesting depth {@value #MAX_DEPTH}; {@value #MAX_ITEMS} items in a list; {@value #MAX_NODES} values
 *       in all; {@value #MAX_SERVICES} services; text values and keys of {@value #MAX_STRING} characters; numbers of
 *       {@value #MAX_NUMBER} characters; lines of {@value #MAX_LINE} characters (SnakeYAML scans a
 *       long token in quadratic time);
 *   <li>no anchors, aliases or tags (Jackson does not resolve aliases, so a billion-laughs file is
 *       refused at its first anchor, before anything is expanded);
 *   <li>UTF-8 only. A UTF-8 byte-order mark at the very start is accepted and skipped (YAML 1.2 allows
 *       it and Windows editors write it); a UTF-16 or UTF-32 mark, a byte-order mark anywhere else,
 *       control characters (YAML's non-printable set, NUL included) and bidirectional-text controls
 *       (they make text display differently from what it says) are refused with their position.
 * </ul>
 * Every message is one paragraph: {@code file:line:column: field 'path': problem}. Problems with the
 * file as a whole (missing, a directory, not a regular file (a FIFO, a device: only regular files are
 * opened, so a read never waits for a writer or runs on without end), a dangling link or a link loop,
 * unreadable, over the size limit) name the file only; the
 * user's text is repeated at most {@value ValueDeserializers#SHOWN} characters long, with control
 * characters escaped.
 *
 * <p>Thread-safe; build one and reuse it.
 *
 * <pre>{@code
 * Profile p = new ProfileReader().read(Path.of("samples/portal.yaml"));
 * }</pre>
 */
public final class ProfileReader {
  /** The only profile format version this reader knows. */
  public static final int FORMAT_VERSION = 1;

  /** Largest profile file accepted, in bytes. */
  public static final int MAX_BYTES = 1_000_000;

  /** Deepest nesting accepted. */
  public static final int MAX_DEPTH = 32;

  /** Longest text value (or key) accepted, in characters. */
  public static final int MAX_STRING = 10_000;

  /** Longest number accepted, in characters (underscores included). */
  public static final int MAX_NUMBER = 64;

  /**
   * Longest line accepted, in characters. SnakeYAML's scanner takes time quadratic in the length of one
   * token or comment (about 3 s for a 1 MB quoted string on our 2-core machine); this bound keeps the
   * worst case near 0.2 s. A profile written as one line of minified JSON must stay below it too.
   */
  public static final int MAX_LINE = 100_000;

  /** Most items accepted in one list. */
  public static final int MAX_ITEMS = 1_000;

  /** Most services accepted in one profile. */
  public static final int MAX_SERVICES = 200;

  /**
   * Most values (mappings, lists and scalars together) accepted in one profile: about 100 per fully
   * described service. Without it a 1 MB file of 80,000 keys or 500,000 list items builds a tree of
   * 50 to 100 MB before binding refuses it.
   */
  public static final int MAX_NODES = 25_000;

  /** Earliest and latest year accepted in a date or a fiscal year (the command line's date options take the same range). */
  public static final int MIN_YEAR = 1900;

  /** See {@link #MIN_YEAR}. */
  public static final int MAX_YEAR = 2200;

  private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  /** A service id, in Java and ECMA-262 syntax alike (the schema's pattern). */
  static final String SERVICE_ID_PATTERN = "^[a-z0-9][a-z0-9_-]{0,63}$";

  static final Pattern SERVICE_ID = Pattern.compile(SERVICE_ID_PATTERN);

  /** YAML 1.2's core-schema integer and float; a YAML 1.1 number outside them ({@code 8_000}, {@code 0b101}) is text in YAML 1.2, and here. */
  private static final Pattern YAML12_INT = Pattern.compile("[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+");
  private static final Pattern YAML12_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private final YAMLFactory yaml;
  private final ObjectMapper mapper;

  public ProfileReader() {
    LoaderOptions lo = new LoaderOptions();
    lo.setCodePointLimit(MAX_BYTES);
    lo.setAllowDuplicateKeys(true); // detected by this reader, with the first key's position
    lo.setMaxAliasesForCollections(0);
    yaml = new AnchorsKept(YAMLFactory.builder()
        .loaderOptions(lo)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH + 2)
            .maxStringLength(MAX_STRING)
            .maxNumberLength(MAX_NUMBER)
            .maxDocumentLength(MAX_BYTES)
            .build()));
    SimpleModule strict = new SimpleModule("kdpc-strict");
    strict.addDeserializer(Boolean.class, new StrictBoolean());
    strict.addDeserializer(String.class, new ValueDeserializers.TextDeserializer());
    mapper = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(strict)
        .build();
  }

  /** Reads the profile at {@code file}; its name in messages and reports is the path as given. */
  public Profile read(Path file) {
    return parse(file).profile();
  }

  /**
   * Reads the profile at {@code file} once, to be bound as written ({@link ParsedProfile#profile()}) or
   * with what-if overrides ({@link ParsedProfile#with(Map)}) without reading or parsing the file again.
   */
  public ParsedProfile parse(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      BasicFileAttributes attrs = attributes(name, file);
      if (attrs.isDirectory()) throw new ProfileException(name, null, null, "is a directory, not a profile file");
      if (!attrs.isRegularFile()) {
        // Opening a FIFO waits for a writer, and a device can be endless: only regular files are opened.
        throw new ProfileException(name, null, null, "not a regular file (" + kind(file) + ")");
      }
      long size = attrs.size();
      if (size > MAX_BYTES) {
        throw new ProfileException(name, null, null,
            "the file is " + size + " bytes; profiles are limited to " + MAX_BYTES + " bytes");
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = readBounded(name, in);
      }
    } catch (NoSuchFileException e) {
      throw new ProfileException(name, null, null, "no such file");
    } catch (AccessDeniedException e) {
      throw new ProfileException(name, null, null, "cannot be read: permission denied");
    } catch (IOException e) {
      throw new ProfileException(name, null, null, "cannot be read: " + e.getMessage());
    }
    return parse(name, bytes);
  }

  /** The attributes of {@code file}, links followed; a dangling link, a link loop or a missing file refused with its reason. */
  private static BasicFileAttributes attributes(String name, Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(file)) {
        throw new ProfileException(name, null, null, "a symbolic link to a missing file ("
            + ValueDeserializers.shown(Files.readSymbolicLink(file).toString()) + ")");
      }
      throw e;
    } catch (AccessDeniedException e) {
      throw new ProfileException(name, null, null, "cannot be read: permission denied");
    } catch (FileSystemException e) {
      if (Files.isSymbolicLink(file) && e.getReason() != null && e.getReason().contains("symbolic links")) {
        throw new ProfileException(name, null, null, "a symbolic link that leads back to itself (a loop)");
      }
      throw e;
    }
  }

  /** What {@code file} is when it is neither a regular file nor a directory: a FIFO, a device, a socket. */
  static String kind(Path file) {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode");
      switch (mode & 0170000) {
        case 0010000: return "a FIFO";
        case 0020000: return "a character device";
        case 0060000: return "a block device";
        case 0140000: return "a socket";
        default: return "a special file";
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      return "a special file";
    }
  }

  /** Reads at most {@link #MAX_BYTES} + 1 bytes from {@code in}; refuses the input when there are more. */
  static byte[] readBounded(String name, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new ProfileException(name, null, null,
          "the file is larger than " + MAX_BYTES + " bytes; profiles are limited to " + MAX_BYTES + " bytes");
    }
    return bytes;
  }

  /** Reads a profile from bytes; {@code name} is used in messages and in the report. */
  public Profile read(String name, byte[] bytes) {
    return read(name, bytes, Map.of());
  }

  /**
   * Reads a profile and then replaces values before validation: {@code overrides} maps fact paths
   * ({@code services.search.market.share}) to YAML scalars ({@code 0.61}, {@code "61%"}, {@code true}).
   */
  public Profile read(String name, byte[] bytes, Map<String, String> overrides) {
    return parse(name, bytes).with(overrides);
  }

  /**
   * Decodes and parses a profile's YAML, checking everything but the binding to the model and the
   * checks across fields, which {@link ParsedProfile#profile()} and {@link ParsedProfile#with(Map)} do.
   */
  public ParsedProfile parse(String name, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new ProfileException(name, null, null,
          "the input is " + bytes.length + " bytes; profiles are limited to " + MAX_BYTES + " bytes");
    }
    String text = decode(name, bytes);
    Map<String, SourceLocation> pointers = new HashMap<>();
    JsonNode tree = parse(name, text, pointers);
    return new ParsedProfile(this, name, sha256(bytes), tree, Map.copyOf(pointers));
  }

  /** Binds a parsed tree (overrides already applied) and checks it across fields; see {@link ParsedProfile}. */
  Profile bindAndValidate(String name, String sha, JsonNode tree, Map<String, SourceLocation> pointers, ParsedProfile.SourceMaps maps) {
    ProfileDocument doc = bind(name, tree, pointers);
    return validate(name, sha, doc, tree, pointers, maps);
  }

  /** Key positions are stored under "k" + pointer, value positions under the pointer itself. */
  private static SourceLocation keyAt(Map<String, SourceLocation> pointers, String pointer) {
    SourceLocation k = pointers.get("k" + pointer);
    return k != null ? k : pointers.get(pointer);
  }

  // ---------------------------------------------------------------------------------------------
  // Decoding and parsing

  private static String decode(String name, byte[] bytes) {
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      start = 3; // a UTF-8 byte-order mark is harmless: skip it
    } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
        || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)
        || bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && (bytes[2] & 0xff) == 0xFE && (bytes[3] & 0xff) == 0xFF) {
      throw new ProfileException(name, new SourceLocation(1, 1), null,
          "the file starts with a UTF-16 or UTF-32 byte-order mark; save it as UTF-8");
    }
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return dec.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstBadByte(bytes, start);
      throw new ProfileException(name, positionOfByte(bytes, start, bad), null,
          "the file is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[bad] & 0xff) + " at offset " + bad
              + "); save it as UTF-8");
    }
  }

  private static int firstBadByte(byte[] bytes, int start) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var r = dec.decode(in, out, true);
    return r.isError() ? in.position() : start;
  }

  private static SourceLocation positionOfByte(byte[] bytes, int start, int offset) {
    int line = 1;
    int col = 1;
    for (int i = start; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        col = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        col++;
      }
    }
    return new SourceLocation(line, col);
  }

  JsonNode parse(String name, String text, Map<String, SourceLocation> pointers) {
    if (text.isBlank()) throw new ProfileException(name, new SourceLocation(1, 1), null, "the file is empty; a profile starts with 'kdpc: 1'");
    checkCharacters(name, text);
    try (YAMLParser p = yaml.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null || first == JsonToken.VALUE_NULL && p.nextToken() == null) {
        throw new ProfileException(name, new SourceLocation(1, 1), null, "the file holds no YAML document; a profile starts with 'kdpc: 1'");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ProfileException(name, here(p), null,
            "the top level must be a mapping of keys (kdpc, company, services, ...), not "
                + (first == JsonToken.START_ARRAY ? "a list" : "a single value"));
      }
      JsonNode root = value(name, p, "", 0, pointers, new int[1]);
      JsonToken next = p.nextToken();
      if (next != null) {
        throw new ProfileException(name, here(p), null,
            "the file holds more than one YAML document (a second one starts here); put one profile in each file");
      }
      return root;
    } catch (ProfileException e) {
      throw e;
    } catch (StreamConstraintsException e) {
      throw new ProfileException(name, location(e.getLocation()), null, "the document exceeds a size limit: " + e.getOriginalMessage()
          + " (limits: " + MAX_BYTES + " bytes, nesting depth " + MAX_DEPTH + ", text values of " + MAX_STRING
          + " characters, numbers of " + MAX_NUMBER + " characters)");
    } catch (JsonProcessingException e) {
      throw yamlError(name, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Refuses characters YAML does not allow in a stream (its printable set: no NUL, no C0 or C1 controls
   * but tab, line feed and carriage return; next line, NEL, is refused too), a byte-order mark after the
   * start, and bidirectional-text controls (the embeddings and overrides U+202A to U+202E, the isolates
   * U+2066 to U+2069, and the marks U+200E, U+200F and U+061C), with the position of the first one.
   */
  private static void checkCharacters(String name, String text) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      String why = forbidden(cp);
      if (why != null) {
        throw new ProfileException(name, new SourceLocation(line, col), null,
            "the file contains " + why + (cp == 0 ? "; a file saved as UTF-16 looks like this: save it as UTF-8" : "; remove it"));
      }
      if (cp == '\n' || cp == '\r' && (i >= text.length() || text.charAt(i) != '\n')) {
        line++;
        col = 1;
      } else if (cp != '\r') {
        if (col++ == MAX_LINE) {
          throw new ProfileException(name, new SourceLocation(line, col), null,
              "line " + line + " is longer than " + MAX_LINE + " characters; break it up (one key or list item per line)");
        }
      }
    }
  }

  /** Why {@code cp} may not appear in a profile's text, or null when it may. */
  static String forbidden(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') return null;
    if (cp == 0x85) return "the control character U+0085 (next line, NEL), a line break to some YAML readers and not to others";
    if (cp < 0x20 || cp >= 0x7F && cp < 0xA0) return String.format("the control character U+%04X", cp);
    if (cp == 0xFEFF) return "a byte-order mark (U+FEFF), which may only start the file";
    if (cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp == 0x200E || cp == 0x200F || cp == 0x061C) {
      return String.format("the bidirectional-text control U+%04X, which makes text display differently from what it says", cp);
    }
    if (cp >= 0xD800 && cp <= 0xDFFF || cp == 0xFFFE || cp == 0xFFFF) return String.format("the non-character U+%04X", cp);
    return null;
  }

  /** The first character of {@code text} that {@link #forbidden} refuses, described, or null. */
  private static String forbiddenIn(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      String why = forbidden(cp);
      if (why != null) return why;
    }
    return null;
  }

  private static ProfileException yamlError(String name, JsonProcessingException e) {
    Throwable c = e.getCause();
    if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      String problem = m.getProblem() == null ? "invalid YAML" : m.getProblem();
      if (problem.contains("\\t") || problem.contains("'\t'") || problem.contains("TAB")) {
        problem = "a tab character is not allowed here; indent YAML with spaces";
      } else if (m.getContext() != null) {
        problem = problem + " (" + m.getContext() + ")";
      }
      if (problem.startsWith("Expected a field name")) {
        problem = "a key must be plain text; complex keys ('? [...]' or '? {...}') are not supported";
      }
      if (c.getClass().getSimpleName().equals("LimitException") || problem.contains("exceeds the limit")) {
        problem = "the document is too large (profiles are limited to " + MAX_BYTES + " characters)";
      }
      return new ProfileException(name,
          new SourceLocation(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1), null,
          "invalid YAML: " + problem);
    }
    String msg = e.getOriginalMessage();
    if (msg != null && msg.contains("exceeds the limit")) {
      msg = "the document is too large (profiles are limited to " + MAX_BYTES + " characters)";
    } else if (msg != null && msg.startsWith("Expected a field name")) {
      msg = "a key must be plain text; complex keys ('? [...]' or '? {...}') are not supported";
    } else if (msg != null) {
      msg = msg.replaceAll("<org\\.yaml\\.snakeyaml\\.[^>]*>", "a YAML construct");
    }
    return new ProfileException(name, location(e.getLocation()), null, "invalid YAML: " + msg);
  }

  private static SourceLocation location(JsonLocation l) {
    return l == null || l.getLineNr() < 1 ? null : new SourceLocation(l.getLineNr(), Math.max(1, l.getColumnNr()));
  }

  private static SourceLocation here(JsonParser p) {
    return location(p.currentTokenLocation());
  }

  @SuppressWarnings("deprecation")
  private JsonNode value(String name, YAMLParser p, String pointer, int depth, Map<String, SourceLocation> pointers, int[] nodes)
      throws IOException {
    if (++nodes[0] > MAX_NODES) {
      throw new ProfileException(name, here(p), field(pointer),
          "the profile holds more than " + MAX_NODES + " values (mappings, lists and scalars); no valid profile needs that many");
    }
    if (p.isCurrentAlias()) {
      throw new ProfileException(name, here(p), field(pointer),
          "YAML aliases (*" + p.getText() + ") are not supported: write the value out in full");
    }
    if (p.getCurrentAnchor() != null) {
      throw new ProfileException(name, here(p), field(pointer),
          "YAML anchors (&" + p.getCurrentAnchor() + ") are not supported: write each value out in full");
    }
    if (p.getTypeId() != null) {
      throw new ProfileException(name, here(p), field(pointer),
          "YAML tags (!" + p.getTypeId() + ") are not supported");
    }
    if (depth > MAX_DEPTH) {
      throw new ProfileException(name, here(p), field(pointer), "nesting is deeper than " + MAX_DEPTH + " levels");
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = f.objectNode();
        Map<String, SourceLocation> seen = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          SourceLocation at = here(p);
          text(name, at, pointer, "key", key);
          if (p.getCurrentAnchor() != null) {
            throw new ProfileException(name, at, field(pointer),
                "YAML anchors (&" + p.getCurrentAnchor() + ") are not supported: write each value out in full");
          }
          SourceLocation before = seen.putIfAbsent(key, at);
          String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
          if (before != null) {
            throw new ProfileException(name, at, field(child),
                "duplicate key '" + key + "' (first given at line " + before.line() + ", column " + before.column() + ")");
          }
          pointers.put("k" + child, at);
          p.nextToken();
          pointers.put(child, here(p));
          o.set(key, value(name, p, child, depth + 1, pointers, nodes));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = f.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (i == MAX_ITEMS) {
            throw new ProfileException(name, here(p), field(pointer), "the list has more than " + MAX_ITEMS + " items");
          }
          String child = pointer + "/" + i++;
          pointers.put(child, here(p));
          a.add(value(name, p, child, depth + 1, pointers, nodes));
        }
        return a;
      }
      case VALUE_STRING:
        return f.textNode(text(name, here(p), pointer, "text value", p.getText()));
      case VALUE_TRUE:
      case VALUE_FALSE: {
        String s = p.getText();
        if (s.equals("true") || s.equals("false")) return f.booleanNode(t == JsonToken.VALUE_TRUE);
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
          // YAML 1.2 reads True and FALSE as booleans, so they cannot be text either: one spelling for all tools
          throw new ProfileException(name, here(p), field(pointer), "write booleans as true or false, in lower case (got " + s
              + "); quote it (\"" + s + "\") if it is text");
        }
        // True, TRUE and YAML 1.1's yes/no/on/off stay text, refused where a boolean is expected ('NO' is Norway, not false)
        return f.textNode(s);
      }
      case VALUE_NULL:
        return f.nullNode();
      case VALUE_NUMBER_INT: {
        number(name, p, pointer);
        if (!YAML12_INT.matcher(p.getText()).matches()) return f.textNode(p.getText()); // 8_000_000_000: text in YAML 1.2
        String s = p.getText();
        if (!DECIMAL.matcher(s).matches()) {
          throw new ProfileException(name, here(p), field(pointer),
              "write numbers in plain decimal (got " + ValueDeserializers.shown(p.getText()) + "; leading zeros, octal and hex are not accepted)");
        }
        BigInteger v = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
        return v.bitLength() < 64 ? f.numberNode(v.longValue()) : f.numberNode(v);
      }
      case VALUE_NUMBER_FLOAT: {
        number(name, p, pointer);
        if (!YAML12_FLOAT.matcher(p.getText()).matches()) return f.textNode(p.getText()); // 1_000.5: text in YAML 1.2
        String s = p.getText();
        double d;
        try {
          d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
          d = Double.NaN;
        }
        if (!Double.isFinite(d)) {
          throw new ProfileException(name, here(p), field(pointer),
              "not a finite number: " + ValueDeserializers.shown(p.getText()) + " (NaN and infinities are not accepted)");
        }
        return new WrittenDouble(d, s);
      }
      default:
        throw new ProfileException(name, here(p), field(pointer), "unexpected YAML content: " + t);
    }
  }

  /**
   * A key or text value within the limits and free of control characters; returned as it is. The field
   * is named from {@code pointer} only for a message: this runs for every key and value.
   */
  private static String text(String name, SourceLocation at, String pointer, String what, String text) {
    if (text.length() > MAX_STRING) {
      throw new ProfileException(name, at, field(pointer),
          "a " + what + " of " + text.length() + " characters is too long (at most " + MAX_STRING + ")");
    }
    String why = forbiddenIn(text);
    if (why != null) {
      throw new ProfileException(name, at, field(pointer), "the " + what + " \"" + ValueDeserializers.shown(text) + "\" contains " + why);
    }
    return text;
  }

  private static void number(String name, YAMLParser p, String pointer) throws IOException {
    if (p.getText().length() > MAX_NUMBER) {
      throw new ProfileException(name, here(p), field(pointer),
          "a number of " + p.getText().length() + " characters is too long (at most " + MAX_NUMBER + ")");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Binding

  private ProfileDocument bind(String name, JsonNode tree, Map<String, SourceLocation> pointers) {
    try {
      return mapper.treeToValue(tree, ProfileDocument.class);
    } catch (JsonMappingException e) {
      String pointer = pointerOf(e.getPath());
      SourceLocation at = e instanceof UnrecognizedPropertyException ? keyAt(pointers, pointer) : pointers.get(pointer);
      throw new ProfileException(name, at, field(pointer), explain(e, tree.at(pointer)));
    } catch (JsonProcessingException e) {
      throw new ProfileException(name, null, null, e.getOriginalMessage());
    }
  }

  private static String pointerOf(List<JsonMappingException.Reference> path) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      b.append('/');
      if (r.getFieldName() != null) b.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
      else if (r.getIndex() >= 0) b.append(r.getIndex());
    }
    return b.toString();
  }

  private static String explain(JsonMappingException e, JsonNode node) {
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known = new ArrayList<>();
      for (Object o : u.getKnownPropertyIds()) known.add(String.valueOf(o));
      known.sort(null);
      String near = known.stream()
          .filter(k -> Vocabulary.distance(k, u.getPropertyName()) <= 3)
          .min((a, b) -> Vocabulary.distance(a, u.getPropertyName()) - Vocabulary.distance(b, u.getPropertyName()))
          .map(k -> "; did you mean '" + k + "'?")
          .orElse("");
      return "unknown key '" + ValueDeserializers.shown(u.getPropertyName()) + "'" + near + " Known keys here: " + String.join(", ", known) + ".";
    }
    if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
      Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
      String orig = e.getOriginalMessage();
      if (target != null && orig != null && (orig.startsWith("Cannot") || orig.startsWith("Unexpected"))) {
        return "expected " + describe(target) + ", got " + describe(node);
      }
      return orig;
    }
    String orig = e.getOriginalMessage();
    if (orig != null && orig.startsWith("Numeric value") && orig.contains("out of range of int")) {
      return "the number " + (node == null ? "" : ValueDeserializers.shown(node.asText()) + " ")
          + "is too large for this field (the largest is " + Integer.MAX_VALUE + ")";
    }
    return orig;
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) return "nothing";
    if (node.isObject()) return "a mapping";
    if (node.isArray()) return "a list";
    if (node.isTextual()) return "the text \"" + ValueDeserializers.shown(node.asText()) + "\"";
    if (node.isBoolean()) return "the boolean " + node.asText();
    if (node.isNull()) return "null";
    return "the number " + node.asText();
  }

  private static String describe(Class<?> target) {
    if (target == Boolean.class || target == boolean.class) return "true or false";
    if (target == String.class) return "a text value";
    if (target == Integer.class || target == Long.class) return "a whole number";
    if (target == Double.class) return "a number";
    if (List.class.isAssignableFrom(target)) return "a list";
    if (target.isRecord()) return "a mapping of keys";
    return target.getSimpleName();
  }

  static String field(String pointer) {
    if (pointer == null || pointer.isEmpty()) return null;
    StringBuilder b = new StringBuilder();
    for (String part : pointer.substring(1).split("/", -1)) {
      String key = part.replace("~1", "/").replace("~0", "~");
      if (DIGITS.matcher(key).matches()) b.append('[').append(key).append(']');
      else {
        if (b.length() > 0) b.append('.');
        b.append(key);
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Checks across fields, and the source map

  private Profile validate(String name, String sha, ProfileDocument doc, JsonNode tree, Map<String, SourceLocation> pointers,
      ParsedProfile.SourceMaps maps) {
    List<String> notices = new ArrayList<>();
    if (doc.kdpc() == null) {
      throw new ProfileException(name, new SourceLocation(1, 1), "kdpc",
          "missing the format version: the profile must start with 'kdpc: " + FORMAT_VERSION + "'");
    }
    if (doc.kdpc() != FORMAT_VERSION) {
      throw new ProfileException(name, pointers.get("/kdpc"), "kdpc",
          "unsupported profile format version " + doc.kdpc() + "; this kdpc reads version " + FORMAT_VERSION);
    }
    List<Service> services = doc.services() == null ? List.of() : doc.services();
    if (services.size() > MAX_SERVICES) {
      throw new ProfileException(name, pointers.get("/services/" + MAX_SERVICES), "services",
          "a profile may describe at most " + MAX_SERVICES + " services; this one has " + services.size()
              + " (split the company into several profiles, or state related services as one)");
    }
    Set<String> ids = new HashSet<>();
    Map<String, String> canonical = new LinkedHashMap<>();
    canonical.put("/company", "company");
    canonical.put("/cloud", "cloud");
    canonical.put("/network", "network");
    canonical.put("/location_data", "location_data");
    for (int i = 0; i < services.size(); i++) {
      Service s = services.get(i);
      String at = "/services/" + i;
      if (s == null) throw new ProfileException(name, pointers.get(at), field(at), "a service must be a mapping with at least an 'id'");
      if (s.id() == null) {
        throw new ProfileException(name, pointers.get(at), field(at) + ".id",
            "every service needs an 'id' (lower-case letters, digits, '-' or '_'): findings refer to it");
      }
      if (!ids.add(s.id())) {
        throw new ProfileException(name, pointers.get(at + "/id"), field(at) + ".id", "service id '" + s.id() + "' is used twice");
      }
      canonical.put(at, "services." + s.id());
      if (s.market() != null && s.market().leaders() != null) {
        List<Leader> leaders = s.market().leaders();
        int selves = 0;
        for (int j = 0; j < leaders.size(); j++) {
          Leader l = leaders.get(j);
          String lat = at + "/market/leaders/" + j;
          if (l == null || l.share() == null) {
            throw new ProfileException(name, pointers.get(lat), field(lat) + ".share", "every leading firm needs its market share");
          }
          if (Boolean.TRUE.equals(l.self())) selves++;
          if (selves > 1) throw new ProfileException(name, pointers.get(lat + "/self"), field(lat) + ".self", "only one leading firm can be 'self: true'");
        }
        checkLeadersTotal(name, at, leaders, tree, pointers, notices);
      }
    }
    checkOwners(name, doc.company(), pointers);
    Map<String, String> written = new HashMap<>();
    written(ProfileDocument.class, tree, "", canonical, written);
    return new Profile(name, sha, doc.company(), services, doc.cloud(), doc.network(), doc.locationData(),
        maps.get(canonical, () -> sourceMap(pointers, canonical)).withWritten(written), notices);
  }

  /**
   * The foreign holders of a carrier (TBA Art. 8) are listed largest first, so that the rules can name
   * the largest one ({@code company.foreign_ownership.owners[0]}); each states its share, and together
   * they hold no more than the foreign share the profile states.
   */
  private static void checkOwners(String name, Company company, Map<String, SourceLocation> pointers) {
    if (company == null || company.foreignOwnership() == null || company.foreignOwnership().owners() == null) return;
    List<Owner> owners = company.foreignOwnership().owners();
    BigDecimal total = BigDecimal.ZERO;
    for (int j = 0; j < owners.size(); j++) {
      Owner o = owners.get(j);
      String at = "/company/foreign_ownership/owners/" + j;
      if (o == null || o.share() == null) {
        throw new ProfileException(name, pointers.get(at), field(at) + ".share", "every foreign owner needs its share of the company's shares");
      }
      if (j > 0 && o.share() > owners.get(j - 1).share()) {
        throw new ProfileException(name, pointers.get(at + "/share"), field(at) + ".share",
            "list the foreign owners largest first: this one holds more than the one before it");
      }
      total = total.add(BigDecimal.valueOf(o.share()));
    }
    Double share = company.foreignOwnership().share();
    if (share != null && total.compareTo(BigDecimal.valueOf(share)) > 0) {
      String at = "/company/foreign_ownership/share";
      throw new ProfileException(name, pointers.get(at), field(at),
          "the foreign owners listed hold " + total.stripTrailingZeros().toPlainString() + " together, more than the foreign share stated ("
              + BigDecimal.valueOf(share).stripTrailingZeros().toPlainString() + ")");
    }
  }

  /**
   * Published shares are rounded, so a table of leading firms can add up to a little over 100%. The
   * total may exceed 100% by half a rounding unit per listed firm, the unit being the precision each
   * share is written in (read from the text: {@code "25.1%"} or {@code 0.251} is written to 0.1
   * percentage point, so it may be 0.05 point off); such a list is read as written, with a notice.
   * A share written as a whole number (0 or 1) is exact. Beyond that the list is refused.
   */
  private static void checkLeadersTotal(String name, String at, List<Leader> leaders, JsonNode tree, Map<String, SourceLocation> pointers,
      List<String> notices) {
    BigDecimal total = BigDecimal.ZERO;
    for (Leader l : leaders) total = total.add(BigDecimal.valueOf(l.share()));
    if (total.compareTo(BigDecimal.ONE) <= 0) return;
    BigDecimal tolerance = BigDecimal.ZERO;
    java.util.TreeSet<BigDecimal> units = new java.util.TreeSet<>();
    for (int j = 0; j < leaders.size(); j++) {
      BigDecimal unit = roundingUnit(tree.at(at + "/market/leaders/" + j + "/share"));
      units.add(unit);
      tolerance = tolerance.add(unit.divide(BigDecimal.valueOf(2)));
    }
    BigDecimal allowed = BigDecimal.ONE.add(tolerance);
    String written = units.size() == 1
        ? leaders.size() + " shares written to " + (units.first().signum() == 0 ? "whole fractions (exact)" : percent(units.first()) + " percentage point")
        : leaders.size() + " shares written to different precisions";
    String sum = "the leading firms' shares add up to " + percent(total) + "%";
    if (total.compareTo(allowed) > 0) {
      throw new ProfileException(name, pointers.get(at + "/market/leaders"), field(at) + ".market.leaders",
          sum + ", more than 100% plus half a rounding unit per firm (at most " + percent(allowed) + "% for " + written + ")");
    }
    notices.add(field(at) + ".market.leaders: " + sum + ", over 100% by no more than rounding (at most " + percent(allowed) + "% for "
        + written + "); the shares are read as written");
  }

  private static final java.util.regex.Pattern WRITTEN_PERCENT = java.util.regex.Pattern.compile("\\s*([0-9]+(?:\\.([0-9]+))?)\\s*%\\s*");

  /** The rounding unit of a share as a fraction, from how it is written; zero for an exact (whole) number. */
  private static BigDecimal roundingUnit(JsonNode share) {
    int scale;
    if (share.isTextual()) {
      java.util.regex.Matcher m = WRITTEN_PERCENT.matcher(share.asText());
      if (!m.matches()) return BigDecimal.ZERO;
      scale = (m.group(2) == null ? 0 : m.group(2).length()) + 2; // a percent: two more decimal places as a fraction
    } else if (share instanceof WrittenDouble w) {
      scale = new BigDecimal(w.written()).scale();
    } else {
      return BigDecimal.ZERO; // a whole number (0 or 1): exact
    }
    return scale <= 0 ? BigDecimal.ZERO : BigDecimal.ONE.movePointLeft(scale);
  }

  /** A fraction as a percent, without trailing zeros ({@code 1.001} gives {@code 100.1}). */
  private static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
  }

  /** A number written with a decimal point or an exponent, keeping its text: its precision is how it was written. */
  static final class WrittenDouble extends com.fasterxml.jackson.databind.node.DoubleNode {
    private final String written;

    WrittenDouble(double v, String written) {
      super(v);
      this.written = written;
    }

    String written() {
      return written;
    }
  }

  /**
   * Money and counts written as text ({@code "4조 3,226억원"}, {@code "41,000,000"}), by fact path, so that
   * reports can show them as written beside the value in won. Walks the bound tree with the model.
   */
  private static void written(Class<?> type, JsonNode node, String pointer, Map<String, String> canonical, Map<String, String> out) {
    if (node == null || !node.isObject()) return;
    for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
      String key = ProfileSchema.snake(c.getName());
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) continue;
      String child = pointer + "/" + key;
      Class<?> el = ProfileSchema.element(c);
      if (List.class.isAssignableFrom(c.getType()) && el.isRecord() && v.isArray()) {
        for (int i = 0; i < v.size(); i++) written(el, v.get(i), child + "/" + i, canonical, out);
      } else if (el.isRecord()) {
        written(el, v, child, canonical, out);
      } else if (v.isTextual() && (c.isAnnotationPresent(Units.Krw.class) || c.isAnnotationPresent(Units.Count.class))) {
        String path = canonicalPath(child, canonical);
        if (path != null) out.put(path, v.asText());
      }
    }
  }

  /** Fact path to position, for every value of the file; {@code canonical} names each section and service by its id. */
  private static SourceMap sourceMap(Map<String, SourceLocation> pointers, Map<String, String> canonical) {
    Map<String, SourceLocation> paths = new HashMap<>();
    for (String pointer : pointers.keySet()) {
      if (pointer.startsWith("k")) continue;
      String path = canonicalPath(pointer, canonical);
      if (path != null) paths.put(path, keyAt(pointers, pointer));
    }
    return new SourceMap(paths);
  }

  private static String canonicalPath(String pointer, Map<String, String> canonical) {
    String[] parts = pointer.substring(1).split("/", -1);
    if (parts.length == 0) return null;
    String head;
    int from;
    if (parts[0].equals("services") && parts.length >= 2) {
      head = canonical.get("/services/" + parts[1]);
      from = 2;
    } else {
      head = parts[0];
      from = 1;
    }
    if (head == null) return null;
    StringBuilder b = new StringBuilder(head);
    for (int i = from; i < parts.length; i++) {
      if (DIGITS.matcher(parts[i]).matches()) b.append('[').append(parts[i]).append(']'); // compiled once: this runs for every value
      else b.append('.').append(parts[i].replace("~1", "/").replace("~0", "~"));
    }
    return b.toString();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Jackson's YAML parser reports the anchors of mappings, lists and keys, but drops a scalar value's
   * ({@code name: &a Acme}); this factory's parser keeps it, so that every anchor is refused alike.
   */
  private static final class AnchorsKept extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    AnchorsKept(com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder b) {
      super(b);
    }

    @Override
    protected YAMLParser _createParser(java.io.Reader r, com.fasterxml.jackson.core.io.IOContext ctxt) throws IOException {
      return new ScalarAnchors(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }
  }

  private static final class ScalarAnchors extends YAMLParser {
    private String scalarAnchor;

    ScalarAnchors(com.fasterxml.jackson.core.io.IOContext ctxt, int parserFeatures, int yamlFeatures, LoaderOptions lo,
        com.fasterxml.jackson.core.ObjectCodec codec, java.io.Reader r) {
      super(ctxt, parserFeatures, yamlFeatures, lo, codec, r);
    }

    @Override
    protected JsonToken _decodeScalar(org.yaml.snakeyaml.events.ScalarEvent e) throws IOException {
      scalarAnchor = e.getAnchor(); // called for every scalar value, so never stale
      return super._decodeScalar(e);
    }

    @Override
    @SuppressWarnings("deprecation")
    public String getCurrentAnchor() {
      String a = super.getCurrentAnchor();
      if (a != null) return a;
      JsonToken t = currentToken();
      return t != null && t.isScalarValue() ? scalarAnchor : null;
    }
  }

  /** Booleans are {@code true} or {@code false}; YAML 1.1's yes/no/on/off are refused, not guessed. */
  private static final class StrictBoolean extends JsonDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
      if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
      throw JsonMappingException.from(p, "expected true or false, got " + ValueDeserializers.describe(p));
    }
  }
}
