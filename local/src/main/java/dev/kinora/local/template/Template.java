package dev.kinora.local.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A parsed {@code template.yaml}. Values are plain {@code Map}/{@code List}/{@code String}/{@code
 * Number}/{@code Boolean} trees; CloudFormation short-form tags appear in their JSON long form
 * ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, {@code {"Fn::Sub": …}} …) and are left
 * unresolved: see {@link Intrinsics}.
 */
public final class Template {
  public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

  private final Path path;
  private final Map<String, Object> root;
  private final Map<String, Resource> resources;

  private Template(Path path, Map<String, Object> root) {
    this.path = path;
    this.root = root;
    Map<String, Resource> byId = new LinkedHashMap<>();
    Values.map(root.get("Resources"))
        .forEach(
            (id, entry) -> {
              Map<String, Object> raw = Values.map(entry);
              Object type = raw.get("Type");
              byId.put(
                  id,
                  new Resource(
                      id,
                      type instanceof String s ? s : null,
                      Values.map(raw.get("Properties")),
                      raw));
            });
    this.resources = Collections.unmodifiableMap(byId);
  }

  /** Reads and parses a template file; duplicate keys and unknown tags are errors. */
  public static Template load(Path path) {
    try {
      return parse(Files.readString(path), path.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new TemplateException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Parses template text; {@code path} (may be null) only anchors relative {@code CodeUri}s. */
  public static Template parse(String yaml, Path path) {
    Object parsed;
    try {
      parsed = CfnYaml.parse(yaml);
    } catch (YAMLException e) {
      throw new TemplateException(
          (path == null ? "template" : path)
              + " is not valid CloudFormation YAML: "
              + e.getMessage(),
          e);
    }
    if (!(parsed instanceof Map<?, ?>)) {
      throw new TemplateException((path == null ? "template" : path) + " is not a YAML mapping");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) Values.copy(parsed);
    return new Template(path, root);
  }

  /** The template file, or null when parsed from text. */
  public Path path() {
    return path;
  }

  /** The directory relative paths ({@code CodeUri}, {@code ContentUri}) are resolved against. */
  public Path directory() {
    return path == null
        ? Path.of("").toAbsolutePath()
        : path.getParent() == null ? Path.of("").toAbsolutePath() : path.getParent();
  }

  /** The whole document. */
  public Map<String, Object> raw() {
    return Values.unmodifiable(root);
  }

  public String description() {
    return root.get("Description") instanceof String s ? s : null;
  }

  /** Logical id → resource, in template order. */
  public Map<String, Resource> resources() {
    return resources;
  }

  public List<Resource> resourcesOfType(String type) {
    return resources.values().stream().filter(r -> type.equals(r.type())).toList();
  }

  public Map<String, Object> parameters() {
    return section("Parameters");
  }

  public Map<String, Object> globals() {
    return section("Globals");
  }

  public Map<String, Object> outputs() {
    return section("Outputs");
  }

  public Map<String, Object> conditions() {
    return section("Conditions");
  }

  public Map<String, Object> mappings() {
    return section("Mappings");
  }

  private Map<String, Object> section(String name) {
    return Values.unmodifiable(Values.map(root.get(name)));
  }

  /** Every {@code AWS::Serverless::Function} with {@code Globals.Function} merged in. */
  public List<FunctionDef> functions() {
    Map<String, Object> global = Values.map(globals().get("Function"));
    List<FunctionDef> functions = new ArrayList<>();
    for (Resource resource : resourcesOfType(SERVERLESS_FUNCTION)) {
      Map<String, Object> merged = Values.map(mergeGlobal(global, resource.properties()));
      List<EventDef> events = new ArrayList<>();
      Values.map(merged.get("Events"))
          .forEach(
              (name, event) -> {
                Map<String, Object> e = Values.map(event);
                events.add(
                    new EventDef(
                        name,
                        e.get("Type") instanceof String t ? t : null,
                        Values.map(e.get("Properties"))));
              });
      functions.add(
          new FunctionDef(
              resource.logicalId(),
              string(merged.get("Handler")),
              string(merged.get("CodeUri")),
              string(merged.get("Runtime")),
              integer(merged.get("MemorySize"), 128),
              integer(merged.get("Timeout"), 3),
              Values.map(Values.map(merged.get("Environment")).get("Variables")),
              events,
              merged));
    }
    return functions;
  }

  /**
   * SAM's Globals merge: maps merge recursively, lists concatenate, everything else is replaced.
   */
  static Object mergeGlobal(Object global, Object local) {
    if (global == null) {
      return Values.copy(local);
    }
    if (local == null) {
      return Values.copy(global);
    }
    boolean globalMap = global instanceof Map<?, ?> && !Values.isIntrinsic(global);
    boolean localMap = local instanceof Map<?, ?> && !Values.isIntrinsic(local);
    if (globalMap && localMap) {
      Map<String, Object> merged = Values.map(Values.copy(global));
      Values.map(local).forEach((k, v) -> merged.put(k, mergeGlobal(merged.get(k), v)));
      return merged;
    }
    if (global instanceof List<?> g && local instanceof List<?> l) {
      List<Object> merged = new ArrayList<>(Values.list(Values.copy(g)));
      merged.addAll(Values.list(Values.copy(l)));
      return merged;
    }
    return Values.copy(local);
  }

  private static String string(Object value) {
    return value instanceof String s ? s : null;
  }

  private static int integer(Object value, int fallback) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }
}
