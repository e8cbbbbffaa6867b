import { useState, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useMe } from './api/getMe';
import styles from './AuthPage.module.css';

/** Renders `children` for signed-in users; visitors go to /signin?next=<this page> and come back after signing in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const [wasSignedIn, setWasSignedIn] = useState(false);
  const here = `${location.pathname}${location.search}${location.hash}`;
  const signIn = `/signin?next=${encodeURIComponent(here)}`;

  if (me.isPending) {
    return <p className={styles.lead}>Loading…</p>;
  }
  if (me.isError) {
    return (
      <p role="alert" className={styles.formError}>
        Could not check whether you are signed in. Please reload the page.
      </p>
    );
  }
  if (me.data === null) {
    // Signed out while on this page (the user menu is already taking them home; an expired session is sent to
    // /signin by SessionExpiredRedirect): no second redirect racing theirs.
    if (wasSignedIn) {
      return (
        <p className={styles.lead}>
          You are signed out. <Link to={signIn}>Sign in</Link> to continue.
        </p>
      );
    }
    return <Navigate to={signIn} replace state={{ from: here }} />;
  }
  // Remembered during render (React's documented pattern for state derived from a changing value).
  if (!wasSignedIn) setWasSignedIn(true);
  return children;
}
