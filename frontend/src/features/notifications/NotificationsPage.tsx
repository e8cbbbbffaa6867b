import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { unreadCountOf, useMarkAllRead, useMarkRead, useNotifications } from './api/notifications';
import { NotificationItem } from './NotificationItem';
import styles from './Notifications.module.css';

/** /notifications — every notification, newest first, with "Load more" and "Mark all read". */
export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = unreadCountOf(notifications.data);
  const all = (notifications.data?.pages ?? []).flatMap((page) => page.data);
  const now = new Date();
  return (
    <section aria-labelledby="notifications-heading" className={styles.page}>
      <div className={styles.panelHeader}>
        <h1 id="notifications-heading">Notifications</h1>
        <span className={styles.age} aria-live="polite">
          {unread} unread
        </span>
        <button
          type="button"
          className="button"
          disabled={unread === 0 || markAll.isPending}
          onClick={() => {
            markAll.mutate();
          }}
        >
          Mark all read
        </button>
      </div>
      {notifications.isError ? (
        <div role="alert" className={styles.empty}>
          <p>{notifications.error.message}</p>
          <button type="button" className="button" onClick={() => void notifications.refetch()}>
            Try again
          </button>
        </div>
      ) : notifications.isPending ? (
        <p className={styles.empty}>Loading…</p>
      ) : all.length === 0 ? (
        <p className={styles.empty}>
          Nothing yet. New uploads of the channels you subscribe to (bell: All) appear here.
        </p>
      ) : (
        <>
          <ul className={styles.list} aria-label="Notifications">
            {all.map((notification) => (
              <li key={notification.id}>
                <NotificationItem
                  notification={notification}
                  now={now}
                  onOpen={(id) => {
                    markRead.mutate(id);
                  }}
                />
              </li>
            ))}
          </ul>
          {notifications.hasNextPage && (
            <button
              type="button"
              className="button"
              disabled={notifications.isFetchingNextPage}
              onClick={() => void notifications.fetchNextPage()}
            >
              {notifications.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
