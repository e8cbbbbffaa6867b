import { useId, type Ref } from 'react';
import styles from './AuthPage.module.css';

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  error: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  ref: Ref<HTMLInputElement>;
  onChange: (value: string) => void;
  onBlur: (event: React.FocusEvent<HTMLInputElement>) => void;
}

/** A labelled input with its hint and inline error, wired for assistive technology. */
export function TextField({
  label,
  name,
  value,
  error,
  hint,
  type = 'text',
  autoComplete,
  ref,
  onChange,
  onBlur,
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={ref}
        name={name}
        type={type}
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        onBlur={onBlur}
      />
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
