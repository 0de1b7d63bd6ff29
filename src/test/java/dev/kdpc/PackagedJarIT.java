package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar itself (target/kdpc.jar), as a user would. */
class PackagedJarIT {
  private static final Path JAR = Path.of(System.getProperty("kdpc.jar", "target/kdpc.jar"));

  private static String[] run(String... args) throws IOException, InterruptedException {
    return runWith(List.of(), args);
  }

  private static String[] runWith(List<String> jvmArgs, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String[] {String.valueOf(p.exitValue()), out, err};
  }

  @Test
  void shadedJarMergesDroolsServiceFiles() throws IOException {
    try (ZipFile z = new ZipFile(JAR.toFile())) {
      var e = z.getEntry("META-INF/services/org.drools.wiring.api.ComponentsSupplier");
      assertThat(e).isNotNull();
      String services = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(services).contains("Dynamic").contains("Static");
      assertThat(z.getEntry("META-INF/ECLIPSE_.SF")).as("ECJ signature stripped").isNull();
      assertThat(z.getEntry("kdpc-rules/tba-service-stability.drl")).as("bundled rules").isNotNull();
    }
  }

  /**
   * picocli's own jar is compiled for Java 5, and the JVM leaves such classes out of an AppCDS archive
   * (and verifies them the slow way on every run): the jar must carry picocli compiled from its sources
   * for Java 17 instead (see the pom), every class of it.
   */
  @Test
  void picocliInTheJarIsCompiledForJava17SoTheLaunchersArchiveCanHoldIt() throws IOException {
    try (ZipFile z = new ZipFile(JAR.toFile())) {
      List<? extends java.util.zip.ZipEntry> classes = z.stream()
          .filter(e -> e.getName().startsWith("picocli/") && e.getName().endsWith(".class")).toList();
      assertThat(classes).hasSizeGreaterThan(100);
      for (var e : classes) {
        try (var in = new java.io.DataInputStream(z.getInputStream(e))) {
          assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
          in.readUnsignedShort(); // minor
          assertThat(in.readUnsignedShort()).as(e.getName() + " class file major version").isEqualTo(61);
        }
      }
    }
  }

  @Test
  void jarChecksASampleWithItsBundledRules() throws Exception {
    String[] r = run("check", "--format", "json", "--as-of", "2026-06-30", "samples/portal-search.yaml");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("\"rule\" : \"MRFTA-6-1-V2024\"").contains("\"outcome\" : \"presumed\"");
    assertThat(r[2]).doesNotContain("WARN").doesNotContain("SLF4J");
  }

  @Test
  void reportDoesNotDependOnTheMachinesLocale() throws Exception {
    String[] args = {"check", "--format", "json", "--as-of", "2026-06-30", "--scenario", "with-proposals", "samples/delivery-oligopoly.yaml"};
    String[] english = runWith(List.of("-Duser.language=en", "-Duser.country=US"), args);
    String[] german = runWith(List.of("-Duser.language=de", "-Duser.country=DE"), args);
    assertThat(english[1]).contains("20,000,000 monthly users");
    assertThat(german[1]).isEqualTo(english[1]);
  }

  @Test
  void jarRefusesABadProfileWithExitTwoAndNoStackTrace() throws Exception {
    Path bad = Files.createTempFile("kdpc", ".yaml");
    Files.writeString(bad, "kdpc: 1\nservices:\n  - id: x\n    traffic_share_kr: 2\n");
    String[] r = run("check", bad.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains(":4:23").doesNotContain("Exception");
    Files.delete(bad);
  }

  /**
   * The jar's index of its bundled rules (read instead of working out the entry's key, see
   * RulesCache.loadBundledFromJar) names exactly the DRL files of rules/; that the rules it loads are
   * those files is checked by the launcher test below (bundled and --rules rules/ give the same report,
   * rules digest included).
   */
  @Test
  void jarIndexesItsBundledRules() throws IOException {
    try (ZipFile z = new ZipFile(JAR.toFile()); var drl = Files.list(Path.of("rules"))) {
      var e = z.getEntry("META-INF/kdpc/bundled-rules.index");
      assertThat(e).isNotNull();
      List<String> indexed = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> l.startsWith("file=")).map(l -> l.substring(5)).toList();
      assertThat(indexed).isEqualTo(drl.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList());
    }
  }

