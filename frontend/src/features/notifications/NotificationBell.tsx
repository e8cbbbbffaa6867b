import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { RealtimeClient } from '../../lib/realtime/realtimeClient';
import {
  unreadCountOf,
  useLiveNotifications,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
} from './api/notifications';
import { NotificationItem } from './NotificationItem';
import styles from './Notifications.module.css';

/** How many notifications the panel shows; the page lists the rest. */
const PANEL_SIZE = 8;

/**
 * The header's bell for signed-in users: the unread count as a badge (live from `notification.new`), and a panel
 * with the newest notifications. Keyboard: Enter/Space opens it and moves focus into it, Escape closes it and
 * returns focus to the bell; clicking outside closes it.
 */
export function NotificationBell({ realtime }: { realtime?: RealtimeClient }) {
  const notifications = useNotifications();
  useLiveNotifications(true, realtime);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const bellRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const unread = unreadCountOf(notifications.data);

  useEffect(() => {
    if (!open) return undefined;
    panelRef.current?.focus();
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !bellRef.current?.contains(target)) setOpen(false);
    }
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key === 'Escape') {
        event.preventDefault();
        setOpen(false);
        bellRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const shown = (notifications.data?.pages ?? []).flatMap((page) => page.data).slice(0, PANEL_SIZE);
  const now = new Date();
  return (
    <div className={styles.wrapper}>
      <button
        ref={bellRef}
        type="button"
        className={`button button-ghost ${styles.bell ?? ''}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        onClick={() => {
          setOpen((current) => !current);
        }}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className="stroke-icon">
          <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15zM10 20.5a2 2 0 0 0 4 0" />
        </svg>
        {unread > 0 && (
          <span className={styles.badge} data-testid="unread-badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          ref={panelRef}
          role="dialog"
          aria-labelledby={headingId}
          tabIndex={-1}
          className={styles.panel}
        >
          <div className={styles.panelHeader}>
            <h2 id={headingId} className={styles.panelTitle}>
              Notifications
            </h2>
            <button
              type="button"
              className="button button-ghost"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => {
                markAll.mutate();
              }}
            >
              Mark all read
            </button>
          </div>
          {notifications.isError ? (
            <p className={styles.empty} role="alert">
              {notifications.error.message}
            </p>
          ) : shown.length === 0 ? (
            <p className={styles.empty}>
              {notifications.isPending ? 'Loading…' : 'Nothing yet. Uploads of channels you subscribe to appear here.'}
            </p>
          ) : (
            <ul className={styles.list} aria-label="Newest notifications">
              {shown.map((notification) => (
                <li key={notification.id}>
                  <NotificationItem
                    notification={notification}
                    now={now}
                    onOpen={(id) => {
                      setOpen(false);
                      markRead.mutate(id);
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
          <Link
            to="/notifications"
            className={styles.all}
            onClick={() => {
              setOpen(false);
            }}
          >
            See all notifications
          </Link>
        </div>
      )}
    </div>
  );
}
