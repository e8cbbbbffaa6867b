package dev.kinora.local.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.template.Resource;
import dev.kinora.local.template.Template;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates what the template declares — tables, queues, buckets — through the real SDK clients, so
 * the emulators see exactly the calls CloudFormation would make. Idempotent: on a persistent state
 * directory, existing tables and buckets are kept.
 */
public final class ResourceProvisioner {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** CloudFormation queue properties that are plain SQS attributes ElasticMQ understands. */
  private static final List<String> QUEUE_ATTRIBUTES =
      List.of(
          "DelaySeconds",
          "MaximumMessageSize",
          "MessageRetentionPeriod",
          "ReceiveMessageWaitTimeSeconds",
          "VisibilityTimeout",
          "FifoQueue",
          "ContentBasedDeduplication");

  private final StackResolver stack;
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final S3Client s3;
  private final PrintStream log;

  public ResourceProvisioner(
      StackResolver stack, DynamoDbClient dynamoDb, SqsClient sqs, S3Client s3, PrintStream log) {
    this.stack = stack;
    this.dynamoDb = dynamoDb;
    this.sqs = sqs;
    this.s3 = s3;
    this.log = log;
  }

  /** What was created, by logical id, plus the buckets' kept settings. */
  public record Provisioned(
      Map<String, PhysicalResource> resources, Map<String, BucketSettings> buckets) {}

  public Provisioned provision() {
    Template template = stack.template();
    Map<String, PhysicalResource> created = new LinkedHashMap<>();
    Map<String, BucketSettings> buckets = new LinkedHashMap<>();
    Set<String> queuesDone = new HashSet<>();
    for (Resource resource : template.resources().values()) {
      if (!stack.exists(resource)) {
        continue;
      }
      switch (String.valueOf(resource.type())) {
        case "AWS::DynamoDB::Table" -> created.put(resource.logicalId(), table(resource));
        case "AWS::Serverless::SimpleTable" ->
            created.put(resource.logicalId(), simpleTable(resource));
        case "AWS::SQS::Queue" -> queue(resource, queuesDone, created);
        case "AWS::S3::Bucket" -> {
          BucketSettings settings = bucket(resource);
          buckets.put(resource.logicalId(), settings);
          created.put(resource.logicalId(), stack.physical(resource.logicalId()));
        }
        case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
            created.put(resource.logicalId(), stack.physical(resource.logicalId()));
        default -> {
          // APIs, roles, CDN …: no emulator state; the front door and runtime play their part
        }
      }
    }
    return new Provisioned(created, buckets);
  }

  // ------------------------------------------------------------------ DynamoDB

