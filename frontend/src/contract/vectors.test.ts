// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { toValidationIssues } from '../lib/api/issues';
import * as contract from './generated/zod.gen';

// Java (JUnit) runs the same files: both sides must reach the same verdicts (docs/conventions.md).
const vectorsDir = fileURLToPath(new URL('../../../shared/contract/vectors/', import.meta.url));

const zVectorFile = z.object({
  schema: z.string(),
  cases: z
    .array(
      z.object({
        name: z.string(),
        payload: z.unknown(),
        valid: z.boolean(),
        paths: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});

function generatedSchema(name: string): z.ZodType {
  const schema: unknown = (contract as Record<string, unknown>)[`z${name}`];
  if (!(schema instanceof z.ZodType)) {
    throw new Error(`no generated zod schema for component "${name}"`);
  }
  return schema;
}

const files = readdirSync(vectorsDir)
  .filter((file) => file.endsWith('.json'))
  .sort();

test('contractVectorsExist', () => {
  expect(files.length).toBeGreaterThan(0);
});

describe.each(files)('%s', (file) => {
  const vectors = zVectorFile.parse(JSON.parse(readFileSync(`${vectorsDir}${file}`, 'utf8')));
  const schema = generatedSchema(vectors.schema);

  test.each(vectors.cases)('$name', (vector) => {
    const result = schema.safeParse(vector.payload);
    const reported = result.success ? [] : toValidationIssues(result.error.issues).map((issue) => issue.path);

    expect({ valid: result.success, issues: reported }).toMatchObject({ valid: vector.valid });
    for (const path of vector.paths ?? []) {
      expect(reported).toContain(path);
    }
  });
});
