package dev.kinora.local.resources;

import dev.kinora.local.LocalAws;
import dev.kinora.local.template.DefaultResolver;
import dev.kinora.local.template.IntrinsicException;
import dev.kinora.local.template.Intrinsics;
import dev.kinora.local.template.PseudoParameters;
import dev.kinora.local.template.Resource;
import dev.kinora.local.template.Template;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Answers {@code Ref} and {@code Fn::GetAtt} for the local stack the way CloudFormation would:
 * physical names come from the resource's own name property, else {@code kinora-local-<logicalid>}
 * (lower-cased, so it is also a valid bucket name); ARNs use the local region and account; a
 * queue's {@code Ref} is its URL.
 */
public final class StackResolver extends DefaultResolver {
  private static final Map<String, String> NAME_PROPERTY =
      Map.of(
          "AWS::DynamoDB::Table", "TableName",
          "AWS::Serverless::SimpleTable", "TableName",
          "AWS::SQS::Queue", "QueueName",
          "AWS::S3::Bucket", "BucketName",
          "AWS::Serverless::Function", "FunctionName",
          "AWS::Lambda::Function", "FunctionName");

  private final Template template;
  private final Intrinsics intrinsics;
  private final UnaryOperator<String> queueUrl;
  private final Map<String, String> names = new HashMap<>();

  /**
   * @param queueUrl queue name → the URL the SQS endpoint answers for it
   */
  public StackResolver(Template template, UnaryOperator<String> queueUrl) {
    super(
        PseudoParameters.local()
            .withRegion(LocalAws.REGION)
            .withAccountId(LocalAws.ACCOUNT_ID)
            .withStackName(LocalAws.STACK_NAME),
        template.mappings(),
        template.conditions());
    this.template = template;
    this.intrinsics = Intrinsics.forTemplate(template);
    this.queueUrl = queueUrl;
    DefaultResolver parameters =
        DefaultResolver.forTemplate(template, Map.of(), pseudoParameters());
    for (String name : template.parameters().keySet()) {
      try {
        define(name, parameters.ref(name));
      } catch (IntrinsicException ignored) {
        // a parameter without a Default stays unresolved; using it fails with a clear message
      }
    }
  }

  public Template template() {
    return template;
  }

  /** The value with every intrinsic function evaluated against the local stack. */
  public Object resolve(Object value) {
    return intrinsics.resolve(value, this);
  }

  /** Whether the resource exists in this stack (its {@code Condition}, if any, holds). */
  public boolean exists(Resource resource) {
    Object condition = resource.raw().get("Condition");
    return condition == null || condition(String.valueOf(condition));
  }

  /** The physical name of a resource: its name property, else {@code kinora-local-<logicalid>}. */
  public synchronized String physicalName(String logicalId) {
    String known = names.get(logicalId);
    if (known != null) {
      return known;
    }
    Resource resource = template.resources().get(logicalId);
    if (resource == null) {
      throw new IntrinsicException("no resource " + logicalId + " in " + template.path());
    }
    String property = NAME_PROPERTY.get(resource.type());
    Object declared = property == null ? null : resource.properties().get(property);
    String name;
    if (declared != null) {
      name = String.valueOf(resolve(declared));
    } else {
      name = (LocalAws.STACK_NAME + "-" + logicalId).toLowerCase(Locale.ROOT);
      if ("AWS::SQS::Queue".equals(resource.type())
          && Tree.bool(resource.properties(), "FifoQueue")) {
        name += ".fifo";
      }
    }
    names.put(logicalId, name);
    return name;
  }

  /** The resource as created, with its ARN and URL. */
  public PhysicalResource physical(String logicalId) {
    Resource resource = template.resources().get(logicalId);
    if (resource == null) {
      throw new IntrinsicException("no resource " + logicalId + " in " + template.path());
    }
    String name = physicalName(logicalId);
    String type = resource.type();
    return switch (type) {
      case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" ->
          new PhysicalResource(
              logicalId, type, name, LocalAws.arn("dynamodb", "table/" + name), null);
      case "AWS::SQS::Queue" ->
          new PhysicalResource(
              logicalId, type, name, LocalAws.arn("sqs", name), queueUrl.apply(name));
      case "AWS::S3::Bucket" ->
          new PhysicalResource(logicalId, type, name, "arn:aws:s3:::" + name, null);
      case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
          new PhysicalResource(
              logicalId, type, name, LocalAws.arn("lambda", "function:" + name), null);
      default -> new PhysicalResource(logicalId, type, name, LocalAws.arn("local", name), null);
    };
  }

  @Override
  protected Object resourceRef(String name) {
    if (!template.resources().containsKey(name)) {
      throw new IntrinsicException("Ref " + name + ": no such parameter or resource");
    }
    PhysicalResource resource = physical(name);
    return "AWS::SQS::Queue".equals(resource.type()) ? resource.url() : resource.name();
  }

  @Override
  protected Object resourceAttribute(String resource, String attribute) {
    PhysicalResource physical = physical(resource);
    return switch (attribute) {
      case "Arn" -> physical.arn();
      case "QueueName", "TableName", "BucketName" -> physical.name();
      case "QueueUrl" -> physical.url();
      case "StreamArn" -> physical.arn() + "/stream/1970-01-01T00:00:00.000";
      case "DomainName" -> physical.name() + ".s3.amazonaws.com";
      case "RegionalDomainName" -> physical.name() + ".s3." + LocalAws.REGION + ".amazonaws.com";
      default ->
          throw new IntrinsicException(
              "Fn::GetAtt " + resource + "." + attribute + " has no local value");
    };
  }
}