  private PhysicalResource table(Resource resource) {
    long started = System.nanoTime();
    String name = stack.physicalName(resource.logicalId());
    Map<String, Object> p = Tree.map(stack.resolve(resource.properties()));
    boolean provisioned =
        "PROVISIONED".equals(Tree.string(p, "BillingMode"))
            || p.containsKey("ProvisionedThroughput");
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(name)
            .attributeDefinitions(
                Tree.maps(p.get("AttributeDefinitions")).stream()
                    .map(
                        a ->
                            AttributeDefinition.builder()
                                .attributeName(Tree.string(a, "AttributeName"))
                                .attributeType(Tree.string(a, "AttributeType"))
                                .build())
                    .toList())
            .keySchema(keySchema(p.get("KeySchema")))
            .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
    if (provisioned) {
      request.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
    }
    List<GlobalSecondaryIndex> gsis = new ArrayList<>();
    for (Map<String, Object> index : Tree.maps(p.get("GlobalSecondaryIndexes"))) {
      GlobalSecondaryIndex.Builder gsi =
          GlobalSecondaryIndex.builder()
              .indexName(Tree.string(index, "IndexName"))
              .keySchema(keySchema(index.get("KeySchema")))
              .projection(projection(index.get("Projection")));
      if (provisioned) {
        gsi.provisionedThroughput(throughput(index.get("ProvisionedThroughput")));
      }
      gsis.add(gsi.build());
    }
    if (!gsis.isEmpty()) {
      request.globalSecondaryIndexes(gsis);
    }
    List<LocalSecondaryIndex> lsis =
        Tree.maps(p.get("LocalSecondaryIndexes")).stream()
            .map(
                index ->
                    LocalSecondaryIndex.builder()
                        .indexName(Tree.string(index, "IndexName"))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(projection(index.get("Projection")))
                        .build())
            .toList();
    if (!lsis.isEmpty()) {
      request.localSecondaryIndexes(lsis);
    }
    Map<String, Object> stream = Tree.map(p.get("StreamSpecification"));
    if (stream.containsKey("StreamViewType")) {
      request.streamSpecification(
          StreamSpecification.builder()
              .streamEnabled(true)
              .streamViewType(Tree.string(stream, "StreamViewType"))
              .build());
    }
    TableDescription table = createTableIfAbsent(name, request.build());
    Map<String, Object> ttl = Tree.map(p.get("TimeToLiveSpecification"));
    if (Tree.bool(ttl, "Enabled")) {
      enableTtl(name, Tree.string(ttl, "AttributeName"));
    }
    if (table.latestStreamArn() != null) {
      stack.defineAttribute(resource.logicalId(), "StreamArn", table.latestStreamArn());
    }
    PhysicalResource physical = stack.physical(resource.logicalId());
    logCreated("table", resource.logicalId(), name, started);
    return physical;
  }

  private PhysicalResource simpleTable(Resource resource) {
    long started = System.nanoTime();
    String name = stack.physicalName(resource.logicalId());
    Map<String, Object> p = Tree.map(stack.resolve(resource.properties()));
    Map<String, Object> key = Tree.map(p.get("PrimaryKey"));
    String keyName = key.isEmpty() ? "id" : Tree.string(key, "Name");
    String keyType =
        switch (key.isEmpty() ? "String" : Tree.string(key, "Type")) {
          case "Number" -> "N";
          case "Binary" -> "B";
          default -> "S";
        };
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(name)
            .attributeDefinitions(
                AttributeDefinition.builder().attributeName(keyName).attributeType(keyType).build())
            .keySchema(KeySchemaElement.builder().attributeName(keyName).keyType("HASH").build());
    if (p.containsKey("ProvisionedThroughput")) {
      request
          .billingMode(BillingMode.PROVISIONED)
          .provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
    } else {
      request.billingMode(BillingMode.PAY_PER_REQUEST);
    }
    createTableIfAbsent(name, request.build());
    logCreated("table", resource.logicalId(), name, started);
    return stack.physical(resource.logicalId());
  }

  private TableDescription createTableIfAbsent(String name, CreateTableRequest request) {
    try {
      return dynamoDb.describeTable(r -> r.tableName(name)).table();
    } catch (ResourceNotFoundException absent) {
      return dynamoDb.createTable(request).tableDescription();
    }
  }

  private void enableTtl(String table, String attribute) {
    TimeToLiveStatus status =
        dynamoDb
            .describeTimeToLive(r -> r.tableName(table))
            .timeToLiveDescription()
            .timeToLiveStatus();
    if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
      return;
    }
    dynamoDb.updateTimeToLive(
        r ->
            r.tableName(table)
                .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
  }

  private static List<KeySchemaElement> keySchema(Object value) {
    return Tree.maps(value).stream()
        .map(
            k ->
                KeySchemaElement.builder()
                    .attributeName(Tree.string(k, "AttributeName"))
                    .keyType(Tree.string(k, "KeyType"))
                    .build())
        .toList();
  }

  private static Projection projection(Object value) {
    Map<String, Object> p = Tree.map(value);
    Projection.Builder projection =
        Projection.builder()
            .projectionType(
                p.containsKey("ProjectionType") ? Tree.string(p, "ProjectionType") : "ALL");
    if (p.containsKey("NonKeyAttributes")) {
      projection.nonKeyAttributes(Tree.strings(p.get("NonKeyAttributes")));
    }
    return projection.build();
  }

