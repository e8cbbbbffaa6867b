package dev.kinora.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {
  private static final Template TEMPLATE =
      Template.parse(
          """
          Parameters:
            Stage: {Type: String, Default: dev}
            Zones: {Type: CommaDelimitedList, Default: "a, b"}
          Mappings:
            StageSettings:
              dev: {Retention: 7, Domains: [x, y]}
              prod: {Retention: 30}
          Conditions:
            IsProd: !Equals [!Ref Stage, prod]
            IsDev: !Not [!Condition IsProd]
            DevAndTrue: !And [!Condition IsDev, !Equals [1, "1"]]
            ProdOrDev: !Or [!Condition IsProd, !Condition IsDev]
          Resources:
            Queue: {Type: AWS::SQS::Queue}
          """,
          null);

  private final Intrinsics intrinsics = Intrinsics.forTemplate(TEMPLATE);

  private final DefaultResolver resolver =
      DefaultResolver.forTemplate(TEMPLATE, Map.of(), PseudoParameters.local())
          .define("Queue", "http://localhost/queue/videos")
          .defineAttribute("Queue", "Arn", "arn:aws:sqs:us-east-1:000000000000:videos");

  private Object resolve(String yaml) {
    Object value = Template.parse("Resources: {}\nValue: " + yaml, null).raw().get("Value");
    return intrinsics.resolve(value, resolver);
  }

  @Test
  void refReturnsParametersResourcesAndPseudoParameters() {
    assertThat(resolve("!Ref Stage")).isEqualTo("dev");
    assertThat(resolve("!Ref Queue")).isEqualTo("http://localhost/queue/videos");
    assertThat(resolve("!Ref Zones")).isEqualTo(List.of("a", "b"));
    assertThat(resolve("!Ref AWS::Region")).isEqualTo("us-east-1");
    assertThat(resolve("!Ref AWS::AccountId")).isEqualTo("000000000000");
    assertThat(resolve("!Ref AWS::StackName")).isEqualTo("kinora-local");
    assertThat(resolve("!Ref AWS::Partition")).isEqualTo("aws");
    assertThat(resolve("!Ref AWS::URLSuffix")).isEqualTo("amazonaws.com");
  }

  @Test
  void parameterValuesOverrideDefaults() {
    DefaultResolver prod =
        DefaultResolver.forTemplate(TEMPLATE, Map.of("Stage", "prod"), PseudoParameters.local());
    assertThat(intrinsics.resolve(Map.of("Ref", "Stage"), prod)).isEqualTo("prod");
    assertThat(prod.condition("IsProd")).isTrue();
  }

  @Test
  void pseudoParameterValuesCanBeOverridden() {
    DefaultResolver eu =
        new DefaultResolver(PseudoParameters.local().withRegion("eu-west-1").withAccountId("123"));
    assertThat(intrinsics.resolve(Map.of("Fn::Sub", "${AWS::Region}/${AWS::AccountId}"), eu))
        .isEqualTo("eu-west-1/123");
  }

  @Test
  void noValueRemovesTheKeyOrListItem() {
    assertThat(resolve("{Keep: 1, Drop: !Ref AWS::NoValue}")).isEqualTo(Map.of("Keep", 1));
    assertThat(resolve("[a, !Ref AWS::NoValue, b]")).isEqualTo(List.of("a", "b"));
    assertThat(resolve("{Size: !If [IsProd, 2048, !Ref AWS::NoValue]}")).isEqualTo(Map.of());
    assertThat(resolve("!Ref AWS::NoValue")).isNull();
  }

  @Test
  void getAttAcceptsDottedAndListForms() {
    assertThat(resolve("!GetAtt Queue.Arn")).isEqualTo("arn:aws:sqs:us-east-1:000000000000:videos");
    assertThat(resolve("!GetAtt [Queue, Arn]"))
        .isEqualTo("arn:aws:sqs:us-east-1:000000000000:videos");
    assertThat(resolve("{Fn::GetAtt: Queue.Arn}"))
        .isEqualTo("arn:aws:sqs:us-east-1:000000000000:videos");
  }

  @Test
  void subReplacesRefsAttributesPseudoParametersAndKeepsEscapedLiterals() {
    assertThat(resolve("!Sub \"${Stage}-${Queue.Arn}-${AWS::Region}-${!Literal}\""))
        .isEqualTo("dev-arn:aws:sqs:us-east-1:000000000000:videos-us-east-1-${Literal}");
  }

  @Test
  void subWithVariablesPrefersThemAndResolvesThem() {
    assertThat(resolve("!Sub [\"${Name}.${Stage}\", {Name: !Join [\"-\", [a, b]], Stage: live}]"))
        .isEqualTo("a-b.live");
  }

  @Test
  void joinConcatenatesResolvedItems() {
    assertThat(resolve("!Join [\":\", [a, !Ref Stage, 3]]")).isEqualTo("a:dev:3");
    assertThat(resolve("!Join [\",\", !Ref Zones]")).isEqualTo("a,b");
  }

  @Test
  void selectPicksByIndexAndRejectsOutOfRange() {
    assertThat(resolve("!Select [1, [a, b, c]]")).isEqualTo("b");
    assertThat(resolve("!Select [\"0\", !GetAZs \"\"]")).isEqualTo("us-east-1a");
    assertThatThrownBy(() -> resolve("!Select [3, [a]]"))
        .isInstanceOf(IntrinsicException.class)
        .hasMessageContaining("outside");
  }

  @Test
  void splitCutsOnTheDelimiterKeepingEmptyParts() {
    assertThat(resolve("!Split [\",\", \"a,,b\"]")).isEqualTo(List.of("a", "", "b"));
    assertThat(resolve("!Select [2, !Split [\"/\", \"arn/x/y\"]]")).isEqualTo("y");
  }

  @Test
  void ifChoosesTheBranchOfItsCondition() {
    assertThat(resolve("!If [IsProd, 30, 7]")).isEqualTo(7);
    assertThat(resolve("!If [IsDev, [a], [b]]")).isEqualTo(List.of("a"));
  }

  @Test
  void conditionFunctionsEvaluateToBooleans() {
    assertThat(resolve("!Equals [!Ref Stage, dev]")).isEqualTo(true);
    assertThat(resolve("!Equals [1, \"1\"]")).isEqualTo(true);
    assertThat(resolve("!Not [!Equals [a, b]]")).isEqualTo(true);
    assertThat(resolve("!And [!Condition IsDev, !Condition IsProd]")).isEqualTo(false);
    assertThat(resolve("!Or [!Condition IsDev, !Condition IsProd]")).isEqualTo(true);
    assertThat(resolver.condition("DevAndTrue")).isTrue();
    assertThat(resolver.condition("ProdOrDev")).isTrue();
    assertThatThrownBy(() -> resolver.condition("Missing"))
        .isInstanceOf(IntrinsicException.class)
        .hasMessageContaining("Missing");
  }

  @Test
  void findInMapLooksUpTwoLevels() {
    assertThat(resolve("!FindInMap [StageSettings, !Ref Stage, Retention]")).isEqualTo(7);
    assertThat(resolve("!FindInMap [StageSettings, dev, Domains]")).isEqualTo(List.of("x", "y"));
    assertThatThrownBy(() -> resolve("!FindInMap [StageSettings, test, Retention]"))
        .isInstanceOf(IntrinsicException.class);
  }

  @Test
  void base64EncodesUtf8() {
    assertThat(resolve("!Base64 \"héllo\"")).isEqualTo("aMOpbGxv");
    assertThat(resolve("!Base64 {Fn::Sub: \"${Stage}\"}")).isEqualTo("ZGV2");
  }

  @Test
  void nestedStructuresResolveWithoutChangingTheInput() {
    Map<String, Object> input = Map.of("Variables", Map.of("STAGE", Map.of("Ref", "Stage")));
    assertThat(intrinsics.resolve(input, resolver))
        .isEqualTo(Map.of("Variables", Map.of("STAGE", "dev")));
    assertThat(input.get("Variables")).isEqualTo(Map.of("STAGE", Map.of("Ref", "Stage")));
  }

  @Test
  void unresolvableReferencesAndUnsupportedFunctionsFail() {
    assertThatThrownBy(() -> resolve("!Ref Nothing"))
        .isInstanceOf(IntrinsicException.class)
        .hasMessageContaining("Nothing");
    assertThatThrownBy(() -> resolve("!GetAtt Queue.Nope")).isInstanceOf(IntrinsicException.class);
    assertThatThrownBy(() -> resolve("!ImportValue shared"))
        .isInstanceOf(IntrinsicException.class)
        .hasMessageContaining("not supported");
  }

  @Test
  void runtimeCanExtendTheDefaultResolverForResources() {
    DefaultResolver runtime =
        new DefaultResolver(PseudoParameters.local()) {
          @Override
          protected Object resourceRef(String name) {
            return "physical-" + name;
          }

          @Override
          protected Object resourceAttribute(String resource, String attribute) {
            return resource + "#" + attribute;
          }
        };
    assertThat(
            intrinsics.resolve(
                Map.of("Fn::Sub", "${Videos}|${Videos.Arn}|${AWS::Region}"), runtime))
        .isEqualTo("physical-Videos|Videos#Arn|us-east-1");
  }
}
