package dev.kinora.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's template.yaml, checked on every build. */
class TemplateValidationTest {
  /** Rules that depend on the function jars, which other modules of the reactor build. */
  private static final Set<String> CODE_RULES = Set.of("code-uri", "handler");

  private static Template template;
  private static List<Finding> findings;

  @BeforeAll
  static void validateTheRealTemplate() {
    template = Template.load(Fixtures.repositoryRoot().resolve("template.yaml"));
    findings = new TemplateValidator(ResourceSpecification.bundled()).validate(template);
  }

  /**
   * The code checks (CodeUri jars, handler classes) run in tests/system, after every jar is built.
   */
  @Test
  void realTemplatePassesEveryStructuralCheck() {
    assertThat(findings.stream().filter(f -> !CODE_RULES.contains(f.rule())))
        .as("template.yaml findings")
        .isEmpty();
  }

  @Test
  void realTemplateDeclaresThePlatformFunctionOnTheHttpApi() {
    FunctionDef platform =
        template.functions().stream()
            .filter(f -> f.logicalId().equals("PlatformFunction"))
            .findFirst()
            .orElseThrow();
    assertThat(platform.handler()).isEqualTo("dev.kinora.platform.PlatformApi::handleRequest");
    assertThat(platform.codeUri()).isEqualTo("functions/platform/target/platform.jar");
    assertThat(platform.runtime()).isEqualTo("java21");
    assertThat(platform.memorySize()).isEqualTo(1024);
    assertThat(platform.timeoutSeconds()).isEqualTo(10);
    assertThat(platform.environment()).containsKeys("STAGE", "JAVA_TOOL_OPTIONS");
    assertThat(platform.events())
        .extracting(
            e -> e.type() + " " + e.properties().get("Method") + " " + e.properties().get("Path"))
        .containsExactly("HttpApi GET /api/v1/health", "HttpApi GET /api/v1/config");
  }
}
