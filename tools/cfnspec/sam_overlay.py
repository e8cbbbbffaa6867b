#!/usr/bin/env python3
"""Writes local/src/main/resources/cfnspec/sam-overlay.json.

The CloudFormation resource specification has no (current) AWS::Serverless::* types, so this script
declares them in the same JSON format, following the AWS SAM translator schema
(aws/serverless-application-model v1.110.0, schema_source/sam.schema.json and
samtranslator/internal/schema_source/*.py). Edit this file, not the JSON, then run tools/cfnspec/update.sh.

Extensions to the specification format that the Java validator (TemplateValidator) understands:
  - "Type"/"ItemType" may name a property type of another resource with its full name, e.g.
    "AWS::Lambda::Function.SnapStart": SAM passes these properties through to the generated resource.
  - "PassThrough": "AWS::Lambda::Function.MemorySize" in place of a type: SAM copies the property unchanged to
    the resource it generates, so it has exactly that CloudFormation property's shape.
  - "PrimitiveTypes"/"Types" (already used by older SAM specs): the value may be any of the listed kinds;
    "PrimitiveItemTypes" likewise for the items of a List.
  - "Discriminator" on a property type: {"Property": "Type", "Target": "Properties", "Types": {value: type}}
    validates the "Target" property against the type named by the "Property" value (SAM event sources).
  - top-level "Globals": the keys SAM allows in each Globals section.
  - top-level "overlay": additions to the CloudFormation spec for properties newer than the vendored spec.
"""
import json
import os
import sys

SAM_VERSION = "1.110.0"


def s(required=False):
    return {"PrimitiveType": "String", "Required": required}


def i(required=False):
    return {"PrimitiveType": "Integer", "Required": required}


def b(required=False):
    return {"PrimitiveType": "Boolean", "Required": required}


def j(required=False):
    return {"PrimitiveType": "Json", "Required": required}


def t(name, required=False):
    return {"Type": name, "Required": required}


def str_list(required=False):
    return {"Type": "List", "PrimitiveItemType": "String", "Required": required}


def str_map(required=False):
    return {"Type": "Map", "PrimitiveItemType": "String", "Required": required}


def any_of(primitives=(), types=(), required=False):
    out = {"Required": required}
    if primitives:
        out["PrimitiveTypes"] = list(primitives)
    if types:
        out["Types"] = list(types)
    return out


def cfn(resource, prop, required=False):
    """A property SAM passes through unchanged to `resource`: same shape as there."""
    return {"PassThrough": f"{resource}.{prop}", "Required": required}


LAMBDA = "AWS::Lambda::Function"
ESM = "AWS::Lambda::EventSourceMapping"
SCHEDULE = "AWS::Scheduler::Schedule"
RULE = "AWS::Events::Rule"
API_V2 = "AWS::ApiGatewayV2::Api"
STAGE_V2 = "AWS::ApiGatewayV2::Stage"
REST = "AWS::ApiGateway::RestApi"
STAGE = "AWS::ApiGateway::Stage"
TABLE = "AWS::DynamoDB::Table"
LAYER = "AWS::Lambda::LayerVersion"
SFN = "AWS::StepFunctions::StateMachine"
POLICIES = any_of(primitives=["String", "Json"])  # a name, a policy document, or a list of either

FN = "AWS::Serverless::Function"

