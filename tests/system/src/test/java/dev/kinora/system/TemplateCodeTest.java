package dev.kinora.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.template.ResourceSpecification;
import dev.kinora.local.template.Template;
import dev.kinora.local.template.TemplateValidator;
import org.junit.jupiter.api.Test;

/** The whole template validates, including every function's CodeUri jar and handler class. */
class TemplateCodeTest {
  @Test
  void everyFunctionJarExistsAndHoldsItsHandlerClass() {
    Template template = Template.load(Repository.root().resolve("template.yaml"));

    assertThat(new TemplateValidator(ResourceSpecification.bundled()).validate(template))
        .as("template.yaml findings with the built jars")
        .isEmpty();
  }
}
