package dev.kinora.local.template;

import dev.kinora.local.template.Finding.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks a template against the CloudFormation resource specification plus the SAM overlay: known
 * resource types and properties, required properties, value types, every reference's target, GetAtt
 * attribute names, Globals keys, each function's code and handler class, and least-privilege inline
 * IAM statements. Every rule is a method below; {@link #validate} lists them.
 */
public final class TemplateValidator {
  static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

  private static final Set<String> SECTIONS =
      Set.of(
          "AWSTemplateFormatVersion",
          "Description",
          "Metadata",
          "Parameters",
          "Rules",
          "Mappings",
          "Conditions",
          "Transform",
          "Resources",
          "Outputs",
          "Globals",
          "Hooks");
  private static final Set<String> RESOURCE_KEYS =
      Set.of(
          "Type",
          "Properties",
          "DependsOn",
          "Condition",
          "Metadata",
          "DeletionPolicy",
          "UpdateReplacePolicy",
          "UpdatePolicy",
          "CreationPolicy",
          "Connectors",
          "IgnoreGlobals");
  private static final Set<String> PARAMETER_TYPES =
      Set.of("String", "Number", "List<Number>", "CommaDelimitedList");
  private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  /**
   * Actions that support no resource-level permissions, so AWS requires {@code "Resource": "*"} for
   * them. A statement whose actions are all listed here may use {@code "*"} as its resource.
   */
  static final Set<String> ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS =
      Set.of(
          "xray:PutTraceSegments",
          "xray:PutTelemetryRecords",
          "xray:GetSamplingRules",
          "xray:GetSamplingTargets",
          "cloudwatch:PutMetricData",
          "mediaconvert:DescribeEndpoints",
          "ec2:CreateNetworkInterface",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DeleteNetworkInterface");

  private final ResourceSpecification spec;

  public TemplateValidator(ResourceSpecification spec) {
    this.spec = spec;
  }

  public TemplateValidator() {
    this(ResourceSpecification.bundled());
  }

  /** All findings, in template order; the template is valid when none {@link Finding#isError()}. */
  public List<Finding> validate(Template template) {
    Run run = new Run(template);
    run.sections();
    run.parameters();
    run.globals();
    run.resources();
    run.references();
    run.functionCode();
    run.inlinePolicies();
    return List.copyOf(run.findings);
  }

  /** One validation pass over one template. */
  private final class Run {
    final Template template;
    final List<Finding> findings = new ArrayList<>();

    /** Logical id → type of every resource, including those SAM generates. */
    final Map<String, String> resourceTypes = new LinkedHashMap<>();

    /** Names a {@code Ref} may take besides resources and parameters, such as {@code Fn.Alias}. */
    final Set<String> extraRefs = new LinkedHashSet<>();

    Run(Template template) {
      this.template = template;
      template.resources().forEach((id, r) -> resourceTypes.put(id, r.type()));
      addSamGeneratedResources();
    }

    void error(String rule, String location, String message) {
      findings.add(new Finding(Severity.ERROR, rule, location, message));
    }

    void warning(String rule, String location, String message) {
      findings.add(new Finding(Severity.WARNING, rule, location, message));
    }

    // ---- structure -------------------------------------------------------------------------

    void sections() {
      for (String key : template.raw().keySet()) {
        if (!SECTIONS.contains(key)) {
          error("unknown-section", key, "unknown top-level section " + key);
        }
      }
      if (template.resources().isEmpty()) {
        error("required", "Resources", "a template needs at least one resource");
      }
      boolean usesSam =
          template.resources().values().stream()
              .anyMatch(r -> r.type() != null && r.type().startsWith("AWS::Serverless::"));
      Object transform = template.raw().get("Transform");
      boolean hasSam =
          SAM_TRANSFORM.equals(transform)
              || (transform instanceof List<?> list && list.contains(SAM_TRANSFORM));
      if ((usesSam || template.raw().containsKey("Globals")) && !hasSam) {
        error(
            "transform", "Transform", "SAM resources and Globals need Transform: " + SAM_TRANSFORM);
      }
    }

    void parameters() {
      template
          .parameters()
          .forEach(
              (name, declaration) -> {
                String at = "Parameters." + name;
                checkLogicalId(name, at);
                Map<String, Object> parameter = Values.map(declaration);
                Object type = parameter.get("Type");
                if (!(type instanceof String t)) {
                  error("required", at, "parameter " + name + " has no Type");
                  return;
                }
                if (!PARAMETER_TYPES.contains(t) && !t.startsWith("AWS::")) {
                  error("type", at + ".Type", "unknown parameter type " + t);
                }
                Object allowed = parameter.get("AllowedValues");
                Object fallback = parameter.get("Default");
                if (allowed instanceof List<?> values
                    && fallback != null
                    && values.stream()
                        .noneMatch(v -> String.valueOf(v).equals(fallback.toString()))) {
                  error(
                      "parameter",
                      at + ".Default",
                      "default " + fallback + " is not one of the AllowedValues " + values);
                }
              });
    }

    void globals() {
      template
          .globals()
          .forEach(
              (section, value) -> {
                String at = "Globals." + section;
                List<String> allowed = spec.globalsKeys(section);
                if (allowed == null) {
                  error(
                      "globals",
                      at,
                      "unknown Globals section " + section + "; SAM has " + spec.globalsSections());
                  return;
                }
                Map<String, Object> properties = Values.map(value);
                Map<String, Object> resourceType = spec.resourceType("AWS::Serverless::" + section);
                Map<String, Object> propertySpecs =
                    resourceType == null ? Map.of() : Values.map(resourceType.get("Properties"));
                properties.forEach(
                    (key, v) -> {
                      if (!allowed.contains(key)) {
                        error(
                            "globals",
                            at + "." + key,
                            key + " cannot be set in Globals." + section);
                      } else if (propertySpecs.containsKey(key)) {
                        checkValue(
                            v,
                            Values.map(propertySpecs.get(key)),
                            "AWS::Serverless::" + section,
                            at + "." + key);
                      }
                    });
              });
    }

    // ---- resources and their properties ----------------------------------------------------

    void resources() {
      for (Resource resource : template.resources().values()) {
        String at = "Resources." + resource.logicalId();
        checkLogicalId(resource.logicalId(), at);
        for (String key : resource.raw().keySet()) {
          if (!RESOURCE_KEYS.contains(key)) {
            error("unknown-attribute", at + "." + key, "unknown resource attribute " + key);
          }
        }
        String type = resource.type();
        if (type == null) {
          error("required", at + ".Type", "resource has no Type");
          continue;
        }
        if (resource.raw().containsKey("Properties")
            && !(resource.raw().get("Properties") instanceof Map<?, ?>)) {
          error("type", at + ".Properties", "Properties must be a map");
          continue;
        }
        if (isCustom(type)) {
          continue;
        }
        Map<String, Object> definition = spec.resourceType(type);
        if (definition == null) {
          error(
              "resource-type",
              at + ".Type",
              "unknown resource type " + type + " (CloudFormation spec " + spec.version() + ")");
          continue;
        }
        checkProperties(
            resource.properties(),
            Values.map(definition.get("Properties")),
            type,
            type,
            at + ".Properties");
      }
    }

    void checkLogicalId(String id, String at) {
      if (!LOGICAL_ID.matcher(id).matches()) {
        error("logical-id", at, "logical id " + id + " must be alphanumeric");
      }
    }

    /**
     * Checks a map of properties against the property specs of {@code typeName} (owned by {@code
     * owner}).
     */
    void checkProperties(
        Map<String, Object> values,
        Map<String, Object> propertySpecs,
        String typeName,
        String owner,
        String at) {
      values.forEach(
          (name, value) -> {
            Object propertySpec = propertySpecs.get(name);
            if (propertySpec == null) {
              error(
                  "unknown-property",
                  at + "." + name,
                  "unknown property " + name + " of " + typeName + suggestion(name, propertySpecs));
            } else {
              checkValue(value, Values.map(propertySpec), owner, at + "." + name);
            }
          });
      propertySpecs.forEach(
          (name, propertySpec) -> {
            if (Boolean.TRUE.equals(Values.map(propertySpec).get("Required"))
                && !values.containsKey(name)) {
              error("required", at + "." + name, typeName + " requires " + name);
            }
          });
    }

    String suggestion(String name, Map<String, Object> propertySpecs) {
      for (String known : propertySpecs.keySet()) {
        if (known.equalsIgnoreCase(name)) {
          return " (did you mean " + known + "?)";
        }
      }
      return "";
    }

    /** Checks one value against one property spec; intrinsic functions stand for any value. */
    void checkValue(Object value, Map<String, Object> propertySpec, String owner, String at) {
      Object passThrough = propertySpec.get("PassThrough");
      if (passThrough instanceof String target) {
        int dot = target.lastIndexOf('.');
        String resource = target.substring(0, dot);
        Map<String, Object> definition = spec.resourceType(resource);
        Object real =
            definition == null
                ? null
                : Values.map(definition.get("Properties")).get(target.substring(dot + 1));
        if (real == null) {
          error("specification", at, "the SAM overlay passes through to unknown " + target);
          return;
        }
        checkValue(value, Values.map(real), resource, at);
        return;
      }
      if (value == null) {
        error("type", at, "has no value");
        return;
      }
      if (Values.isIntrinsic(value)) {
        Map<String, Object> function = Values.map(value);
        if (function.containsKey("Fn::If")) {
          List<Object> branches = Values.list(function.get("Fn::If"));
          for (int i = 1; i < branches.size(); i++) {
            if (!isNoValue(branches.get(i))) {
              checkValue(branches.get(i), propertySpec, owner, at);
            }
          }
        }
        return;
      }
      List<String> primitives = strings(propertySpec.get("PrimitiveTypes"));
      List<String> types = strings(propertySpec.get("Types"));
      if (!primitives.isEmpty() || !types.isEmpty()) {
        checkChoice(value, primitives, types, owner, at);
        return;
      }
      Object type = propertySpec.get("Type");
      if ("List".equals(type)) {
        if (!(value instanceof List<?> list)) {
          error("type", at, "must be a list, not " + describe(value));
          return;
        }
        for (int i = 0; i < list.size(); i++) {
          checkItem(list.get(i), propertySpec, owner, at + "[" + i + "]");
        }
      } else if ("Map".equals(type)) {
        if (!(value instanceof Map<?, ?> map)) {
          error("type", at, "must be a map, not " + describe(value));
          return;
        }
        Values.map(map).forEach((k, v) -> checkItem(v, propertySpec, owner, at + "." + k));
      } else if (type instanceof String name) {
        checkPropertyType(value, name, owner, at);
      } else if (propertySpec.get("PrimitiveType") instanceof String primitive) {
        checkPrimitive(value, primitive, at);
      }
    }

    void checkItem(Object item, Map<String, Object> collectionSpec, String owner, String at) {
      Map<String, Object> itemSpec = new LinkedHashMap<>();
      if (collectionSpec.get("PrimitiveItemType") != null) {
        itemSpec.put("PrimitiveType", collectionSpec.get("PrimitiveItemType"));
      }
      if (collectionSpec.get("ItemType") != null) {
        itemSpec.put("Type", collectionSpec.get("ItemType"));
      }
      if (collectionSpec.get("PrimitiveItemTypes") != null) {
        itemSpec.put("PrimitiveTypes", collectionSpec.get("PrimitiveItemTypes"));
      }
      if (collectionSpec.get("ItemTypes") != null) {
        itemSpec.put("Types", collectionSpec.get("ItemTypes"));
      }
      if (collectionSpec.get("InclusivePrimitiveItemTypes") != null
          || collectionSpec.get("InclusiveItemTypes") != null) {
        itemSpec.put("PrimitiveTypes", List.of("Json", "String"));
      }
      checkValue(item, itemSpec, owner, at);
    }

    void checkChoice(
        Object value, List<String> primitives, List<String> types, String owner, String at) {
      for (String primitive : primitives) {
        if (primitiveProblem(value, primitive) == null) {
          return;
        }
      }
      List<Finding> closest = null;
      for (String type : types) {
        Run trial = new Run(template);
        trial.checkPropertyType(value, type, owner, at);
        if (trial.findings.isEmpty()) {
          return;
        }
        if (value instanceof Map<?, ?> && closest == null) {
          closest = trial.findings;
        }
      }
      if (closest != null && primitives.stream().noneMatch(p -> p.equals("Json"))) {
        findings.addAll(closest);
        return;
      }
      List<String> expected = new ArrayList<>(primitives);
      expected.addAll(types);
      error("type", at, "must be one of " + expected + ", not " + describe(value));
    }

    void checkPropertyType(Object value, String name, String owner, String at) {
      String fullName = name.contains("::") ? name : owner + "." + name;
      Map<String, Object> definition = spec.propertyType(fullName);
      if (definition == null) {
        error("specification", at, "the specification has no property type " + fullName);
        return;
      }
      String definitionOwner = fullName.substring(0, fullName.lastIndexOf('.'));
      if (!definition.containsKey("Properties")) {
        // a property type that is itself a primitive or a list
        checkValue(value, definition, definitionOwner, at);
        return;
      }
      if (!(value instanceof Map<?, ?> raw)) {
        error("type", at, "must be a " + name + " map, not " + describe(value));
        return;
      }
      Map<String, Object> map = Values.map(raw);
      Map<String, Object> propertySpecs = Values.map(definition.get("Properties"));
      checkProperties(map, propertySpecs, fullName, definitionOwner, at);
      Map<String, Object> discriminator = Values.map(definition.get("Discriminator"));
      if (!discriminator.isEmpty()) {
        checkDiscriminated(map, discriminator, definitionOwner, at);
      }
    }

    /** SAM event sources: the {@code Properties} shape depends on the {@code Type}. */
    void checkDiscriminated(
        Map<String, Object> map, Map<String, Object> discriminator, String owner, String at) {
      String property = String.valueOf(discriminator.get("Property"));
      String target = String.valueOf(discriminator.get("Target"));
      Map<String, Object> choices = Values.map(discriminator.get("Types"));
      if (!(map.get(property) instanceof String kind)) {
        return;
      }
      Object targetType = choices.get(kind);
      if (targetType == null) {
        error(
            "type",
            at + "." + property,
            "unknown " + property + " " + kind + "; expected one of " + choices.keySet());
        return;
      }
      Object targetValue = map.get(target);
      if (targetValue == null) {
        Map<String, Object> definition = spec.propertyType(owner + "." + targetType);
        boolean anyRequired =
            definition != null
                && Values.map(definition.get("Properties")).values().stream()
                    .anyMatch(p -> Boolean.TRUE.equals(Values.map(p).get("Required")));
        if (anyRequired) {
          error("required", at + "." + target, kind + " events need " + target);
        }
        return;
      }
      checkPropertyType(targetValue, String.valueOf(targetType), owner, at + "." + target);
    }

    void checkPrimitive(Object value, String primitive, String at) {
      String problem = primitiveProblem(value, primitive);
      if (problem != null) {
        error("type", at, problem);
      }
    }

    /** Why the value is not of the primitive type, or null when it is. */
    String primitiveProblem(Object value, String primitive) {
      if (Values.isIntrinsic(value)) {
        return null;
      }
      boolean ok =
          switch (primitive) {
            case "String", "Timestamp" ->
                value instanceof String || value instanceof Number || value instanceof Boolean;
            case "Integer", "Long" ->
                value instanceof Integer
                    || value instanceof Long
                    || value instanceof java.math.BigInteger
                    || (value instanceof String s && s.trim().matches("-?\\d+"));
            case "Double" ->
                value instanceof Number
                    || (value instanceof String s
                        && s.trim().matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?"));
            case "Boolean" ->
                value instanceof Boolean
                    || "true".equalsIgnoreCase(String.valueOf(value))
                    || "false".equalsIgnoreCase(String.valueOf(value));
            case "Json" -> value instanceof Map || value instanceof List || value instanceof String;
            default -> true;
          };
      return ok ? null : "must be " + article(primitive) + ", not " + describe(value);
    }

    // ---- references --------------------------------------------------------------------------

    void references() {
      Map<String, Object> raw = template.raw();
      Values.map(raw.get("Resources"))
          .forEach(
              (id, entry) -> {
                Map<String, Object> resource = Values.map(entry);
                String at = "Resources." + id;
                walk(resource.get("Properties"), at + ".Properties");
                walk(resource.get("Metadata"), at + ".Metadata");
                Object dependsOn = resource.get("DependsOn");
                List<Object> targets =
                    dependsOn instanceof List<?> list
                        ? Values.list(list)
                        : dependsOn == null ? List.of() : List.of(dependsOn);
                for (Object target : targets) {
                  if (!(target instanceof String name) || !resourceTypes.containsKey(name)) {
                    error(
                        "dangling-reference",
                        at + ".DependsOn",
                        "DependsOn names " + target + ", which is not a resource");
                  }
                }
                checkConditionName(resource.get("Condition"), at + ".Condition");
              });
      template
          .outputs()
          .forEach(
              (name, output) -> {
                String at = "Outputs." + name;
                checkLogicalId(name, at);
                Map<String, Object> o = Values.map(output);
                if (!o.containsKey("Value")) {
                  error("required", at + ".Value", "output " + name + " has no Value");
                }
                walk(o.get("Value"), at + ".Value");
                walk(o.get("Export"), at + ".Export");
                checkConditionName(o.get("Condition"), at + ".Condition");
              });
      template.conditions().forEach((name, c) -> walk(c, "Conditions." + name));
      walk(template.globals(), "Globals");
    }

    void checkConditionName(Object name, String at) {
      if (name != null && !template.conditions().containsKey(String.valueOf(name))) {
        error("dangling-reference", at, "condition " + name + " is not declared in Conditions");
      }
    }

    void walk(Object value, String at) {
      if (value instanceof Map<?, ?> raw) {
        Map<String, Object> map = Values.map(raw);
        if (Values.isIntrinsic(map)) {
          String function = map.keySet().iterator().next();
          Object argument = map.get(function);
          checkFunction(function, argument, at);
          walk(argument, at + "." + function);
          return;
        }
        map.forEach((k, v) -> walk(v, at + "." + k));
      } else if (value instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          walk(list.get(i), at + "[" + i + "]");
        }
      }
    }

    void checkFunction(String function, Object argument, String at) {
      switch (function) {
        case "Ref" -> {
          if (argument instanceof String name) {
            checkRef(name, at, "Ref");
          } else {
            error("intrinsic", at, "Ref takes a name, not " + describe(argument));
          }
        }
        case "Fn::GetAtt" -> {
          List<Object> args = Values.list(argument);
          if (args.size() != 2 || !(args.get(0) instanceof String resource)) {
            error("intrinsic", at, "Fn::GetAtt takes [resource, attribute]");
          } else if (args.get(1) instanceof String attribute) {
            checkGetAtt(resource, attribute, at);
          } else {
            checkGetAtt(resource, null, at);
          }
        }
        case "Fn::Sub" -> checkSub(argument, at);
        case "Fn::If" -> {
          List<Object> args = Values.list(argument);
          if (args.size() != 3) {
            error("intrinsic", at, "Fn::If takes [condition, value if true, value if false]");
          } else {
            checkConditionName(args.get(0), at + ".Fn::If[0]");
          }
        }
        case "Condition" -> checkConditionName(argument, at);
        case "Fn::FindInMap" -> {
          List<Object> args = Values.list(argument);
          if (args.size() != 3) {
            error("intrinsic", at, "Fn::FindInMap takes [map, top-level key, second-level key]");
          } else if (args.get(0) instanceof String map && !template.mappings().containsKey(map)) {
            error("dangling-reference", at, "mapping " + map + " is not declared in Mappings");
          }
        }
        case "Fn::Join", "Fn::Select", "Fn::Split", "Fn::Equals" -> {
          if (Values.list(argument).size() != 2 && !(argument instanceof Map<?, ?>)) {
            error("intrinsic", at, function + " takes a list of 2 arguments");
          }
        }
        case "Fn::Not",
            "Fn::And",
            "Fn::Or",
            "Fn::Base64",
            "Fn::GetAZs",
            "Fn::ImportValue",
            "Fn::Cidr",
            "Fn::Transform",
            "Fn::ToJsonString",
            "Fn::Length" -> {
          // arguments are checked as they are walked
        }
        default -> error("intrinsic", at, "unknown intrinsic function " + function);
      }
    }

    void checkRef(String name, String at, String how) {
      if (template.parameters().containsKey(name)
          || resourceTypes.containsKey(name)
          || extraRefs.contains(name)
          || PseudoParameters.isPseudo(name)) {
        return;
      }
      error(
          "dangling-reference",
          at,
          how + " " + name + " is not a parameter, resource or pseudo parameter");
    }

    void checkGetAtt(String resource, String attribute, String at) {
      String type = resourceTypes.get(resource);
      if (type == null) {
        error(
            "dangling-reference",
            at,
            "Fn::GetAtt "
                + resource
                + (attribute == null ? "" : "." + attribute)
                + ": no resource "
                + resource);
        return;
      }
      if (attribute == null || isCustom(type) || !resourceTypes.containsKey(resource)) {
        return;
      }
      Map<String, Object> definition = spec.resourceType(type);
      if (definition == null) {
        return; // reported as an unknown type
      }
      Map<String, Object> attributes = Values.map(definition.get("Attributes"));
      boolean nestedOutputs =
          attribute.startsWith("Outputs.")
              && (type.equals("AWS::CloudFormation::Stack")
                  || type.equals("AWS::Serverless::Application"));
      if (!attributes.containsKey(attribute) && !nestedOutputs) {
        error(
            "getatt-attribute",
            at,
            type
                + " "
                + resource
                + " has no attribute "
                + attribute
                + "; it has "
                + attributes.keySet());
      }
    }

    void checkSub(Object argument, String at) {
      String text;
      Set<String> variables = Set.of();
      if (argument instanceof String s) {
        text = s;
      } else if (argument instanceof List<?> list
          && list.size() == 2
          && list.get(0) instanceof String s) {
        text = s;
        variables = Values.map(list.get(1)).keySet();
      } else {
        error("intrinsic", at, "Fn::Sub takes a string or [string, {variables}]");
        return;
      }
      Matcher matcher = SUB_VARIABLE.matcher(text);
      while (matcher.find()) {
        String variable = matcher.group(1).trim();
        if (variable.startsWith("!") || variables.contains(variable)) {
          continue;
        }
        int dot = variable.indexOf('.');
        if (dot > 0 && !variable.startsWith("AWS::") && !extraRefs.contains(variable)) {
          checkGetAtt(variable.substring(0, dot), variable.substring(dot + 1), at);
        } else {
          checkRef(variable, at, "Fn::Sub ${" + variable + "}:");
        }
      }
    }

    // ---- SAM ---------------------------------------------------------------------------------

    /** The resources the SAM transform adds, so references to them are not reported as dangling. */
    void addSamGeneratedResources() {
      for (FunctionDef function : template.functions()) {
        String id = function.logicalId();
        Map<String, Object> p = function.properties();
        if (!p.containsKey("Role")) {
          resourceTypes.putIfAbsent(id + "Role", "AWS::IAM::Role");
        }
        if (p.containsKey("AutoPublishAlias")) {
          extraRefs.add(id + ".Alias");
          extraRefs.add(id + ".Version");
          if (p.get("AutoPublishAlias") instanceof String alias) {
            resourceTypes.putIfAbsent(id + "Alias" + alias, "AWS::Lambda::Alias");
          }
        }
        if (p.containsKey("FunctionUrlConfig")) {
          resourceTypes.putIfAbsent(id + "Url", "AWS::Lambda::Url");
        }
        for (EventDef event : function.events()) {
          String type = event.type() == null ? "" : event.type();
          switch (type) {
            case "HttpApi" -> {
              if (!event.properties().containsKey("ApiId")) {
                resourceTypes.putIfAbsent("ServerlessHttpApi", "AWS::ApiGatewayV2::Api");
                resourceTypes.putIfAbsent(
                    "ServerlessHttpApiApiGatewayDefaultStage", "AWS::ApiGatewayV2::Stage");
              }
              resourceTypes.putIfAbsent(
                  id + event.name() + "Permission", "AWS::Lambda::Permission");
            }
            case "Api" -> {
              if (!event.properties().containsKey("RestApiId")) {
                resourceTypes.putIfAbsent("ServerlessRestApi", "AWS::ApiGateway::RestApi");
                resourceTypes.putIfAbsent("ServerlessRestApiProdStage", "AWS::ApiGateway::Stage");
              }
              resourceTypes.putIfAbsent(
                  id + event.name() + "Permission", "AWS::Lambda::Permission");
            }
            case "Schedule", "EventBridgeRule", "CloudWatchEvent" ->
                resourceTypes.putIfAbsent(id + event.name(), "AWS::Events::Rule");
            case "ScheduleV2" ->
                resourceTypes.putIfAbsent(id + event.name(), "AWS::Scheduler::Schedule");
            case "SQS", "DynamoDB", "Kinesis", "MSK", "MQ", "SelfManagedKafka", "DocumentDB" ->
                resourceTypes.putIfAbsent(id + event.name(), "AWS::Lambda::EventSourceMapping");
            case "S3", "SNS" ->
                resourceTypes.putIfAbsent(
                    id + event.name() + "Permission", "AWS::Lambda::Permission");
            default -> {
              // other sources generate nothing Kinora references
            }
          }
        }
      }
      for (Resource api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
        extraRefs.add(api.logicalId() + ".Stage");
        extraRefs.add(api.logicalId() + ".DomainName");
        resourceTypes.putIfAbsent(
            api.logicalId() + "ApiGatewayDefaultStage", "AWS::ApiGatewayV2::Stage");
      }
      for (Resource api : template.resourcesOfType("AWS::Serverless::Api")) {
        extraRefs.add(api.logicalId() + ".Stage");
        extraRefs.add(api.logicalId() + ".Deployment");
        extraRefs.add(api.logicalId() + ".DomainName");
      }
      for (Resource machine : template.resourcesOfType("AWS::Serverless::StateMachine")) {
        if (!machine.properties().containsKey("Role")) {
          resourceTypes.putIfAbsent(machine.logicalId() + "Role", "AWS::IAM::Role");
        }
      }
    }

    /**
     * Each function's code exists and, when it is a jar, zip or directory, holds the handler class.
     */
    void functionCode() {
      for (FunctionDef function : template.functions()) {
        String at = "Resources." + function.logicalId() + ".Properties";
        Map<String, Object> p = function.properties();
        if ("Image".equals(p.get("PackageType"))) {
          continue;
        }
        if (p.containsKey("InlineCode")) {
          continue;
        }
        if (function.handler() == null) {
          error("required", at + ".Handler", "a zip-packaged function needs a Handler");
        }
        if (function.runtime() == null) {
          error("required", at + ".Runtime", "a zip-packaged function needs a Runtime");
        }
        if (function.codeUri() == null) {
          if (!(p.get("CodeUri") instanceof Map<?, ?>)) {
            error("required", at + ".CodeUri", "the function has no CodeUri");
          }
          continue;
        }
        if (function.codeUri().startsWith("s3://")) {
          continue;
        }
        Path code = template.directory().resolve(function.codeUri()).normalize();
        if (!Files.exists(code)) {
          error(
              "code-uri",
              at + ".CodeUri",
              "CodeUri "
                  + function.codeUri()
                  + " does not exist ("
                  + code
                  + "); build the function's module first (./mvnw package)");
          continue;
        }
        if (function.handler() != null
            && function.runtime() != null
            && function.runtime().startsWith("java")) {
          checkJavaHandler(function, code, at + ".Handler");
        }
      }
    }

    void checkJavaHandler(FunctionDef function, Path code, String at) {
      String handler = function.handler();
      int colons = handler.indexOf("::");
      String className = colons < 0 ? handler : handler.substring(0, colons);
      String method = colons < 0 ? "handleRequest" : handler.substring(colons + 2);
      String entry = className.replace('.', '/') + ".class";
      byte[] bytes;
      try {
        bytes = findClass(code, entry);
      } catch (IOException e) {
        error("handler", at, "cannot read " + code + ": " + e.getMessage());
        return;
      }
      if (bytes == null) {
        error(
            "handler",
            at,
            "handler class " + className + " (" + entry + ") is not in " + function.codeUri());
      } else if (!new String(bytes, StandardCharsets.ISO_8859_1).contains(method)) {
        warning(
            "handler", at, "handler class " + className + " does not declare a method " + method);
      }
    }

    // ---- IAM --------------------------------------------------------------------------------

    void inlinePolicies() {
      for (Resource resource : template.resources().values()) {
        String at = "Resources." + resource.logicalId() + ".Properties";
        Map<String, Object> p = resource.properties();
        String type = String.valueOf(resource.type());
        switch (type) {
          case "AWS::Serverless::Function", "AWS::Serverless::StateMachine" -> {
            Object policies = p.get("Policies");
            List<Object> items =
                policies instanceof List<?> list
                    ? Values.list(list)
                    : policies == null ? List.of() : List.of(policies);
            for (int i = 0; i < items.size(); i++) {
              Map<String, Object> item = Values.map(items.get(i));
              String where = at + ".Policies" + (policies instanceof List<?> ? "[" + i + "]" : "");
              if (items.get(i) instanceof String managed && isBroadManagedPolicy(managed)) {
                warning(
                    "iam-managed-policy",
                    where,
                    "managed policy "
                        + managed
                        + " grants far more than one function needs; prefer a SAM policy template"
                        + " or an inline statement");
              }
              if (item.containsKey("Statement")) {
                checkStatements(item.get("Statement"), where + ".Statement");
              }
            }
          }
          case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group" -> {
            List<Object> policies = Values.list(p.get("Policies"));
            for (int i = 0; i < policies.size(); i++) {
              Map<String, Object> document =
                  Values.map(Values.map(policies.get(i)).get("PolicyDocument"));
              checkStatements(
                  document.get("Statement"), at + ".Policies[" + i + "].PolicyDocument.Statement");
            }
          }
          case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy" ->
              checkStatements(
                  Values.map(p.get("PolicyDocument")).get("Statement"),
                  at + ".PolicyDocument.Statement");
          default -> {
            // resource policies (buckets, queues) grant to principals and are out of scope
          }
        }
      }
    }

    void checkStatements(Object statements, String at) {
      List<Object> list =
          statements instanceof List<?> l
              ? Values.list(l)
              : statements == null ? List.of() : List.of(statements);
      for (int i = 0; i < list.size(); i++) {
        Map<String, Object> statement = Values.map(list.get(i));
        String where = statements instanceof List<?> ? at + "[" + i + "]" : at;
        if ("Deny".equals(statement.get("Effect"))) {
          continue;
        }
        List<String> actions = strings(statement.get("Action"));
        for (String action : actions) {
          if (action.equals("*") || action.endsWith(":*")) {
            error(
                "iam-wildcard",
                where + ".Action",
                "action " + action + " grants every action; list the ones the function needs");
          }
        }
        if (statement.containsKey("NotAction")) {
          error(
              "iam-wildcard",
              where + ".NotAction",
              "Allow with NotAction grants almost everything");
        }
        boolean resourceStarAllowed =
            !actions.isEmpty() && ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS.containsAll(actions);
        if (strings(statement.get("Resource")).contains("*") && !resourceStarAllowed) {
          error(
              "iam-wildcard",
              where + ".Resource",
              "resource * grants access to every resource; name the ARNs (or !GetAtt/!Sub them)");
        }
      }
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  static boolean isCustom(String type) {
    return type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource");
  }

  static boolean isBroadManagedPolicy(String policy) {
    return policy.endsWith("FullAccess")
        || policy.endsWith("AdministratorAccess")
        || policy.endsWith("PowerUserAccess");
  }

  static boolean isNoValue(Object value) {
    return value instanceof Map<?, ?> map
        && map.size() == 1
        && "AWS::NoValue".equals(map.get("Ref"));
  }

  /** The strings of a string-or-list value; intrinsic functions and other values are skipped. */
  static List<String> strings(Object value) {
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  static String describe(Object value) {
    if (value instanceof Map<?, ?>) {
      return "a map";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    return String.valueOf(value);
  }

  static String article(String primitive) {
    return switch (primitive) {
      case "Integer" -> "an integer";
      case "Json" -> "a JSON object";
      default -> "a " + primitive.toLowerCase(java.util.Locale.ROOT);
    };
  }

  /**
   * The bytes of {@code entry} in the code: a directory (also its {@code lib/*.jar}), a jar or a
   * zip (also its nested {@code lib/*.jar}), or null when absent.
   */
  static byte[] findClass(Path code, String entry) throws IOException {
    if (Files.isDirectory(code)) {
      Path file = code.resolve(entry);
      if (Files.isRegularFile(file)) {
        return Files.readAllBytes(file);
      }
      Path lib = code.resolve("lib");
      if (Files.isDirectory(lib)) {
        try (Stream<Path> jars = Files.list(lib)) {
          for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
            try (InputStream in = Files.newInputStream(jar)) {
              byte[] found = findInZip(in, entry, false);
              if (found != null) {
                return found;
              }
            }
          }
        }
      }
      return null;
    }
    try (InputStream in = Files.newInputStream(code)) {
      return findInZip(in, entry, true);
    }
  }

  private static byte[] findInZip(InputStream in, String entry, boolean descend)
      throws IOException {
    ZipInputStream zip = new ZipInputStream(in);
    ZipEntry next;
    while ((next = zip.getNextEntry()) != null) {
      String name = next.getName();
      if (name.equals(entry)) {
        return zip.readAllBytes();
      }
      if (descend && name.startsWith("lib/") && name.endsWith(".jar")) {
        byte[] found =
            findInZip(new java.io.ByteArrayInputStream(zip.readAllBytes()), entry, false);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
