import { useHealth } from './api/getHealth';
import styles from './ApiStatus.module.css';

/** The footer's view of GET /api/v1/health. */
export function ApiStatus() {
  const health = useHealth();
  const state = health.isSuccess ? 'online' : health.isError ? 'offline' : 'checking';
  const label = { online: 'API online', offline: 'API offline', checking: 'Checking API…' }[state];
  const title = health.isSuccess ? `${health.data.service} ${health.data.version}` : undefined;

  return (
    <p className={styles.status} role="status" data-state={state} title={title}>
      <span className={styles.dot} aria-hidden="true" />
      {label}
    </p>
  );
}
