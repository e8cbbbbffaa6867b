import { Link, NavLink, Outlet } from 'react-router';
import { SessionExpiredRedirect } from '../features/accounts/SessionExpiredRedirect';
import { useMe } from '../features/accounts/api/getMe';
import { UserMenu } from '../features/accounts/UserMenu';
import { SearchBox } from '../features/discovery/SearchBox';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { ApiStatus } from '../features/platform/ApiStatus';
import styles from './Layout.module.css';
import { ThemeToggle } from './theme/ThemeToggle';

function Logo() {
  return (
    <Link to="/" className={styles.logo}>
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <rect width="32" height="32" rx="8" className={styles.logoMark} />
        <path d="M12 9.5v13l10.5-6.5z" fill="#fff" />
      </svg>
      <span className={styles.logoName}>Kinora</span>
    </Link>
  );
}

/** The notification bell, for signed-in users only. */
function SignedInBell() {
  const me = useMe();
  return me.data ? <NotificationBell /> : null;
}

export function Layout() {
  return (
    <div className={styles.shell}>
      <SessionExpiredRedirect />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Logo />
          <nav className={styles.browse} aria-label="Browse">
            <NavLink to="/trending" className={styles.browseLink}>
              <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" className="stroke-icon">
                <path d="M3 17l6-6 4 4 8-8M15 7h6v6" />
              </svg>
              <span className={styles.browseLabel}>Trending</span>
            </NavLink>
          </nav>
          <SearchBox />
          <nav className={styles.actions} aria-label="Account">
            <Link to="/upload" className={`button button-primary ${styles.upload ?? ''}`}>
              <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" className="stroke-icon">
                <path d="M12 16V4M6.5 9.5 12 4l5.5 5.5M4 20h16" />
              </svg>
              <span className={styles.uploadLabel}>Upload</span>
            </Link>
            <SignedInBell />
            <UserMenu />
            <ThemeToggle />
          </nav>
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p className={styles.footerNote}>Kinora · open-source video platform</p>
          <ApiStatus />
        </div>
      </footer>
    </div>
  );
}
