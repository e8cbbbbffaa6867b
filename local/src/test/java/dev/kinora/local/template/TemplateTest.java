package dev.kinora.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static Object property(Template template, String resource, String property) {
    return template.resources().get(resource).properties().get(property);
  }

  @Test
  void everyShortFormTagBecomesTheLongForm() {
    Template template =
        Template.parse(
            """
            Resources:
              R:
                Type: Custom::Thing
                Properties:
                  Ref: !Ref Bucket
                  GetAtt: !GetAtt Bucket.Arn
                  GetAttList: !GetAtt [Bucket, Arn]
                  GetAttNested: !GetAtt Fn.SnapStartResponse.ApplyOn
                  Sub: !Sub "${AWS::Region}-x"
                  SubVars: !Sub ["${A}", {A: !Ref Bucket}]
                  Join: !Join [",", [a, b]]
                  Select: !Select [0, !GetAZs ""]
                  Split: !Split [",", "a,b"]
                  If: !If [IsProd, 1, 2]
                  Equals: !Equals [a, b]
                  Not: !Not [!Condition IsProd]
                  And: !And [!Condition A, !Condition B]
                  Or: !Or [!Condition A, !Condition B]
                  FindInMap: !FindInMap [M, k, v]
                  ImportValue: !ImportValue shared-vpc
                  Base64: !Base64 hello
                  Cidr: !Cidr ["10.0.0.0/16", 4, 8]
                  Transform: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
            """,
            null);
    Map<String, Object> p = template.resources().get("R").properties();
    assertThat(p.get("Ref")).isEqualTo(Map.of("Ref", "Bucket"));
    assertThat(p.get("GetAtt")).isEqualTo(Map.of("Fn::GetAtt", List.of("Bucket", "Arn")));
    assertThat(p.get("GetAttList")).isEqualTo(p.get("GetAtt"));
    assertThat(p.get("GetAttNested"))
        .isEqualTo(Map.of("Fn::GetAtt", List.of("Fn", "SnapStartResponse.ApplyOn")));
    assertThat(p.get("Sub")).isEqualTo(Map.of("Fn::Sub", "${AWS::Region}-x"));
    assertThat(p.get("SubVars"))
        .isEqualTo(Map.of("Fn::Sub", List.of("${A}", Map.of("A", Map.of("Ref", "Bucket")))));
    assertThat(p.get("Join")).isEqualTo(Map.of("Fn::Join", List.of(",", List.of("a", "b"))));
    assertThat(p.get("Select"))
        .isEqualTo(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))));
    assertThat(p.get("Split")).isEqualTo(Map.of("Fn::Split", List.of(",", "a,b")));
    assertThat(p.get("If")).isEqualTo(Map.of("Fn::If", List.of("IsProd", 1, 2)));
    assertThat(p.get("Equals")).isEqualTo(Map.of("Fn::Equals", List.of("a", "b")));
    assertThat(p.get("Not")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))));
    assertThat(p.get("And"))
        .isEqualTo(Map.of("Fn::And", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))));
    assertThat(p.get("Or"))
        .isEqualTo(Map.of("Fn::Or", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))));
    assertThat(p.get("FindInMap")).isEqualTo(Map.of("Fn::FindInMap", List.of("M", "k", "v")));
    assertThat(p.get("ImportValue")).isEqualTo(Map.of("Fn::ImportValue", "shared-vpc"));
    assertThat(p.get("Base64")).isEqualTo(Map.of("Fn::Base64", "hello"));
    assertThat(p.get("Cidr")).isEqualTo(Map.of("Fn::Cidr", List.of("10.0.0.0/16", 4, 8)));
    assertThat(p.get("Transform"))
        .isEqualTo(
            Map.of(
                "Fn::Transform",
                Map.of("Name", "AWS::Include", "Parameters", Map.of("Location", "s3://b/k"))));
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThatThrownBy(
            () ->
                Template.parse(
                    """
                    Resources:
                      Q: {Type: AWS::SQS::Queue}
                      Q: {Type: AWS::SNS::Topic}
                    """,
                    null))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("duplicate key Q");
  }

  @Test
  void unknownTagsAreRefused() {
    assertThatThrownBy(() -> Template.parse("Resources: {Q: !Nope x}", null))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("!Nope");
  }

  @Test
  void datesStayStrings() {
    Template template = Template.parse("AWSTemplateFormatVersion: 2010-09-09\nResources: {}", null);
    assertThat(template.raw().get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
  }

  @Test
  void resourcesKeepTemplateOrderAndCanBeFilteredByType() {
    Template template =
        Template.parse(
            """
            Resources:
              Zeta: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 30}}
              Alpha: {Type: AWS::SNS::Topic}
              Mid: {Type: AWS::SQS::Queue, DependsOn: Alpha}
            """,
            null);
    assertThat(template.resources().keySet()).containsExactly("Zeta", "Alpha", "Mid");
    assertThat(template.resourcesOfType("AWS::SQS::Queue"))
        .extracting(Resource::logicalId)
        .containsExactly("Zeta", "Mid");
    Resource zeta = template.resources().get("Zeta");
    assertThat(zeta.type()).isEqualTo("AWS::SQS::Queue");
    assertThat(zeta.properties()).containsEntry("VisibilityTimeout", 30);
    assertThat(template.resources().get("Alpha").properties()).isEmpty();
    assertThat(template.resources().get("Mid").raw()).containsEntry("DependsOn", "Alpha");
    assertThat(property(template, "Zeta", "VisibilityTimeout")).isEqualTo(30);
  }

  @Test
  void sectionsAreExposed() {
    Template template =
        Template.parse(
            """
            Description: d
            Parameters: {Stage: {Type: String}}
            Conditions: {IsProd: !Equals [!Ref Stage, prod]}
            Mappings: {M: {a: {b: c}}}
            Globals: {Function: {Timeout: 5}}
            Resources: {Q: {Type: AWS::SQS::Queue}}
            Outputs: {Url: {Value: !Ref Q}}
            """,
            null);
    assertThat(template.description()).isEqualTo("d");
    assertThat(template.parameters()).containsKey("Stage");
    assertThat(template.conditions()).containsKey("IsProd");
    assertThat(template.mappings()).containsKey("M");
    assertThat(template.globals()).containsKey("Function");
    assertThat(template.outputs()).containsKey("Url");
  }

  @Test
  void functionsMergeGlobalsTheWaySamDoes() {
    Template template =
        Template.parse(
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: java21
                MemorySize: 1024
                Timeout: 10
                Layers: [!Ref Shared]
                Environment:
                  Variables: {STAGE: dev, LOG_LEVEL: info}
            Resources:
              Shared: {Type: AWS::Serverless::LayerVersion, Properties: {ContentUri: layer/}}
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/api/target/api.jar
                  Handler: dev.kinora.api.Api::handleRequest
                  Timeout: 29
                  Layers: [!Ref Own]
                  Environment:
                    Variables: {LOG_LEVEL: debug, TABLE: !Ref Table}
                  Events:
                    Get: {Type: HttpApi, Properties: {Method: GET, Path: /x}}
              Bare:
                Type: AWS::Serverless::Function
                Properties: {InlineCode: x, Handler: index.handler, Runtime: nodejs20.x}
              Other: {Type: AWS::SQS::Queue}
            """,
            null);
    List<FunctionDef> functions = template.functions();
    assertThat(functions).extracting(FunctionDef::logicalId).containsExactly("Api", "Bare");
    FunctionDef api = functions.get(0);
    assertThat(api.runtime()).isEqualTo("java21");
    assertThat(api.memorySize()).isEqualTo(1024);
    assertThat(api.timeoutSeconds()).isEqualTo(29);
    assertThat(api.handler()).isEqualTo("dev.kinora.api.Api::handleRequest");
    assertThat(api.codeUri()).isEqualTo("functions/api/target/api.jar");
    assertThat(api.environment())
        .containsExactly(
            Map.entry("STAGE", "dev"),
            Map.entry("LOG_LEVEL", "debug"),
            Map.entry("TABLE", Map.of("Ref", "Table")));
    // SAM concatenates lists: global entries first
    assertThat(api.properties().get("Layers"))
        .isEqualTo(List.of(Map.of("Ref", "Shared"), Map.of("Ref", "Own")));
    assertThat(api.events())
        .containsExactly(new EventDef("Get", "HttpApi", Map.of("Method", "GET", "Path", "/x")));
    FunctionDef bare = functions.get(1);
    assertThat(bare.runtime()).isEqualTo("nodejs20.x");
    assertThat(bare.memorySize()).isEqualTo(1024);
    assertThat(bare.environment()).containsOnlyKeys("STAGE", "LOG_LEVEL");
  }

  @Test
  void functionsWithoutGlobalsGetSamDefaults() {
    Template template =
        Template.parse(
            """
            Resources:
              Fn: {Type: AWS::Serverless::Function, Properties: {InlineCode: x}}
            """,
            null);
    FunctionDef fn = template.functions().get(0);
    assertThat(fn.memorySize()).isEqualTo(128);
    assertThat(fn.timeoutSeconds()).isEqualTo(3);
    assertThat(fn.environment()).isEmpty();
    assertThat(fn.events()).isEmpty();
  }
}