function_properties = {
    "Architectures": cfn(LAMBDA, "Architectures"),
    "AssumeRolePolicyDocument": j(),
    "AutoPublishAlias": s(),
    "AutoPublishAliasAllProperties": b(),
    "AutoPublishCodeSha256": s(),
    "CapacityProviderConfig": j(),
    "CodeSigningConfigArn": cfn(LAMBDA, "CodeSigningConfigArn"),
    "CodeUri": any_of(primitives=["String"], types=["S3Location"]),
    "DeadLetterQueue": t("DeadLetterQueue"),
    "DeploymentPreference": t("DeploymentPreference"),
    "Description": cfn(LAMBDA, "Description"),
    "DurableConfig": j(),
    "Environment": cfn(LAMBDA, "Environment"),
    "EphemeralStorage": cfn(LAMBDA, "EphemeralStorage"),
    "EventInvokeConfig": t("EventInvokeConfig"),
    "Events": {"Type": "Map", "ItemType": "EventSource", "Required": False},
    "FileSystemConfigs": cfn(LAMBDA, "FileSystemConfigs"),
    "FunctionName": cfn(LAMBDA, "FunctionName"),
    "FunctionScalingConfig": j(),
    "FunctionUrlConfig": t("FunctionUrlConfig"),
    "Handler": cfn(LAMBDA, "Handler"),
    "ImageConfig": cfn(LAMBDA, "ImageConfig"),
    "ImageUri": s(),
    "InlineCode": s(),
    "KmsKeyArn": cfn(LAMBDA, "KmsKeyArn"),
    "Layers": cfn(LAMBDA, "Layers"),
    "LoggingConfig": cfn(LAMBDA, "LoggingConfig"),
    "MemorySize": cfn(LAMBDA, "MemorySize"),
    "PackageType": cfn(LAMBDA, "PackageType"),
    "PermissionsBoundary": s(),
    "Policies": POLICIES,
    "PropagateTags": b(),
    "ProvisionedConcurrencyConfig": t("ProvisionedConcurrencyConfig"),
    "PublishToLatestPublished": b(),
    "RecursiveLoop": cfn(LAMBDA, "RecursiveLoop"),
    "ReservedConcurrentExecutions": cfn(LAMBDA, "ReservedConcurrentExecutions"),
    "Role": s(),
    "RolePath": s(),
    "Runtime": cfn(LAMBDA, "Runtime"),
    "RuntimeManagementConfig": cfn(LAMBDA, "RuntimeManagementConfig"),
    "SnapStart": cfn(LAMBDA, "SnapStart"),
    "SourceKMSKeyArn": s(),
    "Tags": str_map(),
    "TenancyConfig": j(),
    "Timeout": cfn(LAMBDA, "Timeout"),
    "Tracing": s(),
    "VersionDeletionPolicy": s(),
    "VersionDescription": s(),
    "VpcConfig": cfn(LAMBDA, "VpcConfig"),
}

dead_letter_config = {"Arn": s(), "QueueLogicalId": s(), "Type": s()}

