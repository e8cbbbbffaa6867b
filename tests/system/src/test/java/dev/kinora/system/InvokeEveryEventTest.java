package dev.kinora.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.Main;
import dev.kinora.local.template.DefaultResolver;
import dev.kinora.local.template.FunctionDef;
import dev.kinora.local.template.PseudoParameters;
import dev.kinora.local.template.Template;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kinora invoke} against the real template and the shaded function jars: every function
 * has a sample event under {@code events/} named {@code <context>-<case>.json} (the context is the
 * function's module, {@code functions/<context>/}), and each runs to a JSON result. This lives in
 * the last module of the build so every jar exists: it never skips.
 */
class InvokeEveryEventTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void invokeCommandRunsEveryEventFileAndPrintsJson() throws Exception {
    Path root = Repository.root();
    Template template = Template.load(root.resolve("template.yaml"));

    List<Path> events;
    try (Stream<Path> files = Files.list(root.resolve("events"))) {
      events = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    Map<String, List<String>> named = functionsNamedByReadme(root.resolve("events/README.md"));
    DefaultResolver defaults =
        DefaultResolver.forTemplate(template, Map.of(), PseudoParameters.local());
    for (FunctionDef function : template.functions()) {
      if (template.resources().get(function.logicalId()).raw().get("Condition")
              instanceof String condition
          && !defaults.condition(condition)) {
        // Not part of the default stack (e.g. the MediaConvert backend); its handler is covered
        // by its module's tests with the same events/ files.
        System.out.println(
            "[invoke] " + function.logicalId() + " skipped: condition " + condition + " is false");
        continue;
      }
      String context = context(function);
      // A function events/README.md names gets the files named for it; any other function of the
      // jar gets every file of its context (and must answer each with JSON).
      boolean readmeNamesIt =
          named.values().stream().anyMatch(f -> f.contains(function.logicalId()));
      List<Path> own =
          events.stream()
              .filter(e -> e.getFileName().toString().startsWith(context + "-"))
              .filter(
                  e ->
                      !readmeNamesIt
                          || named
                              .getOrDefault(e.getFileName().toString(), List.of())
                              .contains(function.logicalId()))
              .toList();
      assertThat(own)
          .as("sample events for %s (events/%s-*.json)", function.logicalId(), context)
          .isNotEmpty();
      for (Path event : own) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
            Main.run(
                new String[] {
                  "invoke",
                  function.logicalId(),
                  "--event",
                  event.toString(),
                  "--root",
                  root.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(code)
            .as("%s with %s; stderr:%n%s", function.logicalId(), event.getFileName(), err)
            .isZero();
        assertThat(JSON.readTree(stdout)).as("stdout is the handler's JSON only").isNotNull();
        System.out.println(
            "[invoke] " + function.logicalId() + " " + event.getFileName() + " → " + stdout);
      }
    }
  }

  /** The README's table rows: {@code | `file.json` | `FunctionA`, `FunctionB` | …}. */
  private static Map<String, List<String>> functionsNamedByReadme(Path readme) throws Exception {
    Map<String, List<String>> named = new HashMap<>();
    Pattern row = Pattern.compile("^\\| `([^`]+\\.json)` \\| ([^|]+)\\|");
    for (String line : Files.readAllLines(readme)) {
      Matcher m = row.matcher(line);
      if (m.find()) {
        List<String> functions = new ArrayList<>();
        Matcher name = Pattern.compile("`(\\w+)`").matcher(m.group(2));
        while (name.find()) {
          functions.add(name.group(1));
        }
        named.put(m.group(1), functions);
      }
    }
    return named;
  }

  private static String context(FunctionDef function) {
    String codeUri = function.codeUri().replace('\\', '/');
    int start = codeUri.indexOf("functions/");
    if (start < 0) {
      return function.logicalId();
    }
    String rest = codeUri.substring(start + "functions/".length());
    return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
  }
}
