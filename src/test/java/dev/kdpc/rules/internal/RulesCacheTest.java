package dev.kdpc.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdpc.rules.RuleSource;
import dev.kdpc.rules.RulesException;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules cache of a {@code --rules} folder: written on the first run, read on the next, and ignored
 * (then rebuilt) whenever it is stale, corrupt or not safely the user's own. Uses a one-rule folder so
 * each compile is cheap.
 */
class RulesCacheTest {
  @TempDir Path tmp;

  private static final String REGIME = """
      package kdpc.rules.tiny;
      import dev.kdpc.rules.Assessment;
      import dev.kdpc.rules.ServiceFact;
      rule "REGIME tiny"
        @kind("regime") @regime("tiny") @title("Tiny") @title_ko("작은") @law("A law") @law_ko("법")
        @source("https://example.org/law") @timeline("2020-01-01 in_force")
      when
      then
      end
      rule "TINY-1"
        @id("TINY-1") @regime("tiny") @kind("designation") @designation("presumption") @title("Tiny designation") @article("Art. 1")
      when
        $s : ServiceFact()
      then
        insert(Assessment.designation(kcontext, $s).atLeast("market.share", %s));
      end
      """;

  private static RuleSource tiny(String line) {
    return new RuleSource("tiny", Map.of("tiny.drl", REGIME.formatted(line)));
  }

  private Path cacheDir() {
    return tmp.resolve("cache");
  }

  private List<Path> entries() throws IOException {
    if (!Files.isDirectory(cacheDir())) return List.of();
    try (Stream<Path> s = Files.list(cacheDir())) {
      return s.sorted().toList();
    }
  }

  private Path onlyEntry() throws IOException {
    List<Path> e = entries();
    assertThat(e).hasSize(1);
    assertThat(e.get(0).getFileName().toString()).matches("[0-9a-f]{64}\\.bin");
    return e.get(0);
  }

