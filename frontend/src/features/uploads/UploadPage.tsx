import { useEffect, useState, useSyncExternalStore } from 'react';
import { useBlocker } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { httpUploadApi } from './api/uploadApi';
import { localStorageResumeStore } from './engine/resumeStore';
import { UploadEngine } from './engine/uploadEngine';
import { DropZone } from './DropZone';
import { UploadCard } from './UploadCard';
import { UploadQueue, type RejectedFile } from './uploadQueue';
import styles from './UploadStudio.module.css';

function createQueue(): UploadQueue {
  const resumeStore = localStorageResumeStore();
  return new UploadQueue((file, request) => new UploadEngine(file, request, { api: httpUploadApi, resumeStore }));
}

/**
 * The upload studio (DESIGN §8): pick or drop files, watch them upload, fill in the details, publish, then watch each
 * video's transcode live on its card until it can be watched.
 */
export function UploadPage() {
  useDocumentTitle('Upload');
  const [queue] = useState(createQueue);
  const tasks = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const [rejected, setRejected] = useState<RejectedFile[]>([]);

  // Leaving the studio pauses everything (picking the files again resumes them); coming back online resumes.
  useEffect(() => {
    const onOnline = () => {
      queue.resumeInterrupted();
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      queue.pauseAll();
    };
  }, [queue]);

  const sending = tasks.some(({ snapshot }) =>
    ['preparing', 'uploading', 'waiting', 'publishing'].includes(snapshot.phase),
  );
  // Leaving for another page of the app pauses the uploads: ask first.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => sending && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!sending) return;
    // A reload would not lose stored parts, but it would stop the upload until the file is picked again.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [sending]);

  return (
    <section className={styles.page} aria-labelledby="upload-heading">
      <h1 id="upload-heading">Upload</h1>
      {blocker.state === 'blocked' && (
        <div role="alertdialog" aria-labelledby="leave-uploads" className={styles.leave}>
          <p id="leave-uploads">
            Uploads are still running. If you leave this page they pause; pick the same files again later to continue
            where they stopped.
          </p>
          <div className={styles.actions}>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                blocker.reset();
              }}
            >
              Stay on this page
            </button>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                blocker.proceed();
              }}
            >
              Leave
            </button>
          </div>
        </div>
      )}
      <DropZone
        onFiles={(files) => {
          setRejected(queue.add(files));
        }}
      />
      {rejected.length > 0 && (
        <div role="alert" className={styles.rejected}>
          <p>{rejected.length === 1 ? 'This file was not added:' : `These ${rejected.length} files were not added:`}</p>
          <ul>
            {rejected.map((file, index) => (
              <li key={`${file.name}-${index}`}>
                <strong>{file.name}</strong> — {file.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {tasks.length > 0 && (
        <ul className={styles.list} aria-label="Uploads">
          {tasks.map((task) => (
            <li key={task.id}>
              <UploadCard
                task={task}
                onRemove={() => {
                  queue.remove(task.id);
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
