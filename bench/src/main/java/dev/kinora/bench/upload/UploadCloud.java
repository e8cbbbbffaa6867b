package dev.kinora.bench.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.FunctionCode;
import dev.kinora.local.template.Template;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The local cloud the upload bench runs against: the repository's {@code template.yaml} with only
 * the functions of the accounts and uploads jars (sign-up, the session authorizer, the upload
 * routes), so the bench needs no other function built. Every table, queue and bucket stays as
 * declared. Functions load in JARS mode from copies of their jars (a rebuild elsewhere during the
 * run cannot swap them); no event sources run (a random-bytes upload must not start a transcode).
 * S3 keeps objects on disk under the work folder, as {@code ./kinora up} does, unless asked to keep
 * them in memory.
 */
final class UploadCloud implements AutoCloseable {

  /** The function modules the real upload flow needs; every other function is left out. */
  static final List<String> NEEDED_MODULES = List.of("accounts", "uploads");

  static final String RAW_BUCKET = "RawBucket";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final LocalCloud cloud;
  private final PrintStream logs;
  private final Path stateDir;
  private final List<String> functions;

  private UploadCloud(LocalCloud cloud, PrintStream logs, Path stateDir, List<String> functions) {
    this.cloud = cloud;
    this.logs = logs;
    this.stateDir = stateDir;
    this.functions = functions;
  }

  /**
   * Writes the trimmed template under {@code workDir} and starts the cloud (log: {@code
   * workDir/local-cloud.log}).
   *
   * @param inMemory S3 objects in memory instead of on disk under {@code workDir/state}
   */
  static UploadCloud start(Path root, Path workDir, boolean inMemory) throws Exception {
    Files.createDirectories(workDir);
    Template repository = Template.load(root.resolve("template.yaml"));
    Map<String, Object> trimmed = trimmedTemplate(repository, root, workDir.resolve("jars"));
    Path template = workDir.resolve("template.yaml");
    // JSON is YAML; the long-form intrinsics the parser produced read back unchanged.
    Files.writeString(template, JSON.writeValueAsString(trimmed));
    Path stateDir = workDir.resolve("state");
    deleteRecursively(stateDir);
    PrintStream logs =
        new PrintStream(
            Files.newOutputStream(workDir.resolve("local-cloud.log")),
            true,
            StandardCharsets.UTF_8);
    try {
      LocalCloud.Builder builder =
          LocalCloud.builder()
              .root(workDir)
              .template(template)
              .functionCode(FunctionCode.JARS)
              .withoutDefaultEventSources()
              .logs(logs);
      builder = inMemory ? builder.inMemory() : builder.stateDir(stateDir);
      return new UploadCloud(builder.start(), logs, stateDir, functionIds(trimmed));
    } catch (Exception | LinkageError e) {
      logs.close();
      throw e;
    }
  }

  /**
   * The repository template with only the functions whose {@code CodeUri} is the jar of one of
   * {@link #NEEDED_MODULES} (copied to {@code jarDir}, {@code CodeUri} made absolute) and without
   * {@code Outputs} (they may name functions left out).
   */
  static Map<String, Object> trimmedTemplate(Template repository, Path root, Path jarDir)
      throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> document = JSON.convertValue(repository.raw(), LinkedHashMap.class);
    document.remove("Outputs");
    @SuppressWarnings("unchecked")
    Map<String, Object> resources = (Map<String, Object>) document.get("Resources");
    Map<String, Path> copied = new LinkedHashMap<>();
    var kept = new LinkedHashMap<String, Object>();
    for (Map.Entry<String, Object> entry : resources.entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> resource = (Map<String, Object>) entry.getValue();
      if (!Template.SERVERLESS_FUNCTION.equals(resource.get("Type"))) {
        kept.put(entry.getKey(), resource);
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
      String codeUri = String.valueOf(properties.get("CodeUri"));
      if (NEEDED_MODULES.stream().noneMatch(m -> codeUri.startsWith("functions/" + m + "/"))) {
        continue;
      }
      Path jar = root.resolve(codeUri).normalize();
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            "the function jar "
                + jar
                + " is not built (./kinora bench builds it; or ./mvnw -pl "
                + codeUri.substring(0, codeUri.indexOf("/target/"))
                + " -am package -DskipTests)");
      }
      Path copy = copied.get(jar.toString());
      if (copy == null) {
        Files.createDirectories(jarDir);
        copy =
            Files.copy(jar, jarDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        copied.put(jar.toString(), copy);
      }
      properties.put("CodeUri", copy.toAbsolutePath().toString());
      kept.put(entry.getKey(), resource);
    }
    document.put("Resources", kept);
    return document;
  }

  private static List<String> functionIds(Map<String, Object> template) {
    List<String> ids = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
    resources.forEach(
        (id, resource) -> {
          if (resource instanceof Map<?, ?> r
              && Template.SERVERLESS_FUNCTION.equals(r.get("Type"))) {
            ids.add(id);
          }
        });
    return List.copyOf(ids);
  }

  URI url(String path) {
    return cloud.url(path);
  }

  URI s3Endpoint() {
    return cloud.s3Endpoint();
  }

  String rawBucket() {
    return cloud.physicalName(RAW_BUCKET);
  }

  S3Client s3() {
    return cloud.s3();
  }

  S3Presigner s3Presigner() {
    return cloud.s3Presigner();
  }

  long startupMillis() {
    return cloud.startupMillis();
  }

  List<String> functions() {
    return functions;
  }

  @Override
  public void close() {
    try {
      cloud.close();
    } finally {
      logs.close();
      try {
        deleteRecursively(stateDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