function_types = {
    "S3Location": {"Bucket": s(True), "Key": s(True), "Version": s()},
    "DeadLetterQueue": {"TargetArn": s(True), "Type": s(True)},
    "DeploymentPreference": {
        "Alarms": j(), "Enabled": b(), "Hooks": t("Hooks"), "PassthroughCondition": b(),
        "Role": s(), "TriggerConfigurations": j(), "Type": s(),
    },
    "Hooks": {"PostTraffic": s(), "PreTraffic": s()},
    "EventInvokeConfig": {
        "DestinationConfig": t("EventInvokeDestinationConfig"),
        "MaximumEventAgeInSeconds": i(), "MaximumRetryAttempts": i(),
    },
    "EventInvokeDestinationConfig": {"OnFailure": t("EventInvokeTarget"), "OnSuccess": t("EventInvokeTarget")},
    "EventInvokeTarget": {"Destination": s(), "Type": s()},
    "FunctionUrlConfig": {
        "AuthType": s(True), "Cors": cfn("AWS::Lambda::Url", "Cors"), "InvokeMode": cfn("AWS::Lambda::Url", "InvokeMode"),
    },
    "ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": i(True)},
    "DeadLetterConfig": dead_letter_config,
    # event sources: the "Properties" of each Events entry, chosen by its "Type"
    "HttpApiEventProperties": {
        "ApiId": s(), "Auth": t("HttpApiAuth"), "Method": s(), "Path": s(), "PayloadFormatVersion": s(),
        "RouteSettings": cfn(STAGE_V2, "RouteSettings"), "TimeoutInMillis": i(),
    },
    "HttpApiAuth": {"AuthorizationScopes": str_list(), "Authorizer": s()},
    "ApiEventProperties": {
        "Auth": j(), "Method": s(True), "Path": s(True), "RequestModel": t("RequestModel"),
        "RequestParameters": {"Type": "List", "PrimitiveItemTypes": ["String", "Json"], "Required": False},
        "ResponseTransferMode": s(), "RestApiId": s(), "TimeoutInMillis": i(),
    },
    "RequestModel": {"Model": s(True), "Required": b(), "ValidateBody": b(), "ValidateParameters": b()},
    "SQSEventProperties": {
        "BatchSize": cfn(ESM, "BatchSize"), "Enabled": cfn(ESM, "Enabled"),
        "FilterCriteria": cfn(ESM, "FilterCriteria"), "FunctionResponseTypes": cfn(ESM, "FunctionResponseTypes"),
        "KmsKeyArn": s(), "MaximumBatchingWindowInSeconds": cfn(ESM, "MaximumBatchingWindowInSeconds"),
        "MetricsConfig": j(), "Queue": s(True), "ScalingConfig": cfn(ESM, "ScalingConfig"),
    },
    "S3EventProperties": {
        "Bucket": s(True),
        "Events": any_of(primitives=["String", "Json"], required=True),
        "Filter": t("AWS::S3::Bucket.NotificationFilter"),
    },
    "ScheduleEventProperties": {
        "DeadLetterConfig": t("DeadLetterConfig"), "Description": cfn(RULE, "Description"), "Enabled": b(),
        "Input": s(), "Name": cfn(RULE, "Name"), "RetryPolicy": j(),
        "Schedule": cfn(RULE, "ScheduleExpression"), "State": cfn(RULE, "State"),
    },
    "ScheduleV2EventProperties": {
        "DeadLetterConfig": t("DeadLetterConfig"), "Description": cfn(SCHEDULE, "Description"),
        "EndDate": cfn(SCHEDULE, "EndDate"), "FlexibleTimeWindow": cfn(SCHEDULE, "FlexibleTimeWindow"),
        "GroupName": cfn(SCHEDULE, "GroupName"), "Input": s(), "KmsKeyArn": cfn(SCHEDULE, "KmsKeyArn"),
        "Name": cfn(SCHEDULE, "Name"), "OmitName": b(), "PermissionsBoundary": s(), "RetryPolicy": j(),
        "RoleArn": s(), "ScheduleExpression": cfn(SCHEDULE, "ScheduleExpression"),
        "ScheduleExpressionTimezone": cfn(SCHEDULE, "ScheduleExpressionTimezone"),
        "StartDate": cfn(SCHEDULE, "StartDate"), "State": cfn(SCHEDULE, "State"),
    },
    "DynamoDBEventProperties": {
        "BatchSize": cfn(ESM, "BatchSize"), "BisectBatchOnFunctionError": cfn(ESM, "BisectBatchOnFunctionError"),
        "DestinationConfig": cfn(ESM, "DestinationConfig"), "Enabled": cfn(ESM, "Enabled"),
        "FilterCriteria": cfn(ESM, "FilterCriteria"), "FunctionResponseTypes": cfn(ESM, "FunctionResponseTypes"),
        "KmsKeyArn": s(), "MaximumBatchingWindowInSeconds": cfn(ESM, "MaximumBatchingWindowInSeconds"),
        "MaximumRecordAgeInSeconds": cfn(ESM, "MaximumRecordAgeInSeconds"),
        "MaximumRetryAttempts": cfn(ESM, "MaximumRetryAttempts"), "MetricsConfig": j(),
        "ParallelizationFactor": cfn(ESM, "ParallelizationFactor"), "StartingPosition": cfn(ESM, "StartingPosition"),
        "StartingPositionTimestamp": cfn(ESM, "StartingPositionTimestamp"), "Stream": s(True),
        "TumblingWindowInSeconds": cfn(ESM, "TumblingWindowInSeconds"),
    },
    "EventBridgeRuleEventProperties": {
        "DeadLetterConfig": t("DeadLetterConfig"), "EventBusName": cfn(RULE, "EventBusName"), "Input": s(),
        "InputPath": s(), "InputTransformer": j(), "Pattern": j(True), "RetryPolicy": j(),
        "RuleName": cfn(RULE, "Name"), "State": cfn(RULE, "State"), "Target": t("EventBridgeRuleTarget"),
    },
    "EventBridgeRuleTarget": {"Id": s(True)},
    "CloudWatchEventEventProperties": {
        "Enabled": b(), "EventBusName": cfn(RULE, "EventBusName"), "Input": s(), "InputPath": s(),
        "Pattern": j(), "State": cfn(RULE, "State"),
    },
    # kept loose (Json) until Kinora uses them: SAM still checks them on deploy
    "SNSEventProperties": {"FilterPolicy": j(), "FilterPolicyScope": s(), "Region": s(), "SqsSubscription": j(), "Topic": s(True)},
    "KinesisEventProperties": {"Stream": s(True), "StartingPosition": s(), "BatchSize": i(), "Enabled": b(),
                               "FilterCriteria": j(), "FunctionResponseTypes": str_list(), "KmsKeyArn": s(),
                               "MaximumBatchingWindowInSeconds": i(), "MaximumRecordAgeInSeconds": i(),
                               "MaximumRetryAttempts": i(), "BisectBatchOnFunctionError": b(),
                               "DestinationConfig": j(), "MetricsConfig": j(), "ParallelizationFactor": i(),
                               "StartingPositionTimestamp": j(), "TumblingWindowInSeconds": i()},
    "CloudWatchLogsEventProperties": {"FilterPattern": s(True), "LogGroupName": s(True)},
    "FreeFormEventProperties": {},
}

