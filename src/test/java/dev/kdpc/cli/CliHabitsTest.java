package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.ExternalTools;
import dev.kdpc.TestSupport;
import dev.kdpc.Version;
import dev.kdpc.profile.ProfileReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The habits of a command-line tool: {@code -} for standard input, {@code help}, shell completion,
 * {@code --version} everywhere, usage on standard error for no command, and error lines in gcc's form
 * that Vim and VS Code read.
 */
class CliHabitsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path SAMPLE = TestSupport.root().resolve("samples/marketplace-selfpref.yaml");
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream in = new ByteArrayInputStream(stdin == null ? new byte[0] : stdin);
    int code = Main.run(args, in, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static Run run(String... args) {
    return run(null, args);
  }

  // ---- no command, help, --version ----

  @Test
  void noArgumentsPrintsTheUsageOnStandardErrorAndExits2() {
    Run r = run();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("Usage: kdpc").contains("Commands:").contains("completion").contains("help");
  }

  @Test
  void everyCommandAnswersVersion() {
    List<String> commands = new ArrayList<>(Main.commandLine(new Main()).getSubcommands().keySet());
    assertThat(commands).contains("check", "validate", "rules", "explain", "diff", "schema", "completion", "help");
    for (String c : commands) {
      if (c.equals("help")) continue; // help takes a command name, not options
      Run r = run(c, "--version");
      assertThat(r.code()).as(c).isZero();
      assertThat(r.out().strip()).as(c).isEqualTo(Version.tool());
    }
    assertThat(run("--version").out().strip()).isEqualTo(Version.tool());
    assertThat(run("-V").out().strip()).isEqualTo(Version.tool());
  }

  @Test
  void helpNamesACommand() {
    Run all = run("help");
    assertThat(all.code()).isZero();
    assertThat(all.out()).startsWith("Usage: kdpc [-hV] [COMMAND]");
    Run check = run("help", "check");
    assertThat(check.code()).isZero();
    assertThat(check.out()).startsWith("Usage: kdpc check").contains("--sarif-all").contains("standard input");
    assertThat(run("help", "completion").out()).startsWith("Usage: kdpc completion");
    Run unknown = run("help", "chekc");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("chekc");
  }

  @Test
  void helpPointsOnlyAtDocumentsThatExist() throws IOException {
    String readme = Files.readString(TestSupport.root().resolve("README.md"), StandardCharsets.UTF_8);
    StringBuilder all = new StringBuilder();
    for (String c : Main.commandLine(new Main()).getSubcommands().keySet()) all.append(run("help", c).out());
    Matcher doc = Pattern.compile("[A-Za-z0-9_./-]+\\.md\\b").matcher(all);
    while (doc.find()) assertThat(TestSupport.root().resolve(doc.group())).as(doc.group()).exists();
    assertThat(all).contains("README's Security section");
    assertThat(readme).contains("\n## Security");
  }

  @Test
  void validateCountsServicesInWords() throws IOException {
    String head = "kdpc: 1\ncompany: { name: Count Co. }\n";
    for (int n : new int[] {0, 1, 2}) {
      StringBuilder y = new StringBuilder(head);
      if (n > 0) y.append("services:\n");
      for (int i = 0; i < n; i++) y.append("  - id: s").append(i).append('\n');
      Run r = run(y.toString().getBytes(StandardCharsets.UTF_8), "validate", "-");
      assertThat(r.out()).as(r.err()).isEqualTo("ok <stdin> (Count Co., " + n + (n == 1 ? " service)" : " services)") + System.lineSeparator());
    }
  }

  // ---- standard input ----

  @Test
  void aDashReadsTheProfileFromStandardInputNamedStdin() throws IOException {
    byte[] yaml = Files.readAllBytes(SAMPLE);
    Run fromFile = run("check", "--as-of", "2026-06-30", "--format", "json", SAMPLE.toString());
    Run fromStdin = run(yaml, "check", "--as-of", "2026-06-30", "--format", "json", "-");
    assertThat(fromStdin.code()).as(fromStdin.err()).isEqualTo(fromFile.code());
    JsonNode a = JSON.readTree(fromFile.out()).path("profiles").get(0);
    JsonNode b = JSON.readTree(fromStdin.out()).path("profiles").get(0);
    assertThat(b.path("source").asText()).isEqualTo("<stdin>");
    assertThat(b.path("findings")).isEqualTo(a.path("findings"));
    assertThat(b.path("input_sha256")).isEqualTo(a.path("input_sha256"));

    Run validate = run(yaml, "validate", "-");
    assertThat(validate.code()).isZero();
    assertThat(validate.out()).isEqualTo("ok <stdin> (" + JSON.readTree(fromFile.out()).path("profiles").get(0).path("company").asText()
        + ", 1 service)" + System.lineSeparator());

    Run diff = run(yaml, "diff", "--as-of", "2026-06-30", "-", SAMPLE.toString());
    assertThat(diff.code()).as(diff.err()).isZero();
    assertThat(diff.out()).contains("<stdin>");

    Run mixed = run(yaml, "check", "--as-of", "2026-06-30", "--format", "json", SAMPLE.toString(), "-");
    assertThat(JSON.readTree(mixed.out()).path("profiles").get(1).path("source").asText()).isEqualTo("<stdin>");
  }

  @Test
  void aFileNamedDashIsReadAsAFileWhenNamedSo() throws IOException {
    Path dash = Files.copy(SAMPLE, tmp.resolve("-"));
    Run r = run("validate", dash.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("ok " + dash);
  }

  @Test
  void standardInputIsBoundedLikeAFile() {
    String head = "kdpc: 1\ncompany: { name: Padded Co. }\n";
    // exactly the limit: accepted; one byte more: refused, after reading no more than limit + 1 bytes
    String atLimit = head + "#" + "x".repeat(ProfileReader.MAX_BYTES - head.length() - 2) + "\n";
    assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(ProfileReader.MAX_BYTES);
    // (a comment line of 999,960 characters is above the reader's line limit, so split it)
    String lines = head + ("#" + "x".repeat(998) + "\n").repeat((ProfileReader.MAX_BYTES - head.length()) / 1000);
    lines += "#".repeat(ProfileReader.MAX_BYTES - lines.length() - 1) + "\n";
    assertThat(lines.getBytes(StandardCharsets.UTF_8)).hasSize(ProfileReader.MAX_BYTES);
    Run ok = run(lines.getBytes(StandardCharsets.UTF_8), "validate", "-");
    assertThat(ok.code()).as(ok.err()).isZero();
    Run over = run((lines + "\n").getBytes(StandardCharsets.UTF_8), "validate", "-");
    assertThat(over.code()).isEqualTo(2);
    assertThat(over.err()).isEqualTo("<stdin>: error: the standard input holds more than 1000000 bytes; profiles are limited to 1000000 bytes"
        + System.lineSeparator());
    // an endless stream is refused the same way, without reading it all
    InputStream endless = new InputStream() {
      long served;

      @Override
      public int read() {
        served++;
        return 'x';
      }
    };
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"validate", "-"}, endless, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("<stdin>: error: the standard input holds more than");
  }

  @Test
  void hostileStandardInputIsRefusedNamingStdin() {
    record Case(byte[] in, String error) {}
    List<Case> cases = List.of(
        new Case(new byte[0], "<stdin>:1:1: error: the file is empty"),
        new Case("kdpc: 1\ncompany: { name: \"a\u202eb\" }\n".getBytes(StandardCharsets.UTF_8), "<stdin>:2:"),
        new Case(new byte[] {(byte) 0xff, (byte) 0xfe, 'k', 0, 'd', 0}, "<stdin>"),
        new Case(new byte[] {'k', 'd', 'p', 'c', ':', ' ', '1', '\n', 0, 0, 0}, "<stdin>"),
        new Case("kdpc: 1\nx: &a [1]\ny: *a\n".getBytes(StandardCharsets.UTF_8), "<stdin>:2:"),
        new Case("kdpc: 1\ncompany:\n  name: A\n  name: B\n".getBytes(StandardCharsets.UTF_8), "<stdin>:4:3: error: "));
    for (Case c : cases) {
      for (String cmd : List.of("validate", "check")) {
        Run r = run(c.in(), cmd, "-");
        assertThat(r.code()).as(cmd + " " + c.error()).isEqualTo(2);
        assertThat(r.err()).as(cmd).startsWith(c.error()).doesNotContain("\tat ").doesNotContain("\u202e");
        assertThat(r.err().lines().count()).as(cmd + ": one line").isOne();
      }
    }
    Run twice = run("hello".getBytes(StandardCharsets.UTF_8), "check", "-", "-");
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.err()).isEqualTo("kdpc: error: '-' (the standard input) is given more than once; it can be read only once"
        + System.lineSeparator());
    assertThat(run("diff", "-", "-").err()).contains("given more than once");
  }

  // ---- completion ----

  @Test
  void completionScriptsPassEachShellsSyntaxCheck() throws Exception {
    for (String shell : List.of("bash", "zsh", "fish")) {
      Run r = run("completion", shell);
      assertThat(r.code()).as(shell).isZero();
      assertThat(r.out()).as(shell).contains("check").contains("junit-surefire").contains("sarif-all");
      Path script = Files.writeString(tmp.resolve("kdpc." + shell), r.out(), StandardCharsets.UTF_8);
      Path bin = ExternalTools.debian(shell, shell);
      ExternalTools.Result check = ExternalTools.run(List.of(bin.toString(), "-n", script.toString()), null, tmp);
      assertThat(check.code()).as(shell + ": " + check.out()).isZero();
      // a broken script is caught: the check does check
      Path broken = Files.writeString(tmp.resolve("broken." + shell), r.out() + "\n)\nend\n", StandardCharsets.UTF_8);
      assertThat(ExternalTools.run(List.of(bin.toString(), "-n", broken.toString()), null, tmp).code()).as(shell).isNotZero();
    }
    assertThat(run("completion", "tcsh").code()).isEqualTo(2);
  }

  @Test
  void completionScriptsCompleteCommandsAndValues() throws Exception {
    Path fishScript = Files.writeString(tmp.resolve("kdpc.fish"), run("completion", "fish").out(), StandardCharsets.UTF_8);
    Path fish = ExternalTools.debian("fish", "fish");
    ExternalTools.Result f = ExternalTools.run(List.of(fish.toString(), "--no-config", "-c",
        "source " + fishScript + "; complete -C 'kdpc ch'; complete -C 'kdpc check --format '; complete -C 'kdpc completion '"), null, tmp);
    assertThat(f.code()).as(f.out()).isZero();
    assertThat(f.out()).contains("check\t").contains("junit-surefire\t").contains("sarif\t").contains("zsh");

    Path bashScript = Files.writeString(tmp.resolve("kdpc.bash"), run("completion", "bash").out(), StandardCharsets.UTF_8);
    Path bash = ExternalTools.debian("bash", "bash");
    ExternalTools.Result b = ExternalTools.run(List.of(bash.toString(), "--norc", "-c",
        "source " + bashScript + "; COMP_WORDS=(kdpc check --format ''); COMP_CWORD=3; COMP_LINE='kdpc check --format '; "
            + "COMP_POINT=${#COMP_LINE}; _complete_kdpc kdpc '' --format 2>/dev/null; echo \"${COMPREPLY[@]}\"; "
            + "COMP_WORDS=(kdpc ''); COMP_CWORD=1; COMP_LINE='kdpc '; COMP_POINT=5; _complete_kdpc kdpc '' kdpc 2>/dev/null; echo \"${COMPREPLY[@]}\""),
        null, tmp);
    assertThat(b.out()).contains("junit-surefire").contains("sarif").contains("completion").contains("validate");
  }

  // ---- error lines in gcc's form ----

  /**
   * VS Code's {@code $gcc} problem matcher (contributed by the C/C++ extension), its pattern as published in
   * microsoft/vscode-cpptools, {@code Extension/package.json}, {@code contributes.problemMatchers[name=gcc]}.
   */
  static final Pattern VSCODE_GCC = Pattern.compile("^(.*?):(\\d+):(\\d*):?\\s+(?:fatal\\s+)?(warning|error):\\s+(.*)$");

  /** Errors with a file, line and column, from several commands, and their expected locations. */
  private List<String[]> located() throws IOException {
    Path share = Files.writeString(tmp.resolve("share.yaml"),
        "kdpc: 1\nservices:\n  - id: s\n    market:\n      share: 57.3\n", StandardCharsets.UTF_8);
    Path dup = Files.writeString(tmp.resolve("dup key.yaml"), "kdpc: 1\ncompany:\n  name: A\n  name: B\n", StandardCharsets.UTF_8);
    return List.of(
        new String[] {share.toString(), "5", "14", "validate"},
        new String[] {dup.toString(), "4", "3", "check"});
  }

  @Test
  void errorLinesAreGccStyleAndVsCodesMatcherReadsThem() throws IOException {
    for (String[] e : located()) {
      Run r = run(e[3], e[0]);
      assertThat(r.code()).isEqualTo(2);
      String line = r.err().strip();
      assertThat(line).as("no 'kdpc: ' before a file name").startsWith(e[0] + ":" + e[1] + ":" + e[2] + ": error: ");
      Matcher m = VSCODE_GCC.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      assertThat(m.group(1)).isEqualTo(e[0]);
      assertThat(m.group(2)).isEqualTo(e[1]);
      assertThat(m.group(3)).isEqualTo(e[2]);
      assertThat(m.group(4)).isEqualTo("error");
      assertThat(m.group(5)).startsWith("field '");
    }
    // an error about a whole file names it without a line; one about no file starts with kdpc: error:
    assertThat(run("validate", tmp.resolve("none.yaml").toString()).err()).isEqualTo(tmp.resolve("none.yaml") + ": error: no such file"
        + System.lineSeparator());
    assertThat(run("check", "--format", "yaml", SAMPLE.toString()).err()).startsWith("kdpc: error: unknown --format 'yaml'");
    assertThat(run("check", "--no-such-option", SAMPLE.toString()).err()).startsWith("kdpc: error: Unknown option: '--no-such-option'");
    assertThat(run("check", "--fail-on", "violation", "--as-of", "2026-06-30", SAMPLE.toString()).err())
        .startsWith("kdpc: warning: --fail-on violation is deprecated");
  }

  /** Vim, headless, with no vimrc (so its compiled-in default {@code errorformat}), reads each line into its quickfix list. */
  @Test
  void vimsDefaultErrorformatReadsTheErrorLines() throws Exception {
    Path vim = ExternalTools.debian("vim", "vim");
    List<String[]> cases = located();
    StringBuilder errors = new StringBuilder();
    for (String[] e : cases) errors.append(run(e[3], e[0]).err());
    Path errFile = Files.writeString(tmp.resolve("errors.txt"), errors.toString(), StandardCharsets.UTF_8);
    Path qf = tmp.resolve("qf.txt");
    ExternalTools.Result v = ExternalTools.run(List.of(vim.toString(), "-es", "-N", "-u", "NONE", "-i", "NONE", "-n",
        "-c", "cgetfile " + errFile,
        "-c", "call writefile(map(getqflist(), {_, e -> bufname(e.bufnr) . '|' . e.lnum . '|' . e.col . '|' . e.valid . '|' . e.text}), '" + qf + "')",
        "-c", "qa!"), null, tmp);
    assertThat(Files.exists(qf)).as(v.out()).isTrue();
    List<String> entries = Files.readAllLines(qf, StandardCharsets.UTF_8);
    assertThat(entries).hasSize(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      String[] e = cases.get(i);
      assertThat(entries.get(i)).startsWith(e[0] + "|" + e[1] + "|" + e[2] + "|1|").contains("error: field '");
    }
  }
}
