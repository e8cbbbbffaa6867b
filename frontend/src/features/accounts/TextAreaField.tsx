import { useId, type Ref } from 'react';
import styles from './AuthPage.module.css';
import pageStyles from './ChannelPages.module.css';

interface TextAreaFieldProps {
  label: string;
  name: string;
  value: string;
  error: string | undefined;
  /** Shown under the field with the character count. */
  maxLength: number;
  ref: Ref<HTMLTextAreaElement>;
  onChange: (value: string) => void;
  onBlur: (event: React.FocusEvent<HTMLTextAreaElement>) => void;
}

/** A labelled multi-line input with a character count and its inline error, like TextField. */
export function TextAreaField({ label, name, value, error, maxLength, ref, onChange, onBlur }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={ref}
        name={name}
        value={value}
        rows={5}
        className={pageStyles.textarea}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        onBlur={onBlur}
      />
      <p id={hintId} className={styles.hint}>
        {/* Code points, as the contract counts them. */}
        {Array.from(value).length} / {maxLength} characters.
      </p>
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
