import type { z } from 'zod';
import { limits } from '../../contract/generated/limits.gen';
import type { ValidationIssue, VideoMetadata, VideoVisibility } from '../../contract/generated/types.gen';
import { zCompleteUploadBody } from '../../contract/generated/zod.gen';

/** The details form as typed: tags and categories are comma-separated text until submitted. */
export interface MetadataDraft {
  title: string;
  description: string;
  tags: string;
  categories: string;
  visibility: VideoVisibility;
}

export type MetadataField = keyof MetadataDraft;
export type MetadataErrors = Partial<Record<MetadataField, string>>;

const fields = zCompleteUploadBody.shape;
const FIELD_NAMES: readonly MetadataField[] = ['title', 'description', 'tags', 'categories', 'visibility'];

/** "holiday_2026.final.mp4" → "holiday_2026.final", cut to the longest title allowed. */
export function defaultTitle(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const base = (dot > 0 ? fileName.slice(0, dot) : fileName).trim();
  return (base === '' ? fileName : base).slice(0, limits.video.title.max);
}

export function initialDraft(fileName: string): MetadataDraft {
  return { title: defaultTitle(fileName), description: '', tags: '', categories: '', visibility: 'public' };
}

/** "cats, funny , cats" → ["cats", "funny"]. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(',').map((item) => item.trim()))].filter((item) => item !== '');
}

function describe(field: MetadataField, issue: z.core.$ZodIssue, value: unknown): string {
  const listItem = issue.path.length > 0;
  const noun = field === 'tags' ? 'tag' : 'category';
  switch (issue.code) {
    case 'too_small':
      return field === 'title' ? 'Give your video a title.' : 'This cannot be empty.';
    case 'too_big':
      if (field === 'tags' || field === 'categories') {
        if (!listItem) return `Use at most ${String(issue.maximum)} ${field}.`;
        const item = Array.isArray(value) ? String(value[Number(issue.path[0])]) : '';
        return `Each ${noun} can have at most ${String(issue.maximum)} characters ("${item.slice(0, 20)}…" is longer).`;
      }
      return `Use at most ${String(issue.maximum)} characters.`;
    default:
      return issue.message;
  }
}

/** Checks the draft against the generated VideoMetadata schema, field by field. */
export function validateMetadata(draft: MetadataDraft): { metadata?: VideoMetadata; errors: MetadataErrors } {
  const description = draft.description.trim();
  const candidate: VideoMetadata = {
    title: draft.title.trim(),
    ...(description === '' ? {} : { description }),
    tags: splitList(draft.tags),
    categories: splitList(draft.categories),
    visibility: draft.visibility,
  };
  const errors: MetadataErrors = {};
  for (const field of FIELD_NAMES) {
    const value = candidate[field];
    const result = fields[field].safeParse(value);
    const issue = result.success ? undefined : result.error.issues[0];
    if (issue) errors[field] = describe(field, issue, value);
  }
  return Object.keys(errors).length > 0 ? { errors } : { metadata: candidate, errors };
}

/** A VALIDATION_ERROR's issues (`/title`, `/tags/3`) on the fields they name; the rest as one form message. */
export function serverErrors(issues: readonly ValidationIssue[]): { fields: MetadataErrors; form?: string } {
  const result: MetadataErrors = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const name = FIELD_NAMES.find((field) => field === issue.path.split('/')[1]);
    if (name) result[name] ??= issue.message;
    else rest.push(issue.message);
  }
  return rest.length > 0 ? { fields: result, form: rest.join(' ') } : { fields: result };
}
