package dev.kinora.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceSpecificationTest {
  private final ResourceSpecification spec = ResourceSpecification.bundled();

  @Test
  void bundledSpecificationIsTheVendoredVersionWithTheSamOverlay() {
    assertThat(spec.version()).isEqualTo("117.0.0");
    assertThat(spec.samVersion()).isEqualTo("1.110.0");
    assertThat(spec.resourceType("AWS::Scheduler::Schedule")).isNotNull();
    assertThat(spec.resourceType("AWS::CloudFront::OriginAccessControl")).isNotNull();
    assertThat(Values.map(spec.resourceType("AWS::Serverless::Function").get("Properties")))
        .containsKeys(
            "SnapStart", "Architectures", "AutoPublishAlias", "FunctionUrlConfig", "LoggingConfig");
    assertThat(spec.globalsKeys("Function"))
        .contains("SnapStart", "Environment")
        .doesNotContain("Role");
  }

  @Test
  void overlayAddsLambdaPropertiesNewerThanTheSpecification() {
    assertThat(Values.map(spec.resourceType("AWS::Lambda::Function").get("Properties")))
        .containsKeys("LoggingConfig", "RecursiveLoop", "SnapStart");
    assertThat(spec.propertyType("AWS::Lambda::Function.LoggingConfig")).isNotNull();
  }

  @Test
  void everyTypeTheSamOverlayNamesExists() throws IOException {
    Map<String, Object> overlay;
    try (InputStream in = getClass().getResourceAsStream("/cfnspec/sam-overlay.json")) {
      overlay = Values.map(new ObjectMapper().readValue(in, Map.class));
    }
    List<String> missing = new ArrayList<>();
    Values.map(overlay.get("ResourceTypes"))
        .forEach(
            (type, definition) ->
                Values.map(Values.map(definition).get("Properties"))
                    .forEach(
                        (name, p) ->
                            collectMissing(type, type + "." + name, Values.map(p), missing)));
    Values.map(overlay.get("PropertyTypes"))
        .forEach(
            (fullName, definition) -> {
              String owner = fullName.substring(0, fullName.lastIndexOf('.'));
              Values.map(Values.map(definition).get("Properties"))
                  .forEach(
                      (name, p) ->
                          collectMissing(owner, fullName + "." + name, Values.map(p), missing));
              Values.map(Values.map(Values.map(definition).get("Discriminator")).get("Types"))
                  .forEach(
                      (kind, target) -> {
                        if (spec.propertyType(owner + "." + target) == null) {
                          missing.add(fullName + " event " + kind + " -> " + target);
                        }
                      });
            });
    assertThat(missing).isEmpty();
  }

  private void collectMissing(
      String owner, String where, Map<String, Object> p, List<String> missing) {
    if (p.get("PassThrough") instanceof String target) {
      String resource = target.substring(0, target.lastIndexOf('.'));
      Map<String, Object> definition = spec.resourceType(resource);
      if (definition == null
          || !Values.map(definition.get("Properties"))
              .containsKey(target.substring(target.lastIndexOf('.') + 1))) {
        missing.add(where + " -> " + target);
      }
    }
    List<Object> names = new ArrayList<>();
    for (String key : List.of("Type", "ItemType")) {
      if (p.get(key) instanceof String name && !name.equals("List") && !name.equals("Map")) {
        names.add(name);
      }
    }
    names.addAll(Values.list(p.get("Types")));
    for (Object name : names) {
      String fullName =
          String.valueOf(name).contains("::") ? String.valueOf(name) : owner + "." + name;
      if (spec.propertyType(fullName) == null) {
        missing.add(where + " -> " + fullName);
      }
    }
  }
}
