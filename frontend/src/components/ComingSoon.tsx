import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import styles from './ComingSoon.module.css';

/** Placeholder for a page whose feature is not built yet. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <section className={styles.page} aria-labelledby="coming-soon-heading">
      <h1 id="coming-soon-heading">{title}</h1>
      <p>{children}</p>
      <Link to="/">Back to home</Link>
    </section>
  );
}