  /**
   * In the jar the catalogue's rule lines and digest come from the index, not from the DRL text: the jar
   * lists exactly what the same rules compiled from the folder list (files, lines, digest, everything).
   */
  @Test
  void jarListsItsRulesAsTheDrlFolderDoes() throws Exception {
    String[] fromIndex = run("rules", "--format", "json", "--as-of", "2026-06-30", "--scenario", "with-proposals");
    String[] fromDrl = runWith(List.of("-Dkdpc.cache=off"), "rules", "--format", "json", "--as-of", "2026-06-30",
        "--scenario", "with-proposals", "--rules", "rules", "--trust-rules");
    assertThat(fromIndex[0]).as(fromIndex[2]).isEqualTo("0");
    assertThat(fromDrl[0]).as(fromDrl[2]).isEqualTo("0");
    assertThat(fromIndex[1]).contains("\"file\" : \"tba-service-stability.drl\"").contains("\"line\" : ")
        .isEqualTo(fromDrl[1]);
  }

  /** The jar loads its bundled rules from their build-time compiled form: no DRL compiler class is ever loaded. */
  @Test
  void jarLoadsPrecompiledRulesWithoutTheDrlCompiler() throws Exception {
    Path log = Files.createTempFile("kdpc-classes", ".log");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log + "::filecount=0", "-jar", JAR.toString(),
        "check", "--format", "json", "--as-of", "2026-06-30", "samples/portal-search.yaml");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(0);
    String classes = Files.readString(log);
    assertThat(classes).contains("org.drools.base.common.DroolsObjectInputStream").contains("dev.kdpc.rules.internal.RulesCache");
    assertThat(classes).doesNotContain("org.eclipse.jdt.internal.compiler.Compiler ").doesNotContain("org.drools.drl.parser.DrlParser ");
    Files.delete(log);
  }

  /** bin/kdpc: the first check makes an AppCDS archive, later runs use it, and the report is the plain jar's. */
  @Test
  void launcherMakesItsArchiveOnTheFirstCheckAndGivesTheSameReport() throws Exception {
    Path cache = Files.createTempDirectory("kdpc-xdg");
    String[] args = {"check", "--format", "json", "--as-of", "2026-06-30", "samples/portal-search.yaml"};
    String[] plain = run(args);
    String[] first = launch(cache, args);
    assertThat(first[0]).as(first[2]).isEqualTo("0");
    Path cds = cache.resolve("kdpc/cds");
    try (var s = Files.list(cds)) {
      assertThat(s.map(x -> x.getFileName().toString()).toList()).singleElement().asString().matches("kdpc-\\d+\\.jsa");
    }
    String[] second = launch(cache, args);
    assertThat(second[0]).isEqualTo("0");
    assertThat(first[1]).isEqualTo(plain[1]);
    assertThat(second[1]).isEqualTo(plain[1]);
    assertThat(second[2]).isEmpty();
    // A --rules folder: checked and compiled on its first run into the user's cache (the compiled rules
    // and the allow-list's verdict), loaded from it afterwards.
    String[] withRules = {"check", "--format", "json", "--as-of", "2026-06-30", "--rules", "rules", "samples/portal-search.yaml"};
    assertThat(launch(cache, withRules)[1]).isEqualTo(plain[1]);
    try (var s = Files.list(cache.resolve("kdpc/rules"))) {
      assertThat(s.map(x -> x.getFileName().toString()).sorted().toList()).satisfiesExactlyInAnyOrder(
          n -> assertThat(n).matches("[0-9a-f]{64}\\.bin"), n -> assertThat(n).matches("[0-9a-f]{64}\\.allowed"));
    }
    assertThat(launch(cache, withRules)[1]).isEqualTo(plain[1]);
    // A bad profile fails fast with exit 2, and a failed first run leaves no archive behind.
    Path other = Files.createTempDirectory("kdpc-xdg");
    String[] bad = launch(other, "check", "no-such-profile.yaml");
    assertThat(bad[0]).isEqualTo("2");
    assertThat(other.resolve("kdpc/cds")).isEmptyDirectory();
    deleteTree(cache);
    deleteTree(other);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  private static String[] launch(Path cache, String... args) throws IOException, InterruptedException {
    return launch(env -> env.put("XDG_CACHE_HOME", cache.toString()), args);
  }

  /** Runs bin/kdpc on the packaged jar with the environment {@code env} adjusts; returns exit code, stdout, stderr. */
  static String[] launch(java.util.function.Consumer<java.util.Map<String, String>> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("sh", "bin/kdpc"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    env.accept(pb.environment());
    pb.environment().put("KDPC_JAR", JAR.toAbsolutePath().toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String[] {String.valueOf(p.exitValue()), out, err};
  }
}
