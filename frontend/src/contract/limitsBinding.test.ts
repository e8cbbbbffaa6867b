// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { z } from 'zod';
import { toValidationIssues } from '../lib/api/issues';
import { limits } from './generated/limits.gen';
import { zUploadInitRequest, zVideoMetadata } from './generated/zod.gen';

// Proves the numbers reach the zod schemas from limits.json (through the x-kinora-limits bindings of
// openapi.yaml), rather than living in the generated code: change limits.json, regenerate, behaviour changes.
const run = promisify(execFile);
const frontendDir = fileURLToPath(new URL('../../', import.meta.url));
const limitsFile = fileURLToPath(new URL('../../../shared/contract/limits.json', import.meta.url));

interface Generated {
  zVideoMetadata: z.ZodType;
  zUploadInitRequest: z.ZodType;
}

let workDir: string;
let generation = 0;

beforeAll(async () => {
  // Inside frontend/ so the generated module resolves `zod` from this package.
  workDir = await mkdtemp(path.join(frontendDir, '.tmp-limits-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function generateWith(change: (limits: Record<string, unknown>) => void): Promise<Generated> {
  const changed = JSON.parse(await readFile(limitsFile, 'utf8')) as Record<string, unknown>;
  change(changed);
  generation += 1;
  const changedFile = path.join(workDir, `limits-${String(generation)}.json`);
  const outDir = path.join(workDir, `generated-${String(generation)}`);
  await writeFile(changedFile, JSON.stringify(changed));
  await run(process.execPath, ['scripts/generate-contract.mjs', '--limits', changedFile, '--out', outDir], {
    cwd: frontendDir,
  });
  return (await import(/* @vite-ignore */ path.join(outDir, 'zod.gen.ts'))) as Generated;
}

function issuePaths(schema: z.ZodType, payload: unknown): string[] {
  const result = schema.safeParse(payload);
  return result.success ? [] : toValidationIssues(result.error.issues).map((issue) => issue.path);
}

const loweredTitleMax = limits.video.title.max - 1;
const [keptMimeType, removedMimeType] = limits.upload.allowedMimeTypes;
let changed: Generated;

beforeAll(async () => {
  // One regeneration with two changed limits keeps the suite fast.
  changed = await generateWith((values) => {
    const typed = values as { video: { title: { max: number } }; upload: { allowedMimeTypes: string[] } };
    typed.video.title.max = loweredTitleMax;
    typed.upload.allowedMimeTypes = [keptMimeType];
  });
}, 60_000);

test('loweringTitleMaxInLimitsJsonShortensTheAcceptedTitle', () => {
  const atTheCommittedLimit = { title: 'a'.repeat(limits.video.title.max), visibility: 'public' };

  expect(issuePaths(zVideoMetadata, atTheCommittedLimit)).toEqual([]);
  expect(issuePaths(changed.zVideoMetadata, atTheCommittedLimit)).toEqual(['/title']);
  expect(issuePaths(changed.zVideoMetadata, { ...atTheCommittedLimit, title: 'a'.repeat(loweredTitleMax) })).toEqual(
    [],
  );
});

test('removingAMimeTypeFromLimitsJsonRejectsIt', () => {
  const upload = { filename: 'clip', fileSize: limits.upload.minFileSizeBytes, mimeType: removedMimeType };

  expect(issuePaths(zUploadInitRequest, upload)).toEqual([]);
  expect(issuePaths(changed.zUploadInitRequest, upload)).toEqual(['/mimeType']);
});

test('bindingToAMissingLimitFailsGeneration', async () => {
  await expect(
    generateWith((values) => {
      delete (values as { video: { title?: unknown } }).video.title;
    }),
  ).rejects.toThrow(/video\.title\.(min|max)" is not a path in limits\.json/);
}, 30_000);
