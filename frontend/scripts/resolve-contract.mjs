// Resolves the `x-kinora-limits` bindings of openapi.yaml with the numbers in limits.json
// (docs/conventions.md: schemas carry no literal limit numbers; each runtime resolves the bindings).
import { parse } from 'yaml';

const BINDING = 'x-kinora-limits';

/** Looks up a dot path (`video.title.max`) in limits.json; a missing path is a contract bug. */
export function lookupLimit(limits, dotPath) {
  let value = limits;
  for (const segment of dotPath.split('.')) {
    if (value === null || typeof value !== 'object' || !(segment in value)) {
      throw new Error(`x-kinora-limits: "${dotPath}" is not a path in limits.json`);
    }
    value = value[segment];
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    throw new Error(`x-kinora-limits: "${dotPath}" names an object, not a number or a list`);
  }
  return value;
}

function resolveNode(node, limits, pointer) {
  if (Array.isArray(node)) {
    return node.map((item, index) => resolveNode(item, limits, `${pointer}/${index}`));
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const resolved = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== BINDING) {
      resolved[key] = resolveNode(value, limits, `${pointer}/${key}`);
    }
  }
  const bindings = node[BINDING];
  if (bindings !== undefined) {
    for (const [keyword, dotPath] of Object.entries(bindings)) {
      if (keyword in node) {
        throw new Error(`${pointer}: "${keyword}" is both literal and bound by ${BINDING}`);
      }
      resolved[keyword] = lookupLimit(limits, dotPath);
    }
  }
  return resolved;
}

/** Returns the OpenAPI document with every binding replaced by its value from limits. */
export function resolveContract(openapiYaml, limits) {
  return resolveNode(parse(openapiYaml), limits, '#');
}
