package dev.kinora.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateValidatorTest {
  private static TemplateValidator validator;

  @TempDir Path dir;

  @BeforeAll
  static void loadSpecification() {
    validator = new TemplateValidator(ResourceSpecification.bundled());
  }

  private List<Finding> errors(String fixture) throws IOException {
    return validator.validate(Fixtures.load(fixture, dir)).stream()
        .filter(Finding::isError)
        .toList();
  }

  private static void assertOnlyError(List<Finding> errors, String rule, String location) {
    assertThat(errors)
        .as("errors")
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(rule);
              assertThat(f.location()).isEqualTo(location);
            });
  }

  @Test
  void templateUsingTablesQueuesBucketsSchedulesCdnAndEveryIntrinsicPasses() throws IOException {
    assertThat(validator.validate(Fixtures.load("valid-full.yaml", dir))).isEmpty();
  }

  @Test
  void bogusPropertyFails() throws IOException {
    assertOnlyError(
        errors("bogus-property.yaml"),
        "unknown-property",
        "Resources.ExampleFunction.Properties.Memory");
  }

  @Test
  void danglingRefFails() throws IOException {
    List<Finding> errors = errors("dangling-ref.yaml");
    assertOnlyError(
        errors,
        "dangling-reference",
        "Resources.ExampleFunction.Properties.Environment.Variables.TABLE");
    assertThat(errors.get(0).message()).contains("VideosTable");
  }

  @Test
  void danglingSubVariableFails() throws IOException {
    List<Finding> errors = errors("dangling-sub.yaml");
    assertOnlyError(
        errors,
        "dangling-reference",
        "Resources.ExampleFunction.Properties.Environment.Variables.QUEUE");
    assertThat(errors.get(0).message()).contains("${TranscodeQueue}");
  }

  @Test
  void unknownGetAttAttributeFails() throws IOException {
    List<Finding> errors = errors("unknown-getatt.yaml");
    assertOnlyError(errors, "getatt-attribute", "Outputs.QueueArn.Value");
    assertThat(errors.get(0).message()).contains("Url").contains("QueueUrl");
  }

  @Test
  void wrongTypeFails() throws IOException {
    List<Finding> errors = errors("wrong-type.yaml");
    assertOnlyError(errors, "type", "Resources.ExampleFunction.Properties.MemorySize");
    assertThat(errors.get(0).message()).contains("integer").contains("lots");
  }

  @Test
  void handlerClassMissingFromTheJarFails() throws IOException {
    List<Finding> errors = errors("missing-handler.yaml");
    assertOnlyError(errors, "handler", "Resources.ExampleFunction.Properties.Handler");
    assertThat(errors.get(0).message()).contains("dev/kinora/example/MissingApi.class");
  }

  @Test
  void codeUriThatDoesNotExistFails() throws IOException {
    Template template = Fixtures.load("bogus-property.yaml", dir);
    Files.delete(dir.resolve("code/handler.jar"));
    assertThat(validator.validate(template))
        .anySatisfy(f -> assertThat(f.rule()).isEqualTo("code-uri"));
  }

  @Test
  void wildcardIamActionFails() throws IOException {
    assertOnlyError(
        errors("wildcard-iam-action.yaml"),
        "iam-wildcard",
        "Resources.ExampleFunction.Properties.Policies[0].Statement[0].Action");
  }

  @Test
  void wildcardIamResourceFails() throws IOException {
    assertOnlyError(
        errors("wildcard-iam-resource.yaml"),
        "iam-wildcard",
        "Resources.ExampleFunction.Properties.Policies[0].Statement[0].Resource");
  }

  @Test
  void broadManagedPolicyIsAWarning() {
    Template template =
        Template.parse(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.handler
                  Runtime: nodejs20.x
                  Policies: [AmazonS3FullAccess, AWSLambdaBasicExecutionRole]
            """,
            null);
    assertThat(validator.validate(template))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.isError()).isFalse();
              assertThat(f.rule()).isEqualTo("iam-managed-policy");
              assertThat(f.location()).isEqualTo("Resources.Fn.Properties.Policies[0]");
            });
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThatThrownBy(() -> Fixtures.load("duplicate-keys.yaml", dir))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("duplicate key ExampleFunction");
  }

  @Test
  void globalsKeySamDoesNotAllowFails() {
    Template template =
        Template.parse(
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Handler: a.B
                Role: arn:aws:iam::000000000000:role/x
              Bucket:
                Versioning: true
            Resources:
              Queue: {Type: AWS::SQS::Queue}
            """,
            null);
    assertThat(validator.validate(template))
        .extracting(Finding::location)
        .containsExactly("Globals.Function.Role", "Globals.Bucket");
  }

  @Test
  void unknownResourceTypeAndEventTypeFail() {
    Template template =
        Template.parse(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Thing: {Type: AWS::Nothing::Here}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Events:
                    Upload: {Type: S4, Properties: {Bucket: b}}
            """,
            null);
    assertThat(validator.validate(template))
        .extracting(Finding::location)
        .containsExactly("Resources.Thing.Type", "Resources.Fn.Properties.Events.Upload.Type");
  }

  @Test
  void requiredPropertyMissingFails() {
    Template template =
        Template.parse(
            """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
            """,
            null);
    assertThat(validator.validate(template))
        .extracting(Finding::rule, Finding::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "required", "Resources.Table.Properties.KeySchema"));
  }

  @Test
  void nestedPropertyTypesListsAndMapsAreChecked() {
    Template template =
        Template.parse(
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  CorsConfiguration:
                    CorsRules:
                      - AllowedMethods: GET
                        AllowedOrigins: ["*"]
                        MaxAge: soon
                  Tags: {Name: x}
            """,
            null);
    assertThat(validator.validate(template))
        .extracting(Finding::location)
        .containsExactly(
            "Resources.Bucket.Properties.CorsConfiguration.CorsRules[0].AllowedMethods",
            "Resources.Bucket.Properties.CorsConfiguration.CorsRules[0].MaxAge",
            "Resources.Bucket.Properties.Tags");
  }

  @Test
  void referencesToSamGeneratedResourcesAreAccepted() {
    Template template =
        Template.parse(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  AutoPublishAlias: live
                  Events:
                    Get: {Type: HttpApi, Properties: {Method: GET, Path: /x}}
            Outputs:
              Role: {Value: !GetAtt FnRole.Arn}
              Api: {Value: !Ref ServerlessHttpApi}
              Endpoint: {Value: !GetAtt ServerlessHttpApi.ApiEndpoint}
              Alias: {Value: !Ref Fn.Alias}
              Arn: {Value: !Sub "${Fn.Arn}"}
            """,
            null);
    assertThat(validator.validate(template)).isEmpty();
  }

  @Test
  void danglingDependsOnAndConditionFail() {
    Template template =
        Template.parse(
            """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                DependsOn: [Ghost]
                Condition: IsProd
            """,
            null);
    assertThat(validator.validate(template))
        .extracting(Finding::location)
        .containsExactly("Resources.Queue.DependsOn", "Resources.Queue.Condition");
  }

  @Test
  void templateCheckExitsOneOnErrorsAndPrintsThem() throws IOException {
    Fixtures.load("bogus-property.yaml", dir);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit =
        TemplateCheck.run(
            dir.resolve("template.yaml"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(1);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("Resources.ExampleFunction.Properties.Memory")
        .contains("1 error(s)");
  }

  @Test
  void templateCheckExitsZeroOnAValidTemplate() throws IOException {
    Fixtures.load("valid-full.yaml", dir);
    int exit =
        TemplateCheck.run(
            dir.resolve("template.yaml"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(exit).isZero();
  }
}
