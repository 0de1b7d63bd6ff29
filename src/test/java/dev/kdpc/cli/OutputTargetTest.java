package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --output} never destroys what it is pointed at: every kind of target a careless user or an
 * attacker could name (README, "--output"). Refusals are exit 2 with one line, before anything is
 * evaluated (nothing on standard output), and leave the target and the inputs as they were.
 */
class OutputTargetTest {
  private static final String OLD = "previous report\n";

  @TempDir Path tmp;
  private Path profile;

  @BeforeEach
  void copyAProfile() throws IOException {
    profile = Files.copy(ReviewSupport.sample("portal-search"), Files.createDirectories(tmp.resolve("in")).resolve("portal.yaml"));
  }

  private Run check(Path output, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("check", "--format", "json", "--as-of", "2026-06-30", "--output", output.toString()));
    args.addAll(List.of(more));
    if (more.length == 0) args.add(profile.toString());
    return ReviewSupport.cli(args.toArray(String[]::new));
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A refusal: exit 2, one line naming the option and the reason, nothing written to standard output. */
  private static void refused(Run r, String why) {
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList()).singleElement().asString().startsWith("kdpc: error: --output ").contains(why);
  }

  private void assertAReport(Path file) throws IOException {
    assertThat(Files.readString(file)).startsWith("{").contains("\"source\" : \"" + profile + "\"");
  }

  @Test
  void anExistingFileKeepsItsModeWhateverTheUmask() throws IOException {
    for (String m : List.of("rw-r-----", "rw-rw-rw-", "r--r--r--", "rwx---r-x")) {
      Path out = Files.writeString(tmp.resolve("report-" + m + ".json"), OLD);
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(m));
      Run r = check(out);
      assertThat(r.code()).as(r.err()).isZero();
      assertAReport(out);
      assertThat(mode(out)).as("mode of a file that was " + m).isEqualTo(m);
    }
    assertThat(names(tmp)).noneMatch(n -> n.startsWith(".kdpc-"));
  }

  @Test
  void anExistingFileKeepsItsOwnerAndGroupWhereTheUserMaySetThem() throws IOException {
    Path out = Files.writeString(tmp.resolve("report.json"), OLD);
    PosixFileAttributes before = Files.readAttributes(out, PosixFileAttributes.class);
    UserPrincipalLookupService users = out.getFileSystem().getUserPrincipalLookupService();
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) { // root may give the file away: it must stay given away
      Files.setOwner(out, users.lookupPrincipalByName("nobody"));
      Files.getFileAttributeView(out, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(users.lookupPrincipalByGroupName("nogroup"));
      before = Files.readAttributes(out, PosixFileAttributes.class);
    }
    Run r = check(out);
    assertThat(r.code()).as(r.err()).isZero();
    PosixFileAttributes after = Files.readAttributes(out, PosixFileAttributes.class);
    assertThat(after.owner()).isEqualTo(before.owner());
    assertThat(after.group()).isEqualTo(before.group());
    assertAReport(out);
  }

  @Test
  void aNewFileGetsTheUmasksModeNotTheTempFiles0600() throws IOException {
    int umask;
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
      umask = Integer.parseInt(lines.filter(l -> l.startsWith("Umask:")).findFirst().orElseThrow().substring(6).strip(), 8);
    }
    Path out = tmp.resolve("new.json");
    Run r = check(out);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(mode(out)).isEqualTo(PosixFilePermissions.toString(Output.Umask.mode(0666 & ~umask))).isNotEqualTo("rw-------");
    assertThat(Output.Umask.mode(0640)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
  }

  @Test
  void aLongTargetNameWorksBecauseTheTempNameIsShort() throws IOException {
    Path out = tmp.resolve("r".repeat(240) + ".json"); // 245 bytes: a temp name made from it would pass 255
    Run r = check(out);
    assertThat(r.code()).as(r.err()).isZero();
    assertAReport(out);
    assertThat(names(tmp)).containsExactly("in", out.getFileName().toString());
  }

  @Test
  void dashIsTheStandardOutputNotAFileNamedDash() {
    Path dash = Path.of("-");
    assertThat(dash).doesNotExist();
    Run r = ReviewSupport.cli("check", "--format", "json", "--as-of", "2026-06-30", "--output", "-", profile.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("{").contains("\"source\" : \"" + profile + "\"");
    assertThat(dash).doesNotExist();
    Run diff = ReviewSupport.cli("diff", "--output", "-", profile.toString(), profile.toString());
    assertThat(diff.code()).as(diff.err()).isZero();
    assertThat(diff.out()).isNotEmpty();
    assertThat(dash).doesNotExist();
  }

  @Test
  void aDeviceIsRefusedEvenDevNull() {
    refused(check(Path.of("/dev/null")), "is a character device, not a regular file");
    refused(check(Path.of("/dev/full")), "is a character device");
    assertThat(Path.of("/dev/null")).isReadable();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // opening a FIFO to write would block until a reader comes
  void aFifoIsRefusedWithoutBeingOpened() throws Exception {
    Path fifo = tmp.resolve("fifo.json");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    refused(check(fifo), "is a FIFO, not a regular file");
    assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(fifo).exists();
  }

  @Test
  void aSocketIsRefused() throws IOException {
    Path socket = tmp.resolve("s.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      refused(check(socket), "is a socket, not a regular file");
      assertThat(Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
  }

  @Test
  void aDirectoryOrAMissingDirectoryIsRefused() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("reports"));
    refused(check(dir), "is a directory");
    assertThat(dir).isEmptyDirectory();
    refused(check(tmp.resolve("no-such-dir/report.json")), "the directory " + tmp.resolve("no-such-dir") + " does not exist");
    assertThat(tmp.resolve("no-such-dir")).doesNotExist();
  }

  @Test
  void aSymbolicLinkIsWrittenThroughToItsTargetInTheTargetsDirectory() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path real = Files.writeString(elsewhere.resolve("real.json"), OLD);
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
    Path links = Files.createDirectories(tmp.resolve("links"));
    Path link = Files.createSymbolicLink(links.resolve("report.json"), real);
    Path chain = Files.createSymbolicLink(links.resolve("chain.json"), link); // a link to the link
    Run r = check(chain);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
    assertThat(Files.isSymbolicLink(chain)).isTrue();
    assertAReport(real);
    assertThat(mode(real)).isEqualTo("rw-r-----");
    assertThat(names(elsewhere)).containsExactly("real.json");
    assertThat(names(links)).containsExactly("chain.json", "report.json");
  }

  @Test
  void aDanglingOrLoopingSymbolicLinkIsRefusedAndNothingIsCreatedWhereItPoints() throws IOException {
    Path missing = tmp.resolve("missing/or/not.json");
    Path dangling = Files.createSymbolicLink(tmp.resolve("dangling.json"), tmp.resolve("nowhere.json"));
    refused(check(dangling), "is a symbolic link to " + tmp.resolve("nowhere.json") + ", which does not exist");
    assertThat(tmp.resolve("nowhere.json")).doesNotExist();
    assertThat(Files.isSymbolicLink(dangling)).isTrue();
    Path deep = Files.createSymbolicLink(tmp.resolve("deep.json"), missing);
    refused(check(deep), "which does not exist");
    Path a = tmp.resolve("a.json");
    Path b = tmp.resolve("b.json");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    refused(check(a), "is a symbolic link to " + b);
    assertThat(Files.isSymbolicLink(a) && Files.isSymbolicLink(b)).isTrue();
  }

  @Test
  void aFileWithSeveralHardLinksIsRefusedAndEveryNameKeepsItsContent() throws IOException {
    Path out = Files.writeString(tmp.resolve("report.json"), OLD);
    Path other = Files.createLink(tmp.resolve("other-name.json"), out);
    refused(check(out), "has 2 hard links");
    assertThat(Files.readString(out)).isEqualTo(OLD);
    assertThat(Files.isSameFile(out, other)).isTrue();
  }

  @Test
  void anInputIsRefusedHoweverItIsNamed() throws IOException {
    byte[] before = Files.readAllBytes(profile);
    refused(check(profile), "is also an input (" + profile + ")");
    Path link = Files.createSymbolicLink(tmp.resolve("link.yaml"), profile);
    refused(check(link), "is also an input");
    Path hard = Files.createLink(tmp.resolve("hard.yaml"), profile);
    refused(check(hard), "is also an input");
    refused(check(Path.of(tmp + "/in/../in/./portal.yaml")), "is also an input");
    // a profile of a folder input, and a new profile-named file that a later run of the folder would read
    Path folder = profile.getParent();
    refused(check(profile, folder.toString()), "is also an input (" + profile + ")");
    refused(check(folder.resolve("new.yml"), folder.toString()), "is in the input folder " + folder);
    // a profile given through a link to it
    refused(check(profile, link.toString()), "is also an input (" + link + ")");
    assertThat(Files.readAllBytes(profile)).isEqualTo(before);
    assertThat(folder.resolve("new.yml")).doesNotExist();
    // a report beside the profiles that no run reads as one is fine
    Run beside = check(folder.resolve("report.json"), folder.toString());
    assertThat(beside.code()).as(beside.err()).isZero();
  }

  @Test
  void aRulesFileOrTheRulesFolderIsRefused() throws IOException {
    Path rules = Files.createDirectories(tmp.resolve("rules"));
    try (Stream<Path> drl = Files.list(Path.of("rules"))) {
      for (Path f : drl.filter(p -> p.toString().endsWith(".drl")).toList()) Files.copy(f, rules.resolve(f.getFileName()));
    }
    Path one = rules.resolve("mrfta-dominance.drl");
    byte[] before = Files.readAllBytes(one);
    refused(check(one, "--rules", rules.toString(), profile.toString()), "is in the --rules folder " + rules);
    refused(check(rules.resolve("report.json"), "--rules", rules.toString(), profile.toString()), "is in the --rules folder");
    assertThat(Files.readAllBytes(one)).isEqualTo(before);
    assertThat(rules.resolve("report.json")).doesNotExist();
  }

  @Test
  void diffRefusesEitherOfItsProfiles() throws IOException {
    Path other = Files.copy(profile, tmp.resolve("next.yaml"));
    Run r = ReviewSupport.cli("diff", "--output", other.toString(), profile.toString(), other.toString());
    refused(r, "is also an input (" + other + ")");
    assertThat(Files.readString(other)).isEqualTo(Files.readString(profile));
  }

  /** A file the user cannot write is not replaced (exit 4); root may write any file, and then its mode is kept. */
  @Test
  void aReadOnlyFileIsReplacedOnlyWhereTheUserMayWriteIt() throws IOException {
    Path out = Files.writeString(tmp.resolve("report.json"), OLD);
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r--r--r--"));
    Run r = check(out);
    if (Files.isWritable(out)) { // root
      assertThat(r.code()).as(r.err()).isZero();
      assertAReport(out);
    } else {
      assertThat(r.code()).isEqualTo(ExitCode.OUTPUT.code);
      assertThat(r.err()).isEqualTo("kdpc: error: cannot write the report to " + out + ": Permission denied\n");
      assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(OLD);
    }
    assertThat(mode(out)).isEqualTo("r--r--r--");
  }
}
