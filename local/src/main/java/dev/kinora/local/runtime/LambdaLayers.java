package dev.kinora.local.runtime;

import dev.kinora.local.resources.StackResolver;
import dev.kinora.local.template.FunctionDef;
import dev.kinora.local.template.Resource;
import dev.kinora.local.template.Template;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A function's {@code Layers} as Lambda provides them: Lambda extracts each layer into {@code /opt}
 * (later layers over earlier ones) and code finds the files through paths such as {@code /opt/bin}
 * in its environment. Locally each {@code AWS::Serverless::LayerVersion}'s {@code ContentUri} (a
 * directory, or a zip extracted once) stands in for {@code /opt}: environment values naming {@code
 * /opt} or a path under it are rewritten to the layer that has that path, so a function runs the
 * very same layer files it gets on Lambda.
 *
 * <p>A zip is extracted once, next to itself ({@code <zip>.extracted/}), and reused by every cloud
 * until the zip changes; file modes stored in the zip are kept, so executables stay executable.
 */
public final class LambdaLayers implements AutoCloseable {
  private static final String OPT = "/opt";

  /** Which zip (path, size, time) an extraction came from. */
  private static final String STAMP = ".kinora-layer-stamp";

  private static final Set<String> LAYER_TYPES =
      Set.of("AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion");

  private final Template template;
  private final StackResolver stack;
  private final PrintStream logs;
  private final Map<String, Path> contents = new HashMap<>();
  private final Set<String> reported = new HashSet<>();
  private final List<Path> temporaryRoots = new ArrayList<>();

  public LambdaLayers(Template template, StackResolver stack, PrintStream logs) {
    this.template = template;
    this.stack = stack;
    this.logs = logs;
  }

  /**
   * The local directories standing in for {@code /opt}, in the function's {@code Layers} order
   * (Globals first, as SAM merges them). Layers that cannot be provided locally are logged once and
   * left out.
   */
  public synchronized List<Path> directories(FunctionDef function) {
    if (!(function.properties().get("Layers") instanceof List<?> layers)) {
      return List.of();
    }
    List<Path> directories = new ArrayList<>();
    for (Object layer : layers) {
      if (layer instanceof Map<?, ?> ref
          && ref.size() == 1
          && ref.get("Ref") instanceof String logicalId) {
        Path content = content(logicalId);
        if (content != null) {
          directories.add(content);
        }
      } else {
        report(
            "layer "
                + stack.resolve(layer)
                + " of "
                + function.logicalId()
                + " is not in this template: not available locally");
      }
    }
    return List.copyOf(directories);
  }

  /**
   * {@code value} with {@code /opt} paths mapped onto {@code layers}; colon-separated lists ({@code
   * PATH}-style) are mapped part by part. Unchanged when there are no layers.
   */
  public static String localValue(String value, List<Path> layers) {
    if (layers.isEmpty() || value == null || !value.contains(OPT)) {
      return value;
    }
    return Stream.of(value.split(":", -1))
        .map(part -> localPath(part, layers))
        .collect(Collectors.joining(":"));
  }

  private static String localPath(String path, List<Path> layers) {
    if (!path.equals(OPT) && !path.startsWith(OPT + "/")) {
      return path;
    }
    String relative = path.substring(OPT.length()).replaceFirst("^/+", "");
    // The last layer wins where layers overlap, as when Lambda extracts them in order into /opt.
    for (int i = layers.size() - 1; i >= 0; i--) {
      Path candidate = layers.get(i).resolve(relative);
      if (Files.exists(candidate)) {
        return candidate.toString();
      }
    }
    return layers.getLast().resolve(relative).toString();
  }

