import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { limits } from '../../../contract/generated/limits.gen';
import type { CaptionKind } from '../../../contract/generated/types.gen';
import { isApiError } from '../../../lib/api/client';
import { useCaptionTracks, useDeleteCaptionTrack, usePutCaptionTrack } from '../api/captions';
import { CAPTION_LANGUAGES, captionFormat } from './languages';
import styles from './CaptionsEditor.module.css';

const OTHER = 'other';
const cues = (count: number) => `${String(count)} ${count === 1 ? 'cue' : 'cues'}`;
const KINDS: { value: CaptionKind; label: string }[] = [
  { value: 'subtitles', label: 'Subtitles (dialogue)' },
  { value: 'captions', label: 'Captions (dialogue and sounds)' },
];

/**
 * The owner's caption tracks: upload a WebVTT or SRT file per language (a second upload of a language replaces
 * it), list and delete. The server checks the file; its messages ("line 12: …") are shown at the field.
 */
export function CaptionsEditor({ videoId }: { videoId: string }) {
  const id = useId();
  const tracks = useCaptionTracks(videoId);
  const put = usePutCaptionTrack(videoId);
  const remove = useDeleteCaptionTrack(videoId);
  const [choice, setChoice] = useState('en');
  const [otherTag, setOtherTag] = useState('');
  const [label, setLabel] = useState('English');
  const [kind, setKind] = useState<CaptionKind>('subtitles');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const error = put.error && isApiError(put.error) ? put.error : null;
  const issueAt = (path: string) => {
    const messages = (error?.issues ?? []).filter((issue) => issue.path === path).map((issue) => issue.message);
    return messages.length > 0 ? messages.join('\n') : undefined;
  };
  const textProblem = fileProblem ?? issueAt('/text') ?? (error?.code === 'FILE_TOO_LARGE' ? error.message : undefined);
  const languageProblem = issueAt('/language');
  const labelProblem = issueAt('/label');
  const otherProblem =
    put.isError && !textProblem && !languageProblem && !labelProblem
      ? put.error.message || 'The upload failed'
      : undefined;

  const language = choice === OTHER ? otherTag.trim() : choice;

  async function onSubmit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    if (!file) {
      setFileProblem('Choose a .vtt or .srt file');
      return;
    }
    if (file.size > limits.captions.maxFileBytes) {
      setFileProblem(`A caption file may be at most ${String(limits.captions.maxFileBytes / 1024)} KiB`);
      return;
    }
    setFileProblem(null);
    const text = await file.text();
    put.mutate(
      { language, body: { label: label.trim(), kind, format: captionFormat(file.name), text } },
      {
        onSuccess: (track) => {
          setDone(`${track.label} published (${cues(track.cueCount)})`);
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
        },
      },
    );
  }

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.heading}>
        Captions
      </h2>
      {tracks.data && tracks.data.length > 0 ? (
        <ul className={styles.list} aria-label="Caption tracks">
          {tracks.data.map((track) => (
            <li key={track.language} className={styles.track}>
              <span>
                <strong>{track.label}</strong> <span className={styles.meta}>({track.language}</span>
                <span className={styles.meta}>
                  , {track.kind}, {cues(track.cueCount)}
                  {track.source === 'embedded' ? ', from the uploaded file' : ''})
                </span>
              </span>
              <button
                type="button"
                className="button button-ghost"
                disabled={remove.isPending}
                aria-label={`Delete caption track ${track.label} (${track.language})`}
                onClick={() => {
                  remove.mutate(track.language);
                }}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        tracks.isSuccess && <p className={styles.meta}>No caption tracks yet.</p>
      )}
      {remove.isError && <p role="alert">The track could not be deleted: {remove.error.message}</p>}
      <form className={styles.form} onSubmit={(event) => void onSubmit(event)} aria-label="Upload captions" noValidate>
        <label htmlFor={`${id}-language`}>Language</label>
        <select
          id={`${id}-language`}
          value={choice}
          aria-invalid={languageProblem ? true : undefined}
          aria-describedby={languageProblem ? `${id}-language-error` : undefined}
          onChange={(event) => {
            const next = event.target.value;
            setChoice(next);
            const known = CAPTION_LANGUAGES.find((entry) => entry.tag === next);
            if (known) setLabel(known.name);
          }}
        >
          {CAPTION_LANGUAGES.map((entry) => (
            <option key={entry.tag} value={entry.tag}>
              {entry.name} ({entry.tag})
            </option>
          ))}
          <option value={OTHER}>Other…</option>
        </select>
        {choice === OTHER && (
          <>
            <label htmlFor={`${id}-tag`}>Language tag (BCP 47, e.g. ca or es-419)</label>
            <input
              id={`${id}-tag`}
              value={otherTag}
              aria-invalid={languageProblem ? true : undefined}
              aria-describedby={languageProblem ? `${id}-language-error` : undefined}
              onChange={(event) => {
                setOtherTag(event.target.value);
              }}
            />
          </>
        )}
        {languageProblem && (
          <p id={`${id}-language-error`} className={styles.error}>
            {languageProblem}
          </p>
        )}
        <label htmlFor={`${id}-label`}>Label shown in the player</label>
        <input
          id={`${id}-label`}
          value={label}
          maxLength={limits.captions.label.max}
          aria-invalid={labelProblem ? true : undefined}
          aria-describedby={labelProblem ? `${id}-label-error` : undefined}
          onChange={(event) => {
            setLabel(event.target.value);
          }}
        />
        {labelProblem && (
          <p id={`${id}-label-error`} className={styles.error}>
            {labelProblem}
          </p>
        )}
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as CaptionKind);
          }}
        >
          {KINDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-file`}>Caption file (.vtt or .srt, UTF-8)</label>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept=".vtt,.srt,text/vtt"
          aria-invalid={textProblem ? true : undefined}
          aria-describedby={textProblem ? `${id}-file-error` : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setFileProblem(null);
          }}
        />
        {textProblem && (
          <p id={`${id}-file-error`} className={styles.error}>
            {textProblem}
          </p>
        )}
        {otherProblem && <p role="alert">{otherProblem}</p>}
        {done && <p role="status">{done}</p>}
        <div>
          <button type="submit" className="button button-primary" disabled={put.isPending}>
            {put.isPending ? 'Uploading…' : 'Upload captions'}
          </button>
        </div>
      </form>
    </section>
  );
}
