import { useEffect, useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import styles from './SearchBox.module.css';

function SearchIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className={styles.icon}>
      <circle cx="11" cy="11" r="6.5" />
      <path d="m16 16 4.5 4.5" />
    </svg>
  );
}

/** Header search: submits to /search?q=…; on narrow screens it folds behind a button. */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const currentQuery = location.pathname === '/search' ? (params.get('q') ?? '') : '';
  const [expanded, setExpanded] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const inputId = useId();
  const formId = useId();

  useEffect(() => {
    if (expanded) inputRef.current?.focus();
  }, [expanded]);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = inputRef.current?.value.trim() ?? '';
    if (query === '') {
      inputRef.current?.focus();
      return;
    }
    setExpanded(false);
    void navigate(`/search?${new URLSearchParams({ q: query }).toString()}`);
  }

  function close() {
    setExpanded(false);
    toggleRef.current?.focus();
  }

  function closeOnEscape(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && expanded) close();
  }

  return (
    <div className={styles.search} data-expanded={expanded}>
      <button
        ref={toggleRef}
        type="button"
        className={`icon-button ${styles.toggle ?? ''}`}
        aria-label="Search"
        aria-expanded={expanded}
        aria-controls={formId}
        onClick={() => {
          setExpanded((open) => !open);
        }}
      >
        <SearchIcon />
      </button>
      {/* The form handles Escape for everything inside it, like a dialog would. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form id={formId} role="search" className={styles.form} onSubmit={submit} onKeyDown={closeOnEscape}>
        <label htmlFor={inputId} className="visually-hidden">
          Search videos
        </label>
        <div className={styles.field}>
          <input
            ref={inputRef}
            key={currentQuery}
            id={inputId}
            className={styles.input}
            name="q"
            type="search"
            defaultValue={currentQuery}
            placeholder="Search videos"
            autoComplete="off"
            enterKeyHint="search"
          />
          <button type="submit" className={styles.submit} aria-label="Submit search">
            <SearchIcon />
          </button>
        </div>
        {expanded ? (
          <button
            type="button"
            className={`icon-button ${styles.close ?? ''}`}
            aria-label="Close search"
            onClick={close}
          >
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className={styles.icon}>
              <path d="M6 6l12 12M18 6 6 18" />
            </svg>
          </button>
        ) : null}
      </form>
    </div>
  );
}
