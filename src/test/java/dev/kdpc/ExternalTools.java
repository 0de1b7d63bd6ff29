package dev.kdpc;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real tools the format tests run (installed by {@code .ci/run}): the npm packages of
 * {@code .ci/node/package.json} in {@code .ci/node/node_modules} (git-ignored; {@code npm ci --prefix .ci/node}
 * installs them), and Debian's {@code xmllint}, {@code vim}, {@code zsh} and {@code fish}. Under
 * {@code CI=true} a missing tool fails the test; elsewhere the test is skipped with a message saying how
 * to install the tool.
 */
public final class ExternalTools {
  private ExternalTools() {}

  /** The folder the npm tools are installed in. */
  public static Path npmFolder() {
    return TestSupport.root().resolve(".ci/node/node_modules");
  }

  /** The SARIF Multitool's own binary (not the npm wrapper, which splits arguments at {@code ;}). */
  public static Path sarifMultitool() {
    return require(npmFolder().resolve("@microsoft/sarif-multitool-linux/Sarif.Multitool"),
        "the SARIF Multitool (npm ci --prefix .ci/node)");
  }

  /** markdownlint-cli's command. */
  public static Path markdownlint() {
    return require(npmFolder().resolve(".bin/markdownlint"), "markdownlint-cli (npm ci --prefix .ci/node)");
  }

  /** A Debian command: {@code /usr/bin/NAME}. */
  public static Path debian(String name, String pkg) {
    return require(Path.of("/usr/bin", name), "Debian's " + pkg + " (apt-get install -y " + pkg + ")");
  }

  private static Path require(Path tool, String what) {
    if (Files.isExecutable(tool)) return tool;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI is set but " + tool + " is missing: .ci/run must install " + what);
    }
    System.out.println("skipped: " + tool + " is not installed; install " + what + " to run this test");
    Assumptions.abort(tool + " is not installed; install " + what);
    return tool;
  }

  /** What a tool printed and its exit code. */
  public record Result(int code, String out) {}

  /** Runs {@code command} (standard error joined to standard output), with {@code input} on its standard input. */
  public static Result run(List<String> command, String input, Path dir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    if (dir != null) pb.directory(dir.toFile());
    pb.environment().put("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
    pb.environment().put("TERM", "dumb");
    Process p = pb.start();
    if (input != null) p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(command + " did not end in 5 minutes");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
