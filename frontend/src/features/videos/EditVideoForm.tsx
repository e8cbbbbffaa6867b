import { useId, useState, type SyntheticEvent } from 'react';
import { limits } from '../../contract/generated/limits.gen';
import type { VideoDetail, VideoVisibility } from '../../contract/generated/types.gen';
import { isApiError } from '../../lib/api/client';
import { useUpdateVideo } from './api/updateVideo';
import styles from './WatchPage.module.css';

const VISIBILITY: { value: VideoVisibility; label: string }[] = [
  { value: 'public', label: 'Public' },
  { value: 'unlisted', label: 'Unlisted' },
  { value: 'private', label: 'Private' },
];

/** The owner's edit of title, description and visibility (`PATCH /videos/{id}`, only the changed fields). */
export function EditVideoForm({ video, onDone }: { video: VideoDetail; onDone: () => void }) {
  const id = useId();
  const [title, setTitle] = useState(video.title);
  const [description, setDescription] = useState(video.description);
  const [visibility, setVisibility] = useState<VideoVisibility>(video.visibility);
  const update = useUpdateVideo(video.id);

  const issues = update.error && isApiError(update.error) ? update.error.issues : [];
  const issueAt = (path: string) => issues.find((issue) => issue.path === path)?.message;

  function onSubmit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes = {
      ...(title !== video.title ? { title: title.trim() } : {}),
      ...(description !== video.description ? { description } : {}),
      ...(visibility !== video.visibility ? { visibility } : {}),
    };
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(changes, { onSuccess: onDone });
  }

  return (
    <form className={styles.editForm} onSubmit={onSubmit} aria-label="Edit video details" noValidate>
      <label htmlFor={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        name="title"
        value={title}
        maxLength={limits.video.title.max}
        aria-invalid={issueAt('/title') ? true : undefined}
        aria-describedby={issueAt('/title') ? `${id}-title-error` : undefined}
        onChange={(event) => {
          setTitle(event.target.value);
        }}
      />
      {issueAt('/title') && <p id={`${id}-title-error`}>{issueAt('/title')}</p>}
      <label htmlFor={`${id}-description`}>Description</label>
      <textarea
        id={`${id}-description`}
        name="description"
        rows={4}
        value={description}
        maxLength={limits.video.description.max}
        onChange={(event) => {
          setDescription(event.target.value);
        }}
      />
      <label htmlFor={`${id}-visibility`}>Visibility</label>
      <select
        id={`${id}-visibility`}
        value={visibility}
        onChange={(event) => {
          setVisibility(event.target.value as VideoVisibility);
        }}
      >
        {VISIBILITY.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {update.isError && issues.length === 0 && <p role="alert">Saving failed: {update.error.message}</p>}
      <div className={styles.actionRow}>
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