  private static ProvisionedThroughput throughput(Object value) {
    Map<String, Object> p = Tree.map(value);
    Long read = Tree.number(p, "ReadCapacityUnits");
    Long write = Tree.number(p, "WriteCapacityUnits");
    return ProvisionedThroughput.builder()
        .readCapacityUnits(read == null ? 5L : read)
        .writeCapacityUnits(write == null ? 5L : write)
        .build();
  }

  // ------------------------------------------------------------------ SQS

  /** Creates a queue after the dead-letter queue its RedrivePolicy names. */
  private void queue(Resource resource, Set<String> done, Map<String, PhysicalResource> created) {
    if (!done.add(resource.logicalId())) {
      return;
    }
    long started = System.nanoTime();
    Map<String, Object> p = Tree.map(stack.resolve(resource.properties()));
    Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
    for (String attribute : QUEUE_ATTRIBUTES) {
      if (p.containsKey(attribute)) {
        attributes.put(QueueAttributeName.fromValue(attribute), String.valueOf(p.get(attribute)));
      }
    }
    Object redrive = p.get("RedrivePolicy");
    if (redrive != null) {
      Map<String, Object> policy = redrive instanceof String text ? parse(text) : Tree.map(redrive);
      String target = Tree.string(policy, "deadLetterTargetArn");
      for (Resource other : stack.template().resourcesOfType("AWS::SQS::Queue")) {
        if (stack.exists(other) && stack.physical(other.logicalId()).arn().equals(target)) {
          queue(other, done, created);
        }
      }
      Long maxReceiveCount = Tree.number(policy, "maxReceiveCount");
      Map<String, Object> normalized = new LinkedHashMap<>();
      normalized.put("deadLetterTargetArn", target);
      normalized.put("maxReceiveCount", maxReceiveCount == null ? 10 : maxReceiveCount);
      attributes.put(QueueAttributeName.REDRIVE_POLICY, write(normalized));
    }
    String name = stack.physicalName(resource.logicalId());
    String url = sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
    stack.define(resource.logicalId(), url);
    stack.defineAttribute(resource.logicalId(), "QueueUrl", url);
    PhysicalResource physical = stack.physical(resource.logicalId());
    if (!url.equals(physical.url())) {
      physical =
          new PhysicalResource(physical.logicalId(), physical.type(), name, physical.arn(), url);
    }
    created.put(resource.logicalId(), physical);
    logCreated("queue", resource.logicalId(), name, started);
  }

  // ------------------------------------------------------------------ S3

  private BucketSettings bucket(Resource resource) {
    long started = System.nanoTime();
    String name = stack.physicalName(resource.logicalId());
    Map<String, Object> p = Tree.map(stack.resolve(resource.properties()));
    try {
      s3.headBucket(r -> r.bucket(name));
    } catch (NoSuchBucketException absent) {
      try {
        s3.createBucket(r -> r.bucket(name));
      } catch (BucketAlreadyOwnedByYouException ignored) {
        // created concurrently: fine
      }
    }
    logCreated("bucket", resource.logicalId(), name, started);
    return new BucketSettings(
        resource.logicalId(),
        name,
        Tree.maps(Tree.map(p.get("CorsConfiguration")).get("CorsRules")),
        Tree.maps(Tree.map(p.get("LifecycleConfiguration")).get("Rules")),
        Tree.map(p.get("NotificationConfiguration")));
  }

  private void logCreated(String kind, String logicalId, String name, long startedNanos) {
    log.printf(
        java.util.Locale.ROOT,
        "[local-cloud]   %-6s %-24s %-36s %5d ms%n",
        kind,
        logicalId,
        name,
        (System.nanoTime() - startedNanos) / 1_000_000);
  }

  private static Map<String, Object> parse(String json) {
    try {
      return Tree.map(JSON.readValue(json, Map.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("RedrivePolicy is not JSON: " + json, e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
