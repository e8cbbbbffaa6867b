import { useEffect, useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { limits } from '../../contract/generated/limits.gen';
import { useSearchSuggestions } from './api/getSearchSuggestions';
import styles from './SearchBox.module.css';

/** Suggestions are asked for once typing pauses this long, not on every keystroke. */
const SUGGEST_DELAY_MS = 150;

function useDebounced(value: string, delayMs: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(value);
    }, delayMs);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delayMs]);
  return debounced;
}

function SearchIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className={styles.icon}>
      <circle cx="11" cy="11" r="6.5" />
      <path d="m16 16 4.5 4.5" />
    </svg>
  );
}

/**
 * Header search: submits to /search?q=…; on narrow screens it folds behind a button. While typing, titles that
 * complete the words appear in a listbox (ARIA combobox: Up/Down move, Enter picks, Escape closes the list).
 */
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
  const listId = useId();
  const [typed, setTyped] = useState(currentQuery);
  const [shownQuery, setShownQuery] = useState(currentQuery);
  const [listOpen, setListOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // A new results page (back/forward, a chip) shows its own query in the field.
  if (shownQuery !== currentQuery) {
    setShownQuery(currentQuery);
    setTyped(currentQuery);
    setListOpen(false);
  }
  const suggestions = useSearchSuggestions(useDebounced(typed, SUGGEST_DELAY_MS)).data ?? [];
  const showList = listOpen && typed.trim() !== '' && suggestions.length > 0;

  useEffect(() => {
    if (expanded) inputRef.current?.focus();
  }, [expanded]);

  function go(text: string) {
    const query = text.trim();
    if (query === '') {
      inputRef.current?.focus();
      return;
    }
    setListOpen(false);
    setActive(-1);
    setTyped(query);
    setExpanded(false);
    void navigate(`/search?${new URLSearchParams({ q: query }).toString()}`);
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const picked = showList && active >= 0 ? suggestions[active] : undefined;
    go(picked ?? inputRef.current?.value ?? '');
  }

  function moveThroughSuggestions(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (suggestions.length === 0) return;
      event.preventDefault();
      if (!showList) {
        setListOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : suggestions.length - 1);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // -1 is the text as typed: moving past either end comes back to it, as in a browser's address bar.
      setActive((current) => {
        const next = current + step;
        if (next >= suggestions.length) return -1;
        return next < -1 ? suggestions.length - 1 : next;
      });
    } else if (event.key === 'Escape' && showList) {
      // Only the list closes; a second Escape folds the search on narrow screens.
      event.stopPropagation();
      setListOpen(false);
      setActive(-1);
    }
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
            id={inputId}
            className={styles.input}
            name="q"
            type="search"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList && active >= 0 ? `${listId}-${String(active)}` : undefined}
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
              setListOpen(true);
              setActive(-1);
            }}
            onKeyDown={moveThroughSuggestions}
            onBlur={() => {
              setListOpen(false);
              setActive(-1);
            }}
            maxLength={limits.search.query.max}
            placeholder="Search videos"
            autoComplete="off"
            enterKeyHint="search"
          />
          <ul id={listId} role="listbox" aria-label="Suggestions" className={styles.suggestions} hidden={!showList}>
            {suggestions.map((suggestion, index) => (
              // Keyboard users pick with Up/Down/Enter in the field (aria-activedescendant), not on the option.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <li
                key={suggestion}
                id={`${listId}-${String(index)}`}
                role="option"
                aria-selected={index === active}
                className={styles.suggestion}
                // Keeps the focus in the field, so picking does not first blur (and close) the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                }}
                onClick={() => {
                  go(suggestion);
                }}
              >
                {suggestion}
              </li>
            ))}
          </ul>
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