  @Test
  void firstRunCompilesAndStoresTheNextLoads() throws IOException {
    CompiledRules first = RulesCache.cached(tiny("0.5"), cacheDir());
    assertThat(first.fromCache()).isFalse();
    Path entry = onlyEntry();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir()))).isEqualTo("rwx------");

    CompiledRules second = RulesCache.cached(tiny("0.5"), cacheDir());
    assertThat(second.fromCache()).isTrue();
    assertThat(second.catalogue().rules()).isEqualTo(first.catalogue().rules()).hasSize(1);
    assertThat(second.catalogue().regimes()).isEqualTo(first.catalogue().regimes());
    assertThat(second.catalogue().digest()).isEqualTo(first.catalogue().digest());
    assertThat(second.catalogue().rules().get(0).line()).as("line numbers are read from the DRL, not the cache").isPositive();
  }

  @Test
  void editedRulesMissTheCacheAndGetAnEntryOfTheirOwn() throws IOException {
    RulesCache.cached(tiny("0.5"), cacheDir());
    CompiledRules edited = RulesCache.cached(tiny("0.6"), cacheDir());
    assertThat(edited.fromCache()).isFalse();
    assertThat(entries()).hasSize(2);
    assertThat(RulesCache.key(tiny("0.5"))).isNotEqualTo(RulesCache.key(tiny("0.6")));
  }

  @Test
  void corruptOrTruncatedEntryIsIgnoredAndRebuilt() throws IOException {
    RulesCache.cached(tiny("0.5"), cacheDir());
    Path entry = onlyEntry();
    byte[] good = Files.readAllBytes(entry);

    byte[] flipped = good.clone();
    flipped[flipped.length / 2] ^= 0x20;
    Files.write(entry, flipped);
    assertThat(RulesCache.cached(tiny("0.5"), cacheDir()).fromCache()).isFalse();
    assertThat(Files.readAllBytes(onlyEntry())).as("rebuilt").isEqualTo(good);
    assertThat(RulesCache.cached(tiny("0.5"), cacheDir()).fromCache()).isTrue();

    Files.write(entry, java.util.Arrays.copyOf(good, good.length - 100));
    assertThat(RulesCache.cached(tiny("0.5"), cacheDir()).fromCache()).isFalse();
    Files.write(entry, new byte[0]);
    assertThat(RulesCache.cached(tiny("0.5"), cacheDir()).fromCache()).isFalse();
    assertThat(RulesCache.cached(tiny("0.5"), cacheDir()).fromCache()).isTrue();
  }

  @Test
  void entryMadeForOtherRulesIsNotTakenForThese() throws IOException {
    RulesCache.cached(tiny("0.5"), cacheDir());
    Path other = onlyEntry();
    // The 0.6 rules' file name, holding the 0.5 rules' entry (e.g. copied by hand): its header names another key.
    Files.copy(other, cacheDir().resolve(RulesCache.key(tiny("0.6")) + ".bin"));
    CompiledRules r = RulesCache.cached(tiny("0.6"), cacheDir());
    assertThat(r.fromCache()).isFalse();
    assertThat(r.catalogue().digest()).isEqualTo(tiny("0.6").digest());
  }

  @Test
  void entryOthersCouldWriteIsNotRead() throws IOException {
    RulesCache.cached(tiny("0.5"), cacheDir());
    Path entry = onlyEntry();
    Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThat(RulesCache.cached(tiny("0.5"), cacheDir()).fromCache()).isFalse();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(onlyEntry()))).as("replaced by a private one").isEqualTo("rw-------");
  }

  @Test
  void directoryOthersCouldWriteIsNeitherReadNorWritten() throws IOException {
    RulesCache.cached(tiny("0.5"), cacheDir());
    Files.setPosixFilePermissions(cacheDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(RulesCache.cached(tiny("0.5"), cacheDir()).fromCache()).isFalse();
    RulesCache.cached(tiny("0.7"), cacheDir());
    assertThat(entries()).hasSize(1);
  }

  @Test
  void symbolicLinkIsNotFollowed() throws IOException {
    RulesCache.cached(tiny("0.5"), cacheDir());
    Path entry = onlyEntry();
    Path elsewhere = Files.move(entry, tmp.resolve("elsewhere.bin"));
    Files.createSymbolicLink(entry, elsewhere);
    assertThat(RulesCache.cached(tiny("0.5"), cacheDir()).fromCache()).isFalse();
    assertThat(Files.isSymbolicLink(entry)).as("the link was replaced by a file").isFalse();
  }

  @Test
  void rulesThatDoNotCompileAreNotStored() {
    RuleSource broken = new RuleSource("broken", Map.of("b.drl", "package x;\nrule \"R\" when Nope() then end\n"));
    assertThatThrownBy(() -> RulesCache.cached(broken, cacheDir())).isInstanceOf(RulesException.class);
    assertThat(cacheDir().resolve(RulesCache.key(broken) + ".bin")).doesNotExist();
  }

  @Test
  void allowListVerdictIsRememberedForExactlyThisContent() throws IOException {
    assertThat(RulesCache.allowedBefore(tiny("0.5"), cacheDir())).as("nothing recorded yet").isFalse();
    RulesCache.rememberAllowed(tiny("0.5"), cacheDir());
    Path marker = cacheDir().resolve(RulesCache.allowKey(tiny("0.5")) + ".allowed");
    assertThat(marker).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(marker))).isEqualTo("rw-------");
    assertThat(RulesCache.allowedBefore(tiny("0.5"), cacheDir())).isTrue();
    assertThat(RulesCache.allowedBefore(tiny("0.6"), cacheDir())).as("edited rules are checked again").isFalse();
    assertThat(RulesCache.allowKey(tiny("0.5"))).isNotEqualTo(RulesCache.key(tiny("0.5"))).as("not the compiled entry's key");
    assertThat(RulesCache.FACT_PACKAGES).as("the grammar's own class files are part of the key")
        .contains(dev.kdpc.rules.RuleGrammar.class.getPackageName().replace('.', '/') + "/");
  }

  /** The verdict's key covers the grammar's class files, nested classes included: a change of any byte of them changes it. */
  @Test
  void theVerdictKeyChangesWhenTheGrammarClassesChange() throws Exception {
    java.util.Map<String, byte[]> files = RulesCache.factClassFiles();
    List<String> grammar = files.keySet().stream().filter(n -> n.startsWith("dev/kdpc/rules/RuleGrammar")).toList();
    assertThat(grammar).contains("dev/kdpc/rules/RuleGrammar.class", "dev/kdpc/rules/RuleGrammar$ConsequenceParser.class",
        "dev/kdpc/rules/RuleGrammar$ConstraintParser.class", "dev/kdpc/rules/RuleGrammar$FileCheck.class");
    assertThat(RulesCache.digest(files)).isEqualTo(RulesCache.factClasses());
    for (String name : grammar) {
      java.util.Map<String, byte[]> changed = new java.util.TreeMap<>(files);
      byte[] b = changed.get(name).clone();
      b[b.length / 2] ^= 1;
      changed.put(name, b);
      assertThat(RulesCache.digest(changed)).as(name).isNotEqualTo(RulesCache.factClasses());
    }
  }

  /** A refused folder is never recorded as accepted: Checker.withRules checks before it remembers. */
  @Test
  void aRefusedFolderIsNeverCachedAsAllowed() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("refused"));
    Files.writeString(dir.resolve("r.drl"), "package kdpc.rules.r;\nrule \"R\" date-effective \"1-Jan-2020\"\nwhen\nthen\nend\n");
    RuleSource source = RuleSource.folder(dir);
    assertThatThrownBy(() -> dev.kdpc.Checker.withRules(dir)).isInstanceOf(RulesException.class);
    assertThat(RulesCache.allowedBefore(source)).isFalse();
    assertThatThrownBy(() -> dev.kdpc.Checker.withRules(dir)).as("and refused again").isInstanceOf(RulesException.class);
  }

  @Test
  void allowListVerdictThatOthersCouldWriteOrThatIsALinkIsNotTrusted() throws IOException {
    RulesCache.rememberAllowed(tiny("0.5"), cacheDir());
    Path marker = cacheDir().resolve(RulesCache.allowKey(tiny("0.5")) + ".allowed");
    Files.setPosixFilePermissions(marker, PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThat(RulesCache.allowedBefore(tiny("0.5"), cacheDir())).isFalse();
    Files.delete(marker);
    Path elsewhere = Files.writeString(tmp.resolve("elsewhere"), "passed\n");
    Files.createSymbolicLink(marker, elsewhere);
    assertThat(RulesCache.allowedBefore(tiny("0.5"), cacheDir())).isFalse();
    Files.delete(marker);
    RulesCache.rememberAllowed(tiny("0.5"), cacheDir());
    Files.setPosixFilePermissions(cacheDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(RulesCache.allowedBefore(tiny("0.5"), cacheDir())).as("a directory others can write").isFalse();
  }

  @Test
  void onlyTheNewestVerdictsAreKept() throws IOException {
    for (int i = 0; i < RulesCache.MAX_ENTRIES + 2; i++) RulesCache.rememberAllowed(tiny("0." + (10 + i)), cacheDir());
    assertThat(entries()).hasSize(RulesCache.MAX_ENTRIES).allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".allowed"));
  }

  @Test
  void onlyTheUsersNewestEntriesAreKept() throws IOException {
    for (int i = 0; i < RulesCache.MAX_ENTRIES + 2; i++) RulesCache.cached(tiny("0." + (10 + i)), cacheDir());
    assertThat(entries()).hasSize(RulesCache.MAX_ENTRIES);
  }

  @Test
  void deserializationAdmitsOnlyDroolsKdpcAndJdkClasses() {
    assertThat(RulesCache.filter(info(org.drools.base.definitions.impl.KnowledgePackageImpl.class))).isEqualTo(ObjectInputFilter.Status.ALLOWED);
    assertThat(RulesCache.filter(info(java.util.HashMap.class))).isEqualTo(ObjectInputFilter.Status.ALLOWED);
    assertThat(RulesCache.filter(info(byte[].class))).isEqualTo(ObjectInputFilter.Status.ALLOWED);
    assertThat(RulesCache.filter(info(javax.management.BadAttributeValueExpException.class))).isEqualTo(ObjectInputFilter.Status.REJECTED);
    assertThat(RulesCache.filter(info(java.net.URL.class))).isEqualTo(ObjectInputFilter.Status.REJECTED);
    assertThat(RulesCache.filter(info(com.fasterxml.jackson.databind.ObjectMapper.class))).isEqualTo(ObjectInputFilter.Status.REJECTED);
  }

  @Test
  void keyCoversKdpcsFactClasses() {
    assertThat(RulesCache.factClasses()).matches("[0-9a-f]{64}");
    assertThat(RulesCache.key(tiny("0.5"))).matches("[0-9a-f]{64}").isEqualTo(RulesCache.key(tiny("0.5")));
  }

  private static ObjectInputFilter.FilterInfo info(Class<?> c) {
    return new ObjectInputFilter.FilterInfo() {
      @Override public Class<?> serialClass() { return c; }
      @Override public long arrayLength() { return -1; }
      @Override public long depth() { return 1; }
      @Override public long references() { return 1; }
      @Override public long streamBytes() { return 1; }
    };
  }

  @org.junit.jupiter.api.Test
  void bundledIndexReadsBackAndRefusesWhatItCannotVouchFor() {
    RulesCache.Index index = RulesCache.Index.of("k".repeat(64), tiny("0.5"));
    RulesCache.Index back = RulesCache.Index.parse(index.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(back).isEqualTo(index);
    assertThat(back.matchesThisRuntime()).isTrue();
    assertThat(back.digest()).isEqualTo(tiny("0.5").digest());
    assertThat(back.lines()).isNotEmpty().allSatisfy((file, rules) -> assertThat(rules).isNotEmpty().allSatisfy((rule, line) -> assertThat(line).isPositive()));
    assertThat(new RulesCache.Index(index.key(), "0.0.0", index.drools(), index.java(), index.files(), index.digest(), index.lines()).matchesThisRuntime()).isFalse();
    assertThat(new RulesCache.Index(index.key(), index.kdpc(), "7.0.0", index.java(), index.files(), index.digest(), index.lines()).matchesThisRuntime()).isFalse();
    assertThat(new RulesCache.Index(index.key(), index.kdpc(), index.drools(), "11", index.files(), index.digest(), index.lines()).matchesThisRuntime()).isFalse();
    String ok = "key=k\nkdpc=1\ndrools=1\njava=17\ndigest=d\n";
    assertThat(RulesCache.Index.parse((ok + "file=a.drl\nrule=a.drl\t3\tR one\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).lines())
        .isEqualTo(java.util.Map.of("a.drl", java.util.Map.of("R one", 3)));
    for (String bad : List.of("kdpc=1\ndrools=1\njava=17\ndigest=d\nfile=a.drl\n", ok, "key=k\nkdpc=1\ndrools=1\njava=17\nfile=a.drl\n",
        ok + "file=../a.drl\n", ok + "file=/etc/a.drl\n", ok + "file=a.class\n",
        ok + "file=a.drl\nrule=b.drl\t3\tR\n", ok + "file=a.drl\nrule=a.drl\tx\tR\n", ok + "file=a.drl\nrule=a.drl\t3\n")) {
      assertThat(RulesCache.Index.parse(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8))).as(bad).isNull();
    }
  }
}
