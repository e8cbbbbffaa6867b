#!/usr/bin/env bash
# Refreshes the CloudFormation resource specification the template validator checks template.yaml against.
#
#   tools/cfnspec/update.sh
#
# 1. `npm pack` of @aws-cdk/cfnspec at the pinned version (its spec/specification.json, ~9.7 MB, is the
#    CloudFormation resource specification in AWS's JSON format);
# 2. strips the "Documentation" and "UpdateType" fields and the outdated AWS::Serverless::* types (SAM types
#    come from sam-overlay.json instead), writes local/src/main/resources/cfnspec/cfn-resource-spec.json.gz;
# 3. regenerates local/src/main/resources/cfnspec/sam-overlay.json from tools/cfnspec/sam_overlay.py.
# Commit both outputs. Needs npm and python3.
set -euo pipefail

CFNSPEC_VERSION="2.72.1"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out_dir="$root/local/src/main/resources/cfnspec"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@aws-cdk/cfnspec@${CFNSPEC_VERSION}" >/dev/null && tar xzf aws-cdk-cfnspec-*.tgz)

python3 - "$work/package/spec/specification.json" "$out_dir/cfn-resource-spec.json.gz" "$CFNSPEC_VERSION" <<'PY'
import gzip, json, sys

source, target, package_version = sys.argv[1:4]
with open(source, encoding="utf-8") as f:
    spec = json.load(f)

def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in ("Documentation", "UpdateType")}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node

spec = strip(spec)
spec.pop("Fingerprint", None)
for section in ("ResourceTypes", "PropertyTypes"):
    spec[section] = {k: v for k, v in spec[section].items() if not k.startswith("AWS::Serverless::")}
spec["Source"] = f"npm @aws-cdk/cfnspec@{package_version} spec/specification.json"
data = json.dumps(spec, sort_keys=True, separators=(",", ":")).encode("utf-8")
with open(target, "wb") as f:
    f.write(gzip.compress(data, compresslevel=9, mtime=0))
print(f"{target}: specification {spec['ResourceSpecificationVersion']}, "
      f"{len(spec['ResourceTypes'])} resource types, {len(data)} bytes -> gzip")
PY

python3 "$here/sam_overlay.py" "$out_dir/sam-overlay.json"
ls -l "$out_dir"
