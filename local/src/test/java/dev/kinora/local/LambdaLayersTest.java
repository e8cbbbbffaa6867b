package dev.kinora.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.runtime.FunctionCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Layers: [!Ref SomeLayer]}: environment values under {@code /opt} resolve to the layer's
 * files, from a zip (extracted once, modes kept) or a directory, later layers over earlier ones.
 */
class LambdaLayersTest {
  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Resources:
        ToolsLayer:
          Type: AWS::Serverless::LayerVersion
          Properties:
            ContentUri: build/tools-layer.zip
            CompatibleRuntimes: [java21]
        OverridesLayer:
          Type: AWS::Serverless::LayerVersion
          Properties:
            ContentUri: build/overrides
        LayeredFunction:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: java21
            CodeUri: build/unused.jar
            Handler: dev.kinora.local.handlers.EnvironmentHandler
            Layers: [!Ref ToolsLayer, !Ref OverridesLayer]
            Environment:
              Variables:
                TOOLS_DIR: /opt/bin
                CONFIG_FILE: /opt/etc/tool.conf
                SEARCH_PATH: /opt/bin:/usr/bin
                ELSEWHERE: /optional/elsewhere
        PlainFunction:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: java21
            CodeUri: build/unused.jar
            Handler: dev.kinora.local.handlers.EnvironmentHandler
            Environment:
              Variables:
                TOOLS_DIR: /opt/bin
      """;

  @TempDir Path project;

  @Test
  void optPathsResolveToTheLayersFilesAndTheZipsToolRuns() throws Exception {
    writeProject();
    try (LocalCloud cloud = start(new ByteArrayOutputStream())) {
      Map<String, String> env = cloud.function("LayeredFunction").environment();

      Path tools = Path.of(env.get("TOOLS_DIR"));
      assertThat(tools).isEqualTo(project.resolve("build/tools-layer.zip.extracted/bin"));
      Path hello = tools.resolve("hello");
      assertThat(Files.isExecutable(hello)).as("mode 755 kept from the zip").isTrue();
      var run = new ProcessBuilder(hello.toString()).redirectErrorStream(true).start();
      assertThat(new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("hello from the layer\n");
      assertThat(run.waitFor()).isZero();

      assertThat(Path.of(env.get("CONFIG_FILE")))
          .as("the later layer wins where both have the file")
          .isEqualTo(project.resolve("build/overrides/etc/tool.conf"));
      assertThat(env.get("SEARCH_PATH")).isEqualTo(tools + ":/usr/bin");
      assertThat(env.get("ELSEWHERE")).isEqualTo("/optional/elsewhere");
      assertThat(cloud.function("PlainFunction").environment())
          .as("a function without layers keeps /opt values")
          .containsEntry("TOOLS_DIR", "/opt/bin");
    }
  }

  @Test
  void aZipIsExtractedOnceAndReExtractedWhenItChanges() throws Exception {
    writeProject();
    var firstLogs = new ByteArrayOutputStream();
    try (LocalCloud cloud = start(firstLogs)) {
      cloud.function("LayeredFunction").environment();
    }
    var secondLogs = new ByteArrayOutputStream();
    try (LocalCloud cloud = start(secondLogs)) {
      cloud.function("LayeredFunction").environment();
    }
    writeZip("hello again");
    var thirdLogs = new ByteArrayOutputStream();
    try (LocalCloud cloud = start(thirdLogs)) {
      Path tools = Path.of(cloud.function("LayeredFunction").environment().get("TOOLS_DIR"));
      assertThat(Files.readString(tools.resolve("hello"))).contains("hello again");
    }

    assertThat(firstLogs.toString(StandardCharsets.UTF_8))
        .contains("layer ToolsLayer: tools-layer.zip extracted");
    assertThat(secondLogs.toString(StandardCharsets.UTF_8)).doesNotContain("extracted");
    assertThat(thirdLogs.toString(StandardCharsets.UTF_8)).contains("extracted");
    try (var siblings = Files.list(project.resolve("build"))) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .as("no half-extracted or stale copies left")
          .containsExactlyInAnyOrder(
              "tools-layer.zip", "tools-layer.zip.extracted", "overrides", "unused.jar");
    }
  }

  private void writeProject() throws Exception {
    Files.writeString(project.resolve("template.yaml"), TEMPLATE);
    Path build = Files.createDirectories(project.resolve("build"));
    Files.createDirectories(build.resolve("overrides/etc"));
    Files.writeString(build.resolve("overrides/etc/tool.conf"), "from the overrides layer\n");
    Files.writeString(build.resolve("unused.jar"), "");
    writeZip("hello from the layer");
  }

  private void writeZip(String greeting) throws Exception {
    Path path = project.resolve("build/tools-layer.zip");
    Files.deleteIfExists(path);
    URI zip = URI.create("jar:" + path.toUri());
    try (FileSystem layer =
        FileSystems.newFileSystem(
            zip, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
      Path hello = Files.createDirectories(layer.getPath("/bin")).resolve("hello");
      Files.writeString(hello, "#!/bin/sh\necho " + greeting + "\n");
      Files.setPosixFilePermissions(hello, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createDirectories(layer.getPath("/etc"));
      Files.writeString(layer.getPath("/etc/tool.conf"), "from the tools layer\n");
    }
  }

  private LocalCloud start(ByteArrayOutputStream logs) throws Exception {
    return builder(logs).start();
  }

  private LocalCloud.Builder builder(ByteArrayOutputStream logs) {
    return LocalCloud.builder()
        .root(project)
        .template(project.resolve("template.yaml"))
        .withoutFrontDoor()
        .functionCode(FunctionCode.CLASSPATH)
        .logs(new PrintStream(logs, true, StandardCharsets.UTF_8));
  }
}