  private Path content(String logicalId) {
    if (contents.containsKey(logicalId)) {
      return contents.get(logicalId);
    }
    Path content = null;
    Resource resource = template.resources().get(logicalId);
    if (resource == null || !LAYER_TYPES.contains(resource.type())) {
      report("Layers entry " + logicalId + " is not a LayerVersion of this template");
    } else if (!(stack.resolve(resource.properties().get("ContentUri")) instanceof String uri)) {
      report("layer " + logicalId + " has no local ContentUri (S3 content is not fetched)");
    } else {
      Path source = template.directory().resolve(uri).normalize();
      if (Files.isDirectory(source)) {
        content = source;
      } else if (Files.isRegularFile(source)) {
        content = extracted(logicalId, source);
      } else {
        report("layer " + logicalId + ": nothing at " + source + " (build it first)");
      }
    }
    contents.put(logicalId, content);
    return content;
  }

  /**
   * The zip's files, extracted once next to it ({@code <zip>.extracted/}, a build artefact like the
   * zip itself) and reused by every later cloud until the zip changes; a temporary directory when
   * that place is not writable. Extraction goes to a fresh sibling first and is moved into place,
   * so two clouds starting at once never see a half-extracted layer.
   */
  private Path extracted(String logicalId, Path zip) {
    try {
      String fingerprint = zip + " " + Files.size(zip) + " " + Files.getLastModifiedTime(zip);
      Path target = zip.resolveSibling(zip.getFileName() + ".extracted");
      if (fingerprint.equals(stamp(target))) {
        return target;
      }
      Path fresh;
      try {
        fresh = Files.createTempDirectory(zip.getParent(), zip.getFileName() + ".extracting-");
      } catch (IOException notWritable) {
        fresh = Files.createTempDirectory("kinora-layer-");
        temporaryRoots.add(fresh);
        unzip(logicalId, zip, fresh);
        return fresh;
      }
      unzip(logicalId, zip, fresh);
      Files.writeString(fresh.resolve(STAMP), fingerprint);
      if (Files.exists(target)) {
        Path stale = Files.createTempDirectory(zip.getParent(), zip.getFileName() + ".stale-");
        Files.move(target, stale.resolve("layer"), StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(stale);
      }
      try {
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherCloudWasFaster) {
        deleteRecursively(fresh);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not extract layer " + logicalId + " from " + zip, e);
    }
  }

  private static String stamp(Path extracted) throws IOException {
    Path stamp = extracted.resolve(STAMP);
    return Files.isRegularFile(stamp) ? Files.readString(stamp) : null;
  }

  private void unzip(String logicalId, Path zip, Path target) throws IOException {
    long started = System.nanoTime();
    unzip(zip, target);
    logs.printf(
        "[local-cloud] layer %s: %s extracted in %d ms%n",
        logicalId, zip.getFileName(), (System.nanoTime() - started) / 1_000_000);
  }

  /** Extracts with zipfs, which reads the Unix modes zip tools store (executable bits). */
  private static void unzip(Path zip, Path target) throws IOException {
    URI uri = URI.create("jar:" + zip.toUri());
    try (FileSystem archive =
            FileSystems.newFileSystem(uri, Map.of("enablePosixFileAttributes", "true"));
        Stream<Path> entries = Files.walk(archive.getPath("/"))) {
      for (Path entry : entries.toList()) {
        Path destination = target.resolve(entry.toString().replaceFirst("^/+", "")).normalize();
        if (!destination.startsWith(target)) {
          throw new IOException("zip entry " + entry + " escapes the layer directory");
        }
        if (Files.isDirectory(entry)) {
          Files.createDirectories(destination);
          continue;
        }
        Files.createDirectories(destination.getParent());
        Files.copy(entry, destination);
        Set<PosixFilePermission> modes = modes(entry);
        if (!modes.isEmpty()
            && Files.getFileAttributeView(destination, PosixFileAttributeView.class) != null) {
          Files.setPosixFilePermissions(destination, modes);
        }
      }
    }
  }

  private static Set<PosixFilePermission> modes(Path entry) {
    try {
      return Files.getPosixFilePermissions(entry);
    } catch (UnsupportedOperationException | IOException noModes) {
      return Set.of();
    }
  }

  private void report(String problem) {
    if (reported.add(problem)) {
      logs.println("[local-cloud] " + problem);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    for (Path root : temporaryRoots) {
      deleteRecursively(root);
    }
    temporaryRoots.clear();
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
