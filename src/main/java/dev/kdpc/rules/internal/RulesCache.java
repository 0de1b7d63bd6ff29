package dev.kdpc.rules.internal;

import dev.kdpc.Version;
import dev.kdpc.rules.RuleSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.util.Drools;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rules kept between runs, so that a run loads rules instead of compiling them (DROOLS-NOTES
 * §2.3: serialized KiePackages load in a fraction of a DRL compile).
 *
 * <p>An entry holds the KiePackages exactly as the DRL compiler produced them (consequence bytecode
 * included), serialized with {@link DroolsObjectOutputStream}. The catalogue is not stored: it is read
 * again from the packages' rule metadata, by the same code as after a compile, so both paths give the
 * same {@link CompiledRules}. An entry is used only when its key matches, and the key covers everything
 * the packages depend on: the DRL files' content ({@link RuleSource#digest()}), the kdpc version, the
 * Drools version, the Java feature version, and a digest of the classes rules see (the
 * {@code dev.kdpc.rules}, {@code .profile} and {@code .report} packages).
 *
 * <ul>
 *   <li>The bundled rules' entry is made at build time ({@link Precompile}) and travels in the jar as
 *       {@value #BUNDLED_RESOURCE}, with an index ({@value #BUNDLED_INDEX}) naming its key, the versions
 *       it was compiled with and the DRL files it was compiled from: in a jar, one build made all three,
 *       so the key is read from the index rather than worked out again (see {@link #loadBundledFromJar}).
 *   <li>A {@code --rules DIR} folder's entry is written on its first run into a directory the user owns,
 *       {@code ${XDG_CACHE_HOME:-~/.cache}/kdpc/rules} (or {@code -Dkdpc.cache.dir}), atomically (a temp
 *       file, then a rename). It is read only from there, only when that directory and the file belong
 *       to the user and no one else can write them, and only after its SHA-256 checks out; it is then
 *       deserialized through an allow-list filter.
 * </ul>
 *
 * <p>Whatever goes wrong with an entry (missing, stale, truncated, corrupt, unreadable, unsafe), it is
 * ignored and the rules are compiled as if there were no cache: the cache never turns into an error.
 * {@code -Dkdpc.cache=off} or {@code KDPC_CACHE=off} turns it off.
 */
public final class RulesCache {
  private RulesCache() {}

  /** Where the bundled rules' compiled form travels in the jar. */
  public static final String BUNDLED_RESOURCE = "META-INF/kdpc/bundled-rules.bin";

  private static final byte[] MAGIC = "KDPC-RULES-CACHE 1\n".getBytes(StandardCharsets.US_ASCII);
  /** Entries kept in a user's cache directory; the least recently used beyond this are deleted. */
  static final int MAX_ENTRIES = 16;
  /** Larger files are not read. */
  static final int MAX_BYTES = 64 << 20;
  /** The packages whose classes rules see; their class files are part of the key. */
  static final List<String> FACT_PACKAGES = List.of("dev/kdpc/rules/", "dev/kdpc/profile/", "dev/kdpc/report/");

  private static volatile String factClasses;

  // ---------------------------------------------------------------------------------------------
  // Entry points

  private static volatile CompletableFuture<CompiledRules> preloaded;

  /**
   * Starts loading the bundled rules on a daemon thread, for a process that is about to ask for them
   * ({@code kdpc check} without {@code --rules}): they load while the command line is parsed and the
   * profiles are read. {@link #bundled()} then returns them (the same instance to every caller).
   */
  public static synchronized void preloadBundled() {
    if (preloaded != null) return;
    CompletableFuture<CompiledRules> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(loadBundled());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, "kdpc-rules-preload");
    t.setDaemon(true);
    t.start();
    preloaded = f;
  }

  /** The bundled rules: their build-time compiled form when it matches them, else a compile. */
  public static CompiledRules bundled() {
    CompletableFuture<CompiledRules> p = preloaded;
    if (p != null) {
      try {
        return p.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        if (e.getCause() instanceof Error r) throw r;
        throw e;
      }
    }
    return loadBundled();
  }

  private static CompiledRules loadBundled() {
    if (enabled()) {
      CompiledRules fromJar = loadBundledFromJar();
      if (fromJar != null) return fromJar;
    }
    RuleSource source = RuleSource.bundled();
    if (enabled()) {
      String key = key(source);
      if (key != null) {
        try (InputStream in = RulesCache.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
          if (in != null) {
            CompiledRules r = read(source, key, in.readNBytes(MAX_BYTES + 1));
            if (r != null) return r;
          }
        } catch (IOException | RuntimeException e) {
          // a missing or unreadable entry is no error: compile
        }
      }
    }
    return CompiledRules.compile(source);
  }

  /**
   * The bundled rules from a jar, through the index the build wrote beside their entry
   * ({@value #BUNDLED_INDEX}): the jar was made by one build, which compiled the entry from the very DRL
   * files and fact classes the jar carries, so the entry's key is taken from the index instead of being
   * worked out again. Working it out means finding the DRL files and the fact classes among the jar's
   * thousands of entries and hashing them: about a tenth of a cold run's time. What the index cannot
   * vouch for is checked: the kdpc, Drools and Java versions of this run, and that the entry is the one
   * the index names (its key, and the SHA-256 of its payload). Null when the rules are not in a jar, the
   * index is missing or does not match: the caller then works the key out as for any cache entry.
   */
  private static CompiledRules loadBundledFromJar() {
    try {
      URL marker = RulesCache.class.getClassLoader().getResource(RuleSource.BUNDLED + "/README.md");
      if (marker == null || !(marker.openConnection() instanceof JarURLConnection c)) return null;
      java.util.jar.JarFile jar = c.getJarFile(); // the jar the class loader has open (cached: not closed)
      Index index = Index.parse(read(jar, BUNDLED_INDEX));
      if (index == null || !index.matchesThisRuntime()) return null;
      // The entry is as trustworthy as the classes beside it in the jar: its payload is not hashed again
      // (914 KB of SHA-256 on a cold JVM, about 40 ms); a damaged one fails to deserialize, and the rules
      // are then compiled.
      return read(new CompiledRules.SourceFacts(BUNDLED_NAME, index.lines(), index.digest()), index.key(), read(jar, BUNDLED_RESOURCE), false);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static byte[] read(java.util.jar.JarFile jar, String entry) throws IOException {
    ZipEntry e = jar.getEntry(entry);
    if (e == null) throw new IOException("no " + entry);
    try (InputStream in = jar.getInputStream(e)) {
      return in.readNBytes(MAX_BYTES + 1);
    }
  }

  /** Where the build writes what it compiled the bundled rules' entry from (see {@link Index}). */
  public static final String BUNDLED_INDEX = "META-INF/kdpc/bundled-rules.index";

  /** The name the bundled rules go by in errors (as {@link RuleSource#bundled()} names them). */
  private static final String BUNDLED_NAME = "bundled rules";

  /**
   * The bundled entry's index, a text file of {@code name=value} lines: the entry's {@code key}, the
   * {@code kdpc}, {@code drools} and {@code java} versions it was compiled with, one {@code file} line per
   * DRL file (relative to {@value RuleSource#BUNDLED}/), and what the catalogue needs of the DRL text:
   * the files' {@code digest} and one {@code rule} line per rule ({@code FILE TAB LINE TAB NAME}).
   */
  record Index(String key, String kdpc, String drools, String java, List<String> files, String digest,
      Map<String, Map<String, Integer>> lines) {
    static Index of(String key, RuleSource source) {
      CompiledRules.SourceFacts facts = CompiledRules.SourceFacts.of(source);
      return new Index(key, Version.number(), Drools.getFullVersion(), String.valueOf(Runtime.version().feature()),
          List.copyOf(source.files().keySet()), facts.digest(), facts.ruleLines());
    }

    String text() {
      StringBuilder b = new StringBuilder("key=" + key + "\nkdpc=" + kdpc + "\ndrools=" + drools + "\njava=" + java
          + "\ndigest=" + digest + "\n");
      for (String f : files) b.append("file=").append(f).append('\n');
      for (Map.Entry<String, Map<String, Integer>> f : lines.entrySet()) {
        for (Map.Entry<String, Integer> r : f.getValue().entrySet()) {
          b.append("rule=").append(f.getKey()).append('\t').append(r.getValue()).append('\t').append(r.getKey()).append('\n');
        }
      }
      return b.toString();
    }

    static Index parse(byte[] bytes) {
      String key = null;
      String kdpc = null;
      String drools = null;
      String java = null;
      String digest = null;
      List<String> files = new ArrayList<>();
      Map<String, Map<String, Integer>> lines = new java.util.TreeMap<>();
      for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
        int eq = line.indexOf('=');
        if (eq < 0) continue;
        String v = line.substring(eq + 1);
        switch (line.substring(0, eq)) {
          case "key" -> key = v;
          case "kdpc" -> kdpc = v;
          case "drools" -> drools = v;
          case "java" -> java = v;
          case "digest" -> digest = v;
          case "rule" -> {
            String[] parts = v.split("\t", 3);
            if (parts.length != 3 || !parts[1].matches("[1-9][0-9]{0,8}")) return null;
            lines.computeIfAbsent(parts[0], f -> new java.util.TreeMap<>()).putIfAbsent(parts[2], Integer.parseInt(parts[1]));
          }
          case "file" -> {
            if (v.isEmpty() || v.startsWith("/") || v.contains("..") || !v.endsWith(".drl")) return null;
            files.add(v);
          }
          default -> { }
        }
      }
      if (key == null || kdpc == null || drools == null || java == null || digest == null || files.isEmpty()) return null;
      for (String f : lines.keySet()) if (!files.contains(f)) return null;
      for (String f : files) lines.putIfAbsent(f, new java.util.TreeMap<>());
      return new Index(key, kdpc, drools, java, files, digest, lines);
    }

    boolean matchesThisRuntime() {
      return kdpc.equals(Version.number()) && drools.equals(Drools.getFullVersion())
          && java.equals(String.valueOf(Runtime.version().feature()));
    }
  }

  /** The rules of {@code dir}, through the user's cache directory. */
  public static CompiledRules folder(Path dir) {
    return folder(RuleSource.folder(dir));
  }

  /**
   * The rules of a folder already read into {@code source}, through the user's cache directory. Callers
   * that check the source (the rule grammar of {@code Checker.withRules(Path)}) do so before this.
   */
  public static CompiledRules folder(RuleSource source) {
    return enabled() ? cached(source, defaultDir()) : CompiledRules.compile(source);
  }

  /** The rules of {@code source}: from {@code cacheDir} when it holds a valid entry, else compiled and stored there. */
  static CompiledRules cached(RuleSource source, Path cacheDir) {
    String key = key(source);
    if (key == null) return CompiledRules.compile(source);
    Path entry = cacheDir.resolve(key + ".bin");
    if (safeDirectory(cacheDir) && safeFile(entry)) {
      try {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(entry, LinkOption.NOFOLLOW_LINKS)) {
          bytes = in.readNBytes(MAX_BYTES + 1);
        }
        CompiledRules r = read(source, key, bytes);
        if (r != null) {
          touch(entry);
          return r;
        }
      } catch (IOException | RuntimeException e) {
        // unreadable: rebuilt below
      }
    }
    return compileAndStore(source, key, cacheDir);
  }

  // ---------------------------------------------------------------------------------------------
  // The rule grammar's verdict

  /**
   * Whether the rule grammar ({@code RuleGrammar}) accepted exactly this content before, with this
   * kdpc, this Drools and these classes of kdpc (see {@link #allowKey}): a marker file named by that key in the user's cache
   * directory, trusted only under the same rules as an entry (the user's own, writable by no one else,
   * not a link). The verdict depends on nothing else, so a second run of a {@code --rules} folder skips
   * parsing its DRL again, as it skips compiling it. False when the cache is off.
   */
  public static boolean allowedBefore(RuleSource source) {
    return enabled() && allowedBefore(source, defaultDir());
  }

  /** Records that the rule grammar accepted {@code source} (call only after it did); a failure only means no record. */
  public static void rememberAllowed(RuleSource source) {
    if (enabled()) rememberAllowed(source, defaultDir());
  }

  static boolean allowedBefore(RuleSource source, Path cacheDir) {
    String key = allowKey(source);
    if (key == null) return false;
    Path marker = cacheDir.resolve(key + ".allowed");
    if (!safeDirectory(cacheDir) || !safeFile(marker)) return false;
    touch(marker);
    return true;
  }

  static void rememberAllowed(RuleSource source, Path cacheDir) {
    String key = allowKey(source);
    if (key != null) store(cacheDir, key, ".allowed", "matched the rule grammar\n".getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The key of the grammar's verdict on {@code source}, or null when kdpc's classes cannot be read.
   * The class files of {@link #FACT_PACKAGES} count, as in the rules' key: they hold the grammar
   * itself ({@code dev.kdpc.rules.RuleGrammar} and its nested classes) and the fact classes whose
   * getters and builder methods the grammar reads, so a change of any of them checks every folder again.
   */
  static String allowKey(RuleSource source) {
    String classes = factClasses();
    if (classes == null) return null;
    return sha256(String.join("\n", "kdpc-rule-grammar 2", source.digest(), Version.number(), Drools.getFullVersion(), classes)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the cache is on ({@code -Dkdpc.cache=off} or {@code KDPC_CACHE=off} turns it off). */
  public static boolean enabled() {
    return !"off".equalsIgnoreCase(System.getProperty("kdpc.cache", ""))
        && !"off".equalsIgnoreCase(System.getenv().getOrDefault("KDPC_CACHE", ""));
  }

  /** {@code -Dkdpc.cache.dir}, else {@code $XDG_CACHE_HOME/kdpc/rules}, else {@code ~/.cache/kdpc/rules}. */
  public static Path defaultDir() {
    String prop = System.getProperty("kdpc.cache.dir");
    if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath();
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("kdpc").resolve("rules");
  }

  // ---------------------------------------------------------------------------------------------
  // Key

  /** The cache key of {@code source} in this runtime, or null when the fact classes cannot be read (no cache then). */
  static String key(RuleSource source) {
    String classes = factClasses();
    if (classes == null) return null;
    return sha256(String.join("\n", "kdpc-rules-cache 1", source.digest(), Version.number(), Drools.getFullVersion(),
        String.valueOf(Runtime.version().feature()), classes).getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 over the class files of {@link #FACT_PACKAGES} where kdpc's classes come from (a jar or a folder). */
  static String factClasses() {
    String d = factClasses;
    if (d != null) return d.isEmpty() ? null : d;
    try {
      d = digest(factClassFiles());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      d = "";
    }
    factClasses = d;
    return d.isEmpty() ? null : d;
  }

  /** The class files of {@link #FACT_PACKAGES} (the fact classes and the rule grammar with its nested classes), by path. */
  static Map<String, byte[]> factClassFiles() throws IOException, URISyntaxException {
    Map<String, byte[]> classes = new TreeMap<>();
    ProtectionDomain pd = RulesCache.class.getProtectionDomain();
    URL loc = pd.getCodeSource() == null ? null : pd.getCodeSource().getLocation();
    if (loc == null || !"file".equals(loc.getProtocol())) throw new IOException("kdpc's classes are not in a file");
    Path where = Path.of(loc.toURI());
    if (Files.isDirectory(where)) {
      for (String pkg : FACT_PACKAGES) {
        Path dir = where.resolve(pkg);
        if (!Files.isDirectory(dir)) continue;
        try (Stream<Path> s = Files.list(dir)) {
          for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".class")).toList()) {
            classes.put(pkg + p.getFileName(), Files.readAllBytes(p));
          }
        }
      }
    } else {
      URL self = RulesCache.class.getResource("RulesCache.class");
      if (self != null && self.openConnection() instanceof JarURLConnection c) {
        readFactClasses(c.getJarFile(), classes); // the jar the class loader has open (cached: not closed)
      } else {
        try (ZipFile z = new ZipFile(where.toFile())) {
          readFactClasses(z, classes);
        }
      }
    }
    if (classes.isEmpty()) throw new IOException("no fact classes found");
    return classes;
  }

  /** SHA-256 over class files by path, in path order. */
  static String digest(Map<String, byte[]> classes) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> e : new TreeMap<>(classes).entrySet()) {
        md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(e.getValue());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void readFactClasses(ZipFile z, Map<String, byte[]> classes) throws IOException {
    for (var en = z.entries(); en.hasMoreElements(); ) {
      ZipEntry e = en.nextElement();
      if (inFactPackage(e.getName())) {
        try (InputStream in = z.getInputStream(e)) {
          classes.put(e.getName(), in.readAllBytes());
        }
      }
    }
  }

  private static boolean inFactPackage(String entry) {
    if (!entry.endsWith(".class")) return false;
    for (String pkg : FACT_PACKAGES) {
      if (entry.startsWith(pkg) && entry.indexOf('/', pkg.length()) < 0) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Entry format: MAGIC, key (64 hex digits) and a newline, SHA-256 of the payload (32 bytes),
  // payload length (4 bytes), payload (the DroolsObjectOutputStream of a List<KiePackage>).

  /** The entry for packages serialized as {@code p} ({@link #serialize}) under {@code key}. */
  static byte[] entry(String key, byte[] p) {
    ByteArrayOutputStream all = new ByteArrayOutputStream(p.length + 128);
    all.writeBytes(MAGIC);
    all.writeBytes((key + "\n").getBytes(StandardCharsets.US_ASCII));
    all.writeBytes(sha256Bytes(p));
    all.writeBytes(ByteBuffer.allocate(4).putInt(p.length).array());
    all.writeBytes(p);
    return all.toByteArray();
  }

  /** The rules in {@code bytes} when they are a sound entry for {@code key}, else null. */
  static CompiledRules read(RuleSource source, String key, byte[] bytes) {
    return read(CompiledRules.SourceFacts.of(source), key, bytes, true);
  }

  /** As {@link #read(RuleSource, String, byte[])}; {@code verify}: whether to check the payload's SHA-256. */
  private static CompiledRules read(CompiledRules.SourceFacts source, String key, byte[] bytes, boolean verify) {
    byte[] payload = payload(key, bytes, verify);
    if (payload == null) return null;
    try {
      return CompiledRules.withOwnLoader(() -> {
        List<KiePackage> packages = deserialize(payload);
        return packages == null ? null : CompiledRules.assemble(source, packages, true,
            () -> CompiledRules.withOwnLoader(() -> deserialize(payload)));
      });
    } catch (RuntimeException | LinkageError e) {
      return null; // stale in a way the key missed, or corrupt: compile instead
    }
  }

  private static byte[] payload(String key, byte[] bytes, boolean verify) {
    byte[] head = (key + "\n").getBytes(StandardCharsets.US_ASCII);
    int at = MAGIC.length + head.length;
    if (bytes.length > MAX_BYTES || bytes.length < at + 36) return null;
    if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) return null;
    if (!Arrays.equals(bytes, MAGIC.length, at, head, 0, head.length)) return null;
    byte[] sha = Arrays.copyOfRange(bytes, at, at + 32);
    int length = ByteBuffer.wrap(bytes, at + 32, 4).getInt();
    if (length != bytes.length - at - 36) return null;
    byte[] payload = Arrays.copyOfRange(bytes, at + 36, bytes.length);
    return !verify || MessageDigest.isEqual(sha, sha256Bytes(payload)) ? payload : null;
  }

  /** The packages serialized as an entry's payload, or null when they do not serialize. */
  static byte[] serialize(Collection<KiePackage> packages) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(payload)) {
      out.writeObject(new ArrayList<>(packages));
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return payload.toByteArray();
  }

  /** The packages of an entry's payload (checked through {@link #filter}), or null when it does not read. */
  @SuppressWarnings("unchecked")
  static List<KiePackage> deserialize(byte[] payload) {
    try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload), RulesCache.class.getClassLoader())) {
      in.setObjectInputFilter(RulesCache::filter);
      Object o = in.readObject();
      if (!(o instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof KiePackage))) return null;
      return (List<KiePackage>) list;
    } catch (IOException | ClassNotFoundException e) {
      return null;
    }
  }

  /** Only Drools', MVEL's, kdpc's and the JDK's own classes may appear in an entry. */
  static ObjectInputFilter.Status filter(ObjectInputFilter.FilterInfo info) {
    Class<?> c = info.serialClass();
    if (info.depth() > 500 || info.arrayLength() > MAX_BYTES) return ObjectInputFilter.Status.REJECTED;
    if (c == null) return ObjectInputFilter.Status.UNDECIDED;
    while (c.isArray()) c = c.getComponentType();
    if (c.isPrimitive()) return ObjectInputFilter.Status.ALLOWED;
    String n = c.getName();
    boolean ok = n.startsWith("java.lang.") || n.startsWith("java.util.") || n.startsWith("java.math.") || n.startsWith("java.time.")
        || n.startsWith("org.drools.") || n.startsWith("org.kie.") || n.startsWith("org.mvel2.") || n.startsWith("dev.kdpc.");
    return ok ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  private static CompiledRules compileAndStore(RuleSource source, String key, Path dir) {
    return CompiledRules.withOwnLoader(() -> {
      Collection<KiePackage> packages = CompiledRules.build(source, CompiledRules.class.getClassLoader());
      byte[] payload = serialize(packages); // before the packages go into a KieBase
      byte[] entry = payload == null ? null : entry(key, payload);
      CompiledRules rules = CompiledRules.assemble(CompiledRules.SourceFacts.of(source), packages, false, CompiledRules.copies(source, payload)); // throws on a metadata problem: nothing stored
      if (entry != null) store(dir, key, entry);
      return rules;
    });
  }

  /** Writes an entry atomically; a failure only means no cache. */
  static void store(Path dir, String key, byte[] entry) {
    store(dir, key, ".bin", entry);
  }

  /** Writes {@code key + suffix} in {@code dir} atomically; a failure only means no cache. */
  private static void store(Path dir, String key, String suffix, byte[] entry) {
    Path tmp = null;
    try {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
          Files.createDirectories(dir);
        }
      }
      if (!safeDirectory(dir)) return;
      tmp = Files.createTempFile(dir, key + ".", ".tmp"); // rw------- on POSIX
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(entry);
      }
      Path target = dir.resolve(key + suffix);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      prune(dir);
    } catch (IOException | RuntimeException e) {
      // no cache this time
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // our own temp file
        }
      }
    }
  }

  /**
   * Keeps the {@link #MAX_ENTRIES} most recently used entries and as many allow-list verdicts, and drops
   * temp files a killed run left over a day ago.
   */
  private static void prune(Path dir) throws IOException {
    List<Path> all;
    FileTime dayAgo = FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L);
    try (Stream<Path> s = Files.list(dir)) {
      all = s.toList();
    }
    for (Path p : all) {
      if (p.getFileName().toString().matches("[0-9a-f]{64}\\.\\d+\\.tmp") && mtime(p).compareTo(dayAgo) < 0) Files.deleteIfExists(p);
    }
    for (String kind : List.of("bin", "allowed")) {
      List<Path> entries = all.stream().filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\." + kind)).toList();
      if (entries.size() <= MAX_ENTRIES) continue;
      List<Path> byAge = new ArrayList<>(entries);
      byAge.sort(Comparator.comparing(RulesCache::mtime));
      for (Path p : byAge.subList(0, byAge.size() - MAX_ENTRIES)) Files.deleteIfExists(p);
    }
  }

  private static FileTime mtime(Path p) {
    try {
      return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static void touch(Path p) {
    try {
      Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException | RuntimeException e) {
      // only affects which entries are pruned first
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Safety: read only what the user owns and no one else can write

  static boolean safeDirectory(Path dir) {
    return owned(dir, true);
  }

  static boolean safeFile(Path file) {
    return owned(file, false);
  }

  private static boolean owned(Path p, boolean directory) {
    try {
      UserPrincipal me = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
      try {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (directory ? !a.isDirectory() : !a.isRegularFile()) return false;
        if (!a.owner().equals(me)) return false;
        return !a.permissions().contains(PosixFilePermission.GROUP_WRITE) && !a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
      } catch (UnsupportedOperationException e) {
        boolean kind = directory ? Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        return kind && Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).equals(me);
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static byte[] sha256Bytes(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256Bytes(bytes));
  }

  /**
   * Build step: writes the bundled rules' entry. Run by the build (exec-maven-plugin, phase
   * process-classes) with the output file as its argument; fails the build when the bundled rules do
   * not compile.
   */
  public static final class Precompile {
    private Precompile() {}

    public static void main(String[] args) throws IOException {
      if (args.length != 1) throw new IllegalArgumentException("usage: Precompile OUTPUT-FILE");
      RuleSource source = RuleSource.bundled();
      String key = key(source);
      if (key == null) throw new IllegalStateException("cannot read kdpc's fact classes to key the rules cache");
      byte[] entry;
      try {
        entry = precompile(source, key);
      } catch (dev.kdpc.rules.RulesException e) {
        System.err.println("kdpc: the bundled rules do not compile:\n" + e.getMessage());
        System.exit(1);
        return;
      }
      if (read(source, key, entry) == null) throw new IllegalStateException("the bundled rules' compiled form does not read back");
      Path out = Path.of(args[0]);
      write(out, entry);
      write(out.resolveSibling(Path.of(BUNDLED_INDEX).getFileName()), Index.of(key, source).text().getBytes(StandardCharsets.UTF_8));
      System.out.println("kdpc: precompiled the bundled rules (" + source.files().size() + " files) into " + out + " (" + entry.length + " bytes)");
    }

    private static void write(Path out, byte[] bytes) throws IOException {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".bundled-rules.", ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] precompile(RuleSource source, String key) {
      return CompiledRules.withOwnLoader(() -> {
        Collection<KiePackage> packages = CompiledRules.build(source, CompiledRules.class.getClassLoader());
        try {
          byte[] payload = serialize(packages);
          if (payload == null) throw new IOException("the bundled rules do not serialize");
          byte[] e = entry(key, payload);
          CompiledRules all = CompiledRules.assemble(CompiledRules.SourceFacts.of(source), packages, false, CompiledRules.copies(source, payload)); // the catalogue must read back
          all.select(new java.util.HashSet<>(all.catalogue().rules())); // and every rule go into a KieBase
          return e;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }
}
