package dev.kdpc.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor: what any JVM program that reads a YAML profile costs. It parses each file (or each *.yaml
 * and *.yml below a directory, sorted, as kdpc lists them) with Jackson's YAML reader and prints it as
 * pretty JSON, on one thread, with default JVM flags. Nothing else: no validation, no rules.
 */
public final class Floor {
  private Floor() {}

  public static void main(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String a : args) {
      Path p = Path.of(a);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectMapper json = new ObjectMapper();
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    try (JsonGenerator g = json.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      for (Path f : files) {
        JsonNode doc = yaml.readTree(f.toFile());
        json.writeTree(g, doc);
        g.flush();
        out.write('\n');
      }
    }
    out.flush();
  }
}
