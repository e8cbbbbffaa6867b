import { useId, useState, type SyntheticEvent } from 'react';
import { limits } from '../../contract/generated/limits.gen';
import type { VideoMetadata, VideoVisibility } from '../../contract/generated/types.gen';
import type { UploadSnapshot } from './engine/uploadEngine';
import {
  initialDraft,
  serverErrors,
  validateMetadata,
  type MetadataDraft,
  type MetadataErrors,
  type MetadataField,
} from './metadata';
import styles from './UploadStudio.module.css';

const VISIBILITY: { value: VideoVisibility; label: string; hint: string }[] = [
  { value: 'public', label: 'Public', hint: 'Everyone can find and watch it.' },
  { value: 'unlisted', label: 'Unlisted', hint: 'Anyone with the link can watch it.' },
  { value: 'private', label: 'Private', hint: 'Only you can watch it.' },
];

const TEXT_FIELDS: readonly MetadataField[] = ['title', 'description', 'tags', 'categories'];

interface MetadataFormProps {
  snapshot: UploadSnapshot;
  onPublish: (metadata: VideoMetadata) => void;
  onEdit: () => void;
}

/**
 * The video's details, editable while the bytes upload. Submitting before the upload finishes queues the publish:
 * the engine completes the upload with these details as soon as the last part is stored.
 */
export function MetadataForm({ snapshot, onPublish, onEdit }: MetadataFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<MetadataDraft>(() => initialDraft(snapshot.fileName));
  const [errors, setErrors] = useState<MetadataErrors>({});

  const { phase, publishRequested, problem } = snapshot;
  const fromServer = problem?.issues ? serverErrors(problem.issues) : undefined;
  const shown: MetadataErrors = { ...fromServer?.fields, ...errors };
  const locked = publishRequested || !['preparing', 'uploading', 'waiting', 'paused', 'uploaded'].includes(phase);
  const bytesDone = phase === 'uploaded';

  function update(field: MetadataField, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    if (errors[field] !== undefined) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function onSubmit(event: SyntheticEvent<HTMLFormElement, SubmitEvent>) {
    event.preventDefault();
    const checked = validateMetadata(draft);
    setErrors(checked.errors);
    if (!checked.metadata) {
      const first = TEXT_FIELDS.find((field) => checked.errors[field] !== undefined);
      const element = first ? event.currentTarget.elements.namedItem(first) : null;
      if (element instanceof HTMLElement) element.focus();
      return;
    }
    onPublish(checked.metadata);
  }

  function fieldProps(field: MetadataField, hint?: string) {
    const error = shown[field];
    const describedBy = [hint ? `${id}-${field}-hint` : undefined, error ? `${id}-${field}-error` : undefined]
      .filter(Boolean)
      .join(' ');
    return {
      id: `${id}-${field}`,
      name: field,
      value: draft[field],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
    };
  }

  function messages(field: MetadataField, hint?: string) {
    const error = shown[field];
    return (
      <>
        {hint && (
          <p id={`${id}-${field}-hint`} className={styles.hint}>
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-${field}-error`} className={styles.fieldError}>
            {error}
          </p>
        )}
      </>
    );
  }

  const tagsHint = `Separate with commas; up to ${limits.video.tags.maxItems}.`;
  const categoriesHint = `Separate with commas; up to ${limits.video.categories.maxItems}.`;

  return (
    <form className={styles.details} noValidate onSubmit={onSubmit} aria-label={`Details of ${snapshot.fileName}`}>
      <fieldset className={styles.detailsFields} disabled={locked}>
        <div className={`${styles.field} ${styles.wide}`}>
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            {...fieldProps('title')}
            type="text"
            maxLength={limits.video.title.max}
            onChange={(event) => {
              update('title', event.target.value);
            }}
          />
          {messages('title')}
        </div>
        <div className={`${styles.field} ${styles.wide}`}>
          <label htmlFor={`${id}-description`}>Description</label>
          <textarea
            {...fieldProps('description')}
            rows={3}
            maxLength={limits.video.description.max}
            onChange={(event) => {
              update('description', event.target.value);
            }}
          />
          {messages('description')}
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-tags`}>Tags</label>
          <input
            {...fieldProps('tags', tagsHint)}
            type="text"
            onChange={(event) => {
              update('tags', event.target.value);
            }}
          />
          {messages('tags', tagsHint)}
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-categories`}>Categories</label>
          <input
            {...fieldProps('categories', categoriesHint)}
            type="text"
            onChange={(event) => {
              update('categories', event.target.value);
            }}
          />
          {messages('categories', categoriesHint)}
        </div>
        <fieldset className={`${styles.visibility} ${styles.wide}`}>
          <legend>Visibility</legend>
          {VISIBILITY.map((option) => (
            <label key={option.value} className={styles.choice}>
              <input
                type="radio"
                name={`${id}-visibility`}
                value={option.value}
                checked={draft.visibility === option.value}
                onChange={() => {
                  update('visibility', option.value);
                }}
              />
              {option.label}
              <span className={styles.choiceHint}>{option.hint}</span>
            </label>
          ))}
        </fieldset>
      </fieldset>
      {fromServer?.form && (
        <p role="alert" className={styles.problem}>
          {fromServer.form}
        </p>
      )}
      <div className={styles.detailsActions}>
        {publishRequested && phase !== 'publishing' && phase !== 'published' ? (
          <>
            <p className={styles.hint} role="status">
              Details saved. The video is published as soon as the upload finishes.
            </p>
            <button type="button" className="button button-ghost" onClick={onEdit}>
              Edit details
            </button>
          </>
        ) : (
          <button type="submit" className="button button-primary" disabled={locked}>
            {phase === 'publishing' ? 'Publishing…' : bytesDone ? 'Publish' : 'Publish when uploaded'}
          </button>
        )}
      </div>
    </form>
  );
}
