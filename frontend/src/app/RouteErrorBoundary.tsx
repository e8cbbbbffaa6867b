import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { useLocation, useRouteError } from 'react-router';
import { isApiError } from '../lib/api/client';
import styles from './RouteErrorBoundary.module.css';

function describe(error: unknown): { message: string; requestId?: string | undefined } {
  if (isApiError(error)) {
    // Contract: API messages are written for people and never carry internals.
    return { message: error.message, requestId: error.requestId };
  }
  return { message: 'Something went wrong while showing this page.' };
}

export function ErrorFallback({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { message, requestId } = describe(error);
  return (
    <section className={styles.fallback} role="alert" aria-labelledby="route-error-heading">
      <h1 id="route-error-heading">This page could not be shown</h1>
      <p>{message}</p>
      {requestId ? <p className={styles.requestId}>Request id: {requestId}</p> : null}
      <button type="button" className="button button-primary" onClick={onRetry}>
        Try again
      </button>
    </section>
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** The boundary clears itself when this changes (navigating away from a failed page). */
  resetKey: string;
  onReset: () => void;
}

class ErrorBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.warn('Route failed to render', error, info.componentStack);
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null) {
      this.setState({ error: null });
    }
  }

  retry = () => {
    this.props.onReset();
    this.setState({ error: null });
  };

  override render() {
    if (this.state.error !== null) {
      return <ErrorFallback error={this.state.error} onRetry={this.retry} />;
    }
    return this.props.children;
  }
}

function PageLoading() {
  return (
    <p className={styles.loading} role="status">
      Loading…
    </p>
  );
}

/**
 * Wraps one route's page: render and query errors stay inside the page (header and footer keep working), and
 * "Try again" resets failed queries before rendering the page again.
 */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary resetKey={location.pathname} onReset={reset}>
          <Suspense fallback={<PageLoading />}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}

/** Last resort for errors outside any page (the layout itself): the router's errorElement. */
export function RootErrorPage() {
  const error = useRouteError();
  return (
    <main id="main" className={styles.root}>
      <ErrorFallback
        error={error}
        onRetry={() => {
          window.location.reload();
        }}
      />
    </main>
  );
}