event_types = {
    "HttpApi": "HttpApiEventProperties",
    "Api": "ApiEventProperties",
    "SQS": "SQSEventProperties",
    "S3": "S3EventProperties",
    "Schedule": "ScheduleEventProperties",
    "ScheduleV2": "ScheduleV2EventProperties",
    "DynamoDB": "DynamoDBEventProperties",
    "EventBridgeRule": "EventBridgeRuleEventProperties",
    "CloudWatchEvent": "CloudWatchEventEventProperties",
    "SNS": "SNSEventProperties",
    "Kinesis": "KinesisEventProperties",
    "CloudWatchLogs": "CloudWatchLogsEventProperties",
    # accepted but not modelled (Kinora does not use them): properties are only checked to be a map
    "DocumentDB": "FreeFormEventProperties",
    "IoTRule": "FreeFormEventProperties",
    "AlexaSkill": "FreeFormEventProperties",
    "Cognito": "FreeFormEventProperties",
    "MSK": "FreeFormEventProperties",
    "MQ": "FreeFormEventProperties",
    "SelfManagedKafka": "FreeFormEventProperties",
}


def property_type(props):
    return {"Properties": props}


def event_source(types):
    return {
        "Properties": {"Type": s(True), "Properties": j()},
        "Discriminator": {"Property": "Type", "Target": "Properties", "Types": types},
    }


