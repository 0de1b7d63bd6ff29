package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM {@link Error} caught at the top: one paragraph saying what ran out and what to try, exit 3 even
 * with {@code --fail-on none}, never "Exception in thread" or a stack trace (unless -Dkdpc.debug=true).
 * The out-of-memory case runs the packaged jar with a small heap: {@code JvmErrorsIT}.
 */
class JvmErrorsTest {
  @TempDir static Path tmp;
  static Path recursing;

  /** The bundled rules plus a DRL function that recurses without end, called from TBA-22-7's consequence. */
  @BeforeAll
  static void rules() throws IOException {
    recursing = Files.createDirectories(tmp.resolve("recursing"));
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("rules"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".drl")).toList()) {
        String drl = Files.readString(f, StandardCharsets.UTF_8);
        if (f.getFileName().toString().equals("tba-service-stability.drl")) {
          drl = drl.replace("import dev.kdpc.rules.ServiceFact;\n",
              "import dev.kdpc.rules.ServiceFact;\n\nfunction int down(int n) { return down(n + 1) + 1; }\n");
          String chain = "  insert(Assessment.designation(kcontext, $s)\n      .atLeast(\"users.daily_average_kr\"";
          assertThat(drl).contains(chain).contains("function int down");
          drl = drl.replace(chain, "  if (down(0) > 0) { }\n" + chain);
        }
        Files.writeString(recursing.resolve(f.getFileName()), drl, StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void aStackOverflowIsOneParagraphAndExitThreeEvenWithFailOnNone() {
    Run r = ReviewSupport.cli("check", "--rules", recursing.toString(), "--trust-rules", "--fail-on", "none", "--as-of", "2026-06-30",
        TestSupport.root().resolve("samples/video-foreign.yaml").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.INTERNAL.code);
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ").doesNotContain("Exception in thread")
        .startsWith("kdpc: a thread's stack ran out (StackOverflowError)")
        .contains("JAVA_OPTS=-Xss16m")
        .endsWith("(run with JAVA_OPTS=-Dkdpc.debug=true for the stack trace)");
  }

  @Test
  void outOfMemorySaysWhatToTry() {
    StringWriter w = new StringWriter();
    int code = Main.jvmError(new OutOfMemoryError("Java heap space"), new PrintWriter(w));
    assertThat(code).isEqualTo(ExitCode.INTERNAL.code);
    assertThat(w.toString().strip()).doesNotContain("\n")
        .startsWith("kdpc: the Java heap ran out of memory (Java heap space). Try a larger heap (JAVA_OPTS=-Xmx2g)")
        .contains("a smaller folder");
  }

  @Test
  void anyOtherErrorIsAnInternalErrorInOneParagraph() {
    StringWriter w = new StringWriter();
    int code = Main.jvmError(new LinkageError("broken\nclass"), new PrintWriter(w));
    assertThat(code).isEqualTo(ExitCode.INTERNAL.code);
    assertThat(w.toString().strip()).doesNotContain("\n").startsWith("kdpc: internal error (please report it): the JVM failed with java.lang.LinkageError: broken class");
  }

  /** A rule condition that throws (not a consequence: not the rules' input error) is a bug report without a stack trace. */
  @Test
  void anInternalErrorIsOneParagraphWithoutAStackTrace() throws IOException {
    Path throwing = Files.createDirectories(tmp.resolve("throwing"));
    try (Stream<Path> s = Files.list(recursing)) {
      for (Path f : s.toList()) {
        String drl = Files.readString(f, StandardCharsets.UTF_8);
        if (f.getFileName().toString().equals("tba-service-stability.drl")) {
          drl = drl.replace("  if (down(0) > 0) { }\n", "");
          int rule = drl.indexOf("rule \"TBA-22-7\"");
          int fact = drl.indexOf("$s : ServiceFact()", rule);
          drl = drl.substring(0, fact) + "$s : ServiceFact( id.substring(1000).length() > 0 )" + drl.substring(fact + "$s : ServiceFact()".length());
        }
        Files.writeString(throwing.resolve(f.getFileName()), drl, StandardCharsets.UTF_8);
      }
    }
    Run r = ReviewSupport.cli("check", "--rules", throwing.toString(), "--trust-rules", "--fail-on", "none", "--as-of", "2026-06-30",
        TestSupport.root().resolve("samples/video-foreign.yaml").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.INTERNAL.code);
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ")
        .startsWith("kdpc: internal error (please report it): ")
        .endsWith("(run with JAVA_OPTS=-Dkdpc.debug=true for the stack trace)");
  }
}
