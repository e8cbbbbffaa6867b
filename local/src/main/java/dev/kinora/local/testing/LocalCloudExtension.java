package dev.kinora.local.testing;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.FunctionCode;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts one {@link LocalCloud} per template per test run and hands it to tests. The cloud lives in
 * the root extension store, so every test class of the run shares it and JUnit closes it at the
 * end. Use it through {@link KinoraCloud}, or {@code @ExtendWith(LocalCloudExtension.class)} for
 * the repository's {@code template.yaml}.
 */
public final class LocalCloudExtension
    implements ExecutionCondition, BeforeAllCallback, ParameterResolver {
  /** {@code -Dkinora.cloud=localstack} selects LocalStack (Docker) for DynamoDB, SQS and S3. */
  public static final String TARGET_PROPERTY = "kinora.cloud";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalCloudExtension.class);

  /** Against LocalStack without Docker: skipped with the reason, never failed. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!localStack()) {
      return ConditionEvaluationResult.enabled("embedded local cloud");
    }
    return LocalStackTarget.unavailable()
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("LocalStack through Testcontainers"));
  }

  private static boolean localStack() {
    return "localstack".equals(System.getProperty(TARGET_PROPERTY));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    cloud(context); // start (or fail) once, before the first test
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalCloud.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cloud(context);
  }

  private static LocalCloud cloud(ExtensionContext context) {
    Path template = template(context);
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    StartedCloud started =
        store.getOrComputeIfAbsent(template.toString(), key -> start(template), StartedCloud.class);
    if (started.failure() != null) {
      throw new ParameterResolutionException(
          "the local cloud for " + template + " failed to start", started.failure());
    }
    return started.cloud();
  }

  /** The cloud, or why it could not start (remembered so later classes fail fast, not slowly). */
  private record StartedCloud(LocalCloud cloud, Exception failure) implements AutoCloseable {
    @Override
    public void close() {
      if (cloud != null) {
        cloud.close();
      }
    }
  }

  private static StartedCloud start(Path template) {
    try {
      LocalCloud.Builder builder =
          LocalCloud.builder()
              .root(template.getParent())
              .template(template)
              .inMemory()
              .port(0)
              .functionCode(FunctionCode.CLASSPATH);
      if (localStack()) {
        LocalStackTarget.configure(builder);
      }
      return new StartedCloud(builder.start(), null);
    } catch (Exception e) {
      return new StartedCloud(null, e);
    }
  }

  private static Path template(ExtensionContext context) {
    String declared =
        context
            .getTestClass()
            .flatMap(c -> AnnotationSupport.findAnnotation(c, KinoraCloud.class))
            .map(KinoraCloud::template)
            .orElse("template.yaml");
    Path path;
    if (declared.startsWith("classpath:")) {
      String resource = declared.substring("classpath:".length());
      URL url =
          Optional.ofNullable(Thread.currentThread().getContextClassLoader())
              .orElse(LocalCloudExtension.class.getClassLoader())
              .getResource(resource);
      if (url == null) {
        throw new ExtensionConfigurationException("no classpath resource " + resource);
      }
      try {
        path = Path.of(url.toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new ExtensionConfigurationException(resource + " is not a file on disk", e);
      }
    } else {
      Path root = Path.of(System.getProperty("kinora.root", "")).toAbsolutePath();
      path = root.resolve(declared).normalize();
    }
    if (!Files.isRegularFile(path)) {
      throw new ExtensionConfigurationException("no template at " + path);
    }
    return path;
  }
}
