import { useId, useState, type DragEvent } from 'react';
import { limits } from '../../contract/generated/limits.gen';
import { formatBytes } from '../../lib/format/bytes';
import { acceptAttribute, supportedFormatsText } from './formats';
import styles from './UploadStudio.module.css';

/** Drag & drop target plus a file picker for several files; both hand the files over unchecked. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);

  function hasFiles(event: DragEvent) {
    return event.dataTransfer.types.includes('Files');
  }

  return (
    <div
      className={styles.dropZone}
      data-dragging={dragging || undefined}
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        const next = event.relatedTarget;
        if (!(next instanceof Node && event.currentTarget.contains(next))) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        onFiles([...event.dataTransfer.files]);
      }}
    >
      <svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" className={`stroke-icon ${styles.dropIcon}`}>
        <path d="M12 15V3M7 8l5-5 5 5M5 13v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6" />
      </svg>
      <p className={styles.dropTitle}>Drag and drop video files here</p>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        multiple
        accept={acceptAttribute}
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          // Cleared so that picking the same file again (to resume it) fires another change.
          event.target.value = '';
        }}
      />
      <label htmlFor={inputId} className={`button button-primary ${styles.pick}`}>
        Select files
      </label>
      <p className={styles.hint}>
        {supportedFormatsText}, up to {formatBytes(limits.upload.maxFileSizeBytes)} each. An interrupted upload
        continues where it stopped when you pick the same file again.
      </p>
    </div>
  );
}
