package dev.kinora.bench.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.template.FunctionDef;
import dev.kinora.local.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadCloudTest {
  private static final Path REPO =
      Path.of(System.getProperty("kinora.root", "..")).toAbsolutePath().normalize();

  private static void fakeJar(Path root, String module) throws Exception {
    Path jar = root.resolve("functions/" + module + "/target/" + module + ".jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, module);
  }

  @Test
  void theBenchTemplateKeepsOnlyTheAccountsAndUploadsFunctionsAndEveryResource(@TempDir Path root)
      throws Exception {
    fakeJar(root, "accounts");
    fakeJar(root, "uploads");
    Template repository = Template.load(REPO.resolve("template.yaml"));

    Map<String, Object> trimmed =
        UploadCloud.trimmedTemplate(repository, root, root.resolve("work/jars"));
    Path written = root.resolve("work/template.yaml");
    Files.writeString(written, new ObjectMapper().writeValueAsString(trimmed));
    Template bench = Template.load(written);

    assertThat(bench.functions())
        .isNotEmpty()
        .allSatisfy(
            function -> {
              assertThat(Path.of(function.codeUri())).isAbsolute();
              assertThat(function.codeUri()).startsWith(root.resolve("work/jars").toString());
            });
    assertThat(bench.functions().stream().map(FunctionDef::logicalId))
        .contains("AccountsFunction", "AuthorizerFunction")
        .doesNotContain("PlatformFunction", "VideosFunction");
    assertThat(bench.resources().keySet())
        .contains("HttpApi", "VideosTable", "RawBucket", "SessionsTable", "RateLimitsTable");
    assertThat(bench.outputs()).isEmpty();
    assertThat(root.resolve("work/jars/accounts.jar")).hasContent("accounts");
  }

  @Test
  void aMissingJarIsNamedWithTheCommandThatBuildsIt(@TempDir Path root) throws Exception {
    Template repository = Template.load(REPO.resolve("template.yaml"));

    assertThatThrownBy(
            () -> UploadCloud.trimmedTemplate(repository, root, root.resolve("work/jars")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not built")
        .hasMessageContaining("-pl functions/");
  }
}