resource_types = {
    FN: {
        "Properties": function_properties,
        # GetAtt works on the AWS::Lambda::Function SAM generates with the same logical id
        "Attributes": {"Arn": {"PrimitiveType": "String"}, "SnapStartResponse.ApplyOn": {"PrimitiveType": "String"},
                       "SnapStartResponse.OptimizationStatus": {"PrimitiveType": "String"}},
    },
    "AWS::Serverless::HttpApi": {
        "Properties": {
            "AccessLogSettings": cfn(STAGE_V2, "AccessLogSettings"), "Auth": j(),
            "CorsConfiguration": any_of(primitives=["Boolean"], types=["AWS::ApiGatewayV2::Api.Cors"]),
            "DefaultRouteSettings": cfn(STAGE_V2, "DefaultRouteSettings"), "DefinitionBody": j(),
            "DefinitionUri": any_of(primitives=["String"], types=["DefinitionUri"]), "Description": s(),
            "DisableExecuteApiEndpoint": cfn(API_V2, "DisableExecuteApiEndpoint"), "Domain": j(),
            "FailOnWarnings": cfn(API_V2, "FailOnWarnings"), "Name": cfn(API_V2, "Name"), "PropagateTags": b(),
            "RouteSettings": cfn(STAGE_V2, "RouteSettings"), "StageName": s(),
            "StageVariables": cfn(STAGE_V2, "StageVariables"), "Tags": str_map(),
        },
        "Attributes": {"ApiEndpoint": {"PrimitiveType": "String"}, "ApiId": {"PrimitiveType": "String"}},
    },
    "AWS::Serverless::Api": {
        "Properties": {
            "AccessLogSetting": cfn(STAGE, "AccessLogSetting"), "AlwaysDeploy": b(),
            "ApiKeySourceType": cfn(REST, "ApiKeySourceType"), "Auth": j(),
            "BinaryMediaTypes": cfn(REST, "BinaryMediaTypes"), "CacheClusterEnabled": cfn(STAGE, "CacheClusterEnabled"),
            "CacheClusterSize": cfn(STAGE, "CacheClusterSize"), "CanarySetting": cfn(STAGE, "CanarySetting"),
            "Cors": any_of(primitives=["String", "Json"]), "DefinitionBody": j(),
            "DefinitionUri": any_of(primitives=["String"], types=["DefinitionUri"]),
            "Description": cfn(STAGE, "Description"), "DisableExecuteApiEndpoint": cfn(REST, "DisableExecuteApiEndpoint"),
            "Domain": j(), "EndpointAccessMode": s(), "EndpointConfiguration": any_of(primitives=["String", "Json"]),
            "FailOnWarnings": cfn(REST, "FailOnWarnings"), "GatewayResponses": j(), "MergeDefinitions": b(),
            "MethodSettings": cfn(STAGE, "MethodSettings"), "MinimumCompressionSize": cfn(REST, "MinimumCompressionSize"),
            "Mode": cfn(REST, "Mode"), "Models": j(), "Name": cfn(REST, "Name"),
            "OpenApiVersion": s(), "Policy": j(), "PropagateTags": b(), "SecurityPolicy": s(),
            "StageName": s(True), "Tags": str_map(), "TracingEnabled": cfn(STAGE, "TracingEnabled"),
            "Variables": cfn(STAGE, "Variables"),
        },
        "Attributes": {"RootResourceId": {"PrimitiveType": "String"}},
    },
    "AWS::Serverless::LayerVersion": {
        "Properties": {
            "CompatibleArchitectures": cfn(LAYER, "CompatibleArchitectures"),
            "CompatibleRuntimes": cfn(LAYER, "CompatibleRuntimes"),
            "ContentUri": any_of(primitives=["String"], types=["ContentUri"], required=True),
            "Description": cfn(LAYER, "Description"), "LayerName": cfn(LAYER, "LayerName"),
            "LicenseInfo": cfn(LAYER, "LicenseInfo"), "PublishLambdaVersion": b(), "RetentionPolicy": s(),
        },
        "Attributes": {},
    },
    "AWS::Serverless::SimpleTable": {
        "Properties": {
            "PointInTimeRecoverySpecification": cfn(TABLE, "PointInTimeRecoverySpecification"),
            "PrimaryKey": t("PrimaryKey"), "ProvisionedThroughput": cfn(TABLE, "ProvisionedThroughput"),
            "SSESpecification": cfn(TABLE, "SSESpecification"), "TableName": cfn(TABLE, "TableName"),
            "Tags": str_map(),
        },
        "Attributes": {"Arn": {"PrimitiveType": "String"}, "StreamArn": {"PrimitiveType": "String"}},
    },
    "AWS::Serverless::StateMachine": {
        "Properties": {
            "AutoPublishAlias": s(), "Definition": j(), "DefinitionSubstitutions": j(),
            "DefinitionUri": any_of(primitives=["String", "Json"]), "DeploymentPreference": j(),
            "Events": {"Type": "Map", "ItemType": "EventSource", "Required": False},
            "Logging": cfn(SFN, "LoggingConfiguration"), "Name": cfn(SFN, "StateMachineName"),
            "PermissionsBoundary": s(), "Policies": POLICIES, "PropagateTags": b(), "Role": s(), "RolePath": s(),
            "Tags": str_map(), "Tracing": cfn(SFN, "TracingConfiguration"), "Type": cfn(SFN, "StateMachineType"),
            "UseAliasAsEventTarget": b(),
        },
        "Attributes": {"Arn": {"PrimitiveType": "String"}, "Name": {"PrimitiveType": "String"}},
    },
}

property_types = {}
for name, props in function_types.items():
    property_types[f"{FN}.{name}"] = property_type(props)
property_types[f"{FN}.EventSource"] = event_source(event_types)
for api in ("AWS::Serverless::HttpApi", "AWS::Serverless::Api"):
    property_types[f"{api}.DefinitionUri"] = property_type({"Bucket": s(True), "Key": s(True), "Version": s()})
