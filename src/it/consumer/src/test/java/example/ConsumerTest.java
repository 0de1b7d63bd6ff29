package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** kdpc used as a library by a project with logback and its own (older) Jackson. */
class ConsumerTest {
  @Test
  void evaluatesASampleWithItsOwnLoggingAndJackson() throws IOException {
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(said, true, StandardCharsets.UTF_8);
    Report report;
    System.setErr(capture); // SLF4J reports its providers on standard error when it first starts
    System.setOut(capture);
    try {
      Checker checker = Checker.withBundledRules();
      Profile profile = new ProfileReader().read(Path.of(System.getProperty("kdpc.sample")));
      report = checker.check(profile, Options.inForce(LocalDate.of(2026, 6, 30)));
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    String printed = said.toString(StandardCharsets.UTF_8);
    err.print(printed);

    Map<String, String> outcomes = new HashMap<>();
    for (Finding f : report.findings()) outcomes.put(f.rule() + "/" + f.service(), f.outcome().id());
    assertEquals("presumed", outcomes.get("MRFTA-6-1-V2024/search"), outcomes.toString());
    assertEquals("meets_criteria", outcomes.get("TBA-22-7/search"), outcomes.toString());
    assertEquals("met", outcomes.get("TBA-22-7-1/search"), outcomes.toString());

    // SLF4J found exactly one provider, the consumer's, and said nothing; Drools logged nothing at WARN.
    assertFalse(printed.contains("SLF4J"), printed);
    assertEquals("", printed.strip(), "nothing printed while kdpc loaded its rules and evaluated");
    assertEquals("ch.qos.logback.classic.LoggerContext", org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
    // The consumer's Jackson is the one in use, kdpc's reader and renderer working with it.
    assertEquals("2.22.3", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    assertEquals("2.22.3", com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString());
  }

  @Test
  void noClassIsInTwoJarsOfTheClassPath() throws IOException {
    Map<String, List<String>> where = new TreeMap<>();
    List<String> jars = classPathJars();
    for (String jar : jars) {
      for (String c : classes(jar)) where.computeIfAbsent(c, k -> new ArrayList<>()).add(new File(jar).getName());
    }
    List<String> twice = new ArrayList<>();
    where.forEach((c, in) -> {
      if (in.size() > 1) twice.add(c + " " + in);
    });
    assertTrue(twice.isEmpty(), twice.size() + " classes in two jars, e.g. " + twice.subList(0, Math.min(10, twice.size())));
    String kdpc = jars.stream().filter(j -> new File(j).getName().equals("kdpc-" + System.getProperty("kdpc.version") + ".jar")).findFirst()
        .orElseThrow(() -> new AssertionError("kdpc's jar is not on the class path: " + jars));
    // the thin library jar: kdpc's classes and rules only; no logging binding, no CLI or server library on the path
    for (String j : jars) {
      String n = new File(j).getName();
      assertFalse(n.startsWith("slf4j-simple") || n.startsWith("picocli") || n.startsWith("jetty-"), "not a library dependency: " + n);
    }
    try (JarFile jar = new JarFile(kdpc)) {
      assertEquals("dev.kdpc", jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
      for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        assertTrue(name.startsWith("dev/kdpc/") || name.startsWith("META-INF/") || name.startsWith("kdpc-rules/") || name.endsWith("/"),
            "not kdpc's own: " + name);
      }
    }
  }

  @Test
  void kdpcResolvesAsAnAutomaticModule() {
    // Every jar of the class path as a module: kdpc's packages are its own (the fat jar clashed with
    // org.kie.memorycompiler here: "Modules kdpc and org.kie.memorycompiler export package ...").
    Path[] paths = classPathJars().stream().filter(j -> !new File(j).getName().startsWith("junit-")
        && !new File(j).getName().startsWith("opentest4j") && !new File(j).getName().startsWith("apiguardian")
        && !new File(j).getName().startsWith("test-classes")).map(Path::of).toArray(Path[]::new);
    Set<String> mine = new HashSet<>();
    ModuleFinder.of(paths).find("dev.kdpc").orElseThrow(() -> new AssertionError("no module dev.kdpc")).descriptor().packages().forEach(mine::add);
    assertTrue(mine.contains("dev.kdpc") && mine.contains("dev.kdpc.report"), mine.toString());
    for (var m : ModuleFinder.of(paths).findAll()) {
      if (m.descriptor().name().equals("dev.kdpc")) continue;
      for (String p : m.descriptor().packages()) assertFalse(mine.contains(p), m.descriptor().name() + " also has package " + p);
    }
  }

  private static List<String> classPathJars() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> jars = new ArrayList<>();
    for (String e : cp.split(File.pathSeparator)) if (e.endsWith(".jar")) jars.add(e);
    return jars;
  }

  /** The classes of a jar, a multi-release jar's versioned copies counted once. */
  private static Set<String> classes(String path) throws IOException {
    Set<String> out = new HashSet<>();
    try (JarFile jar = new JarFile(path)) {
      for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String n = e.nextElement().getName();
        if (!n.endsWith(".class") || n.endsWith("module-info.class")) continue;
        if (n.startsWith("META-INF/versions/")) n = n.replaceFirst("^META-INF/versions/[0-9]+/", "");
        out.add(n);
      }
    }
    return out;
  }

  @Test
  void theSourcesJavadocAndCliJarsAreInstalledBesideIt() {
    Path dir = Path.of(System.getProperty("kdpc.repo"), "dev", "kdpc", "kdpc", System.getProperty("kdpc.version"));
    String v = System.getProperty("kdpc.version");
    for (String c : List.of("-sources", "-javadoc", "-cli")) {
      assertTrue(Files.isRegularFile(dir.resolve("kdpc-" + v + c + ".jar")), dir.resolve("kdpc-" + v + c + ".jar") + " is missing");
    }
  }
}
