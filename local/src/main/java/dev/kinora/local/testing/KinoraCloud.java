package dev.kinora.local.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against one local cloud shared by the whole test run (started on first use,
 * closed when the run ends): in memory, free ports, functions from the test classpath. Test
 * constructors and methods receive it as a {@code LocalCloud} parameter.
 *
 * <pre>{@code
 * @KinoraCloud
 * class UploadsIT {
 *   @Test void initCreatesAMultipartUpload(LocalCloud cloud) { ... cloud.url("/api/v1/uploads") ... }
 * }
 * }</pre>
 *
 * <p>{@code -Dkinora.cloud=localstack} runs the same tests with DynamoDB, SQS and S3 from
 * LocalStack (Testcontainers); without Docker those tests are skipped, never failed.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LocalCloudExtension.class)
public @interface KinoraCloud {
  /**
   * The template: a path relative to the repository root (system property {@code kinora.root}, else
   * the working directory), or {@code classpath:} followed by a resource name. Functions' {@code
   * CodeUri}s are ignored: handler classes come from the test classpath.
   */
  String template() default "template.yaml";
}