property_types["AWS::Serverless::LayerVersion.ContentUri"] = property_type(
    {"Bucket": s(True), "Key": s(True), "Version": s()})
property_types["AWS::Serverless::SimpleTable.PrimaryKey"] = property_type({"Name": s(True), "Type": s(True)})
property_types["AWS::Serverless::StateMachine.EventSource"] = event_source({
    k: v for k, v in event_types.items() if k in ("Api", "Schedule", "ScheduleV2", "EventBridgeRule", "CloudWatchEvent")
})
for name in ("ApiEventProperties", "RequestModel", "ScheduleEventProperties", "ScheduleV2EventProperties",
             "EventBridgeRuleEventProperties", "EventBridgeRuleTarget", "CloudWatchEventEventProperties",
             "DeadLetterConfig"):
    property_types[f"AWS::Serverless::StateMachine.{name}"] = property_type(function_types[name])

globals_keys = {
    "Function": ["Architectures", "AssumeRolePolicyDocument", "AutoPublishAlias", "AutoPublishAliasAllProperties",
                 "CapacityProviderConfig", "CodeUri", "DeadLetterQueue", "DeploymentPreference", "Description",
                 "DurableConfig", "Environment", "EphemeralStorage", "EventInvokeConfig", "FileSystemConfigs",
                 "FunctionScalingConfig", "FunctionUrlConfig", "Handler", "KmsKeyArn", "Layers", "LoggingConfig",
                 "MemorySize", "PermissionsBoundary", "PropagateTags", "ProvisionedConcurrencyConfig",
                 "PublishToLatestPublished", "RecursiveLoop", "ReservedConcurrentExecutions", "RolePath", "Runtime",
                 "RuntimeManagementConfig", "SnapStart", "SourceKMSKeyArn", "Tags", "TenancyConfig", "Timeout",
                 "Tracing", "VersionDeletionPolicy", "VpcConfig"],
    "Api": ["AccessLogSetting", "AlwaysDeploy", "Auth", "BinaryMediaTypes", "CacheClusterEnabled",
            "CacheClusterSize", "CanarySetting", "Cors", "DefinitionUri", "Domain", "EndpointAccessMode",
            "EndpointConfiguration", "GatewayResponses", "MergeDefinitions", "MethodSettings",
            "MinimumCompressionSize", "Name", "OpenApiVersion", "PropagateTags", "SecurityPolicy",
            "TracingEnabled", "Variables"],
    "HttpApi": ["AccessLogSettings", "Auth", "CorsConfiguration", "DefaultRouteSettings", "Domain",
                "FailOnWarnings", "PropagateTags", "RouteSettings", "StageVariables", "Tags"],
    "LayerVersion": ["PublishLambdaVersion"],
    "SimpleTable": ["SSESpecification"],
    "StateMachine": ["PropagateTags"],
}

# Properties newer than CloudFormation resource specification 117.0.0 (the vendored one).
overlay = {
    "comment": "CloudFormation properties released after resource specification 117.0.0; merged into it.",
    "ResourceTypes": {
        LAMBDA: {"Properties": {"LoggingConfig": t("LoggingConfig"), "RecursiveLoop": s()}},
        "AWS::Logs::LogGroup": {"Properties": {"LogGroupClass": s()}},
    },
    "PropertyTypes": {
        "AWS::Lambda::Function.LoggingConfig": property_type(
            {"ApplicationLogLevel": s(), "LogFormat": s(), "LogGroup": s(), "SystemLogLevel": s()}),
    },
}

document = {
    "comment": (
        "AWS SAM resource types in CloudFormation resource specification format, following AWS SAM translator "
        f"v{SAM_VERSION} (github.com/aws/serverless-application-model, schema_source/sam.schema.json). "
        "Generated by tools/cfnspec/sam_overlay.py; edit that script, not this file."
    ),
    "SamVersion": SAM_VERSION,
    "ResourceTypes": resource_types,
    "PropertyTypes": property_types,
    "Globals": globals_keys,
    "overlay": overlay,
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "local", "src", "main", "resources", "cfnspec", "sam-overlay.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
