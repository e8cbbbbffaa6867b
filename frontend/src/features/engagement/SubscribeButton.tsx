import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { NotifyPreference } from '../../contract/generated/types.gen';
import { isApiError, isSignedOutError } from '../../lib/api/client';
import { useChangeSubscription, useSubscription, type SubscriptionChange } from './api/subscription';
import styles from './SubscribeButton.module.css';
import { onMenuKey } from '../../lib/menuKeyboard';

/** How long the failure toast stays up. */
const TOAST_MS = 4000;
const plural = new Intl.PluralRules('en');

const PREFERENCES: { value: NotifyPreference; label: string; hint: string }[] = [
  { value: 'all', label: 'All', hint: 'Every new public upload' },
  { value: 'personalized', label: 'Personalized', hint: 'Only uploads picked for you' },
  { value: 'none', label: 'None', hint: 'No notifications' },
];

function failureMessage(error: unknown): string {
  if (isSignedOutError(error)) return 'Sign in to subscribe.';
  if (isApiError(error) && error.code === 'RATE_LIMITED') return 'Too many changes; try again in a moment.';
  return 'Your subscription could not be saved; it has been put back.';
}

export function subscriberLabel(count: number): string {
  return `${count.toLocaleString('en')} ${plural.select(count) === 'one' ? 'subscriber' : 'subscribers'}`;
}

/** The bell drawn inline; decorative (the button's label says what it does). */
function Bell({ muted }: { muted: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" className="stroke-icon">
      <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15zM10 20.5a2 2 0 0 0 4 0" />
      {muted && <path d="M4 4l16 16" />}
    </svg>
  );
}

interface SubscribeButtonProps {
  channelId: string;
  /** The count the page already has (shown to visitors and until the caller's state arrives). */
  initialCount: number;
  signedIn: boolean;
  /** The caller's own channel: the count only, nothing to subscribe to. */
  isOwn: boolean;
}

/**
 * Subscribe / Subscribed with a bell menu for the notification preference (all, personalized, none) and
 * Unsubscribe; the count next to it is the server's exact count. Optimistic with rollback and a toast.
 */
export function SubscribeButton({ channelId, initialCount, signedIn, isOwn }: SubscribeButtonProps) {
  const subscription = useSubscription(channelId, signedIn && !isOwn);
  const [toast, setToast] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const bellRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const change = useChangeSubscription(channelId, (error) => {
    setToast(failureMessage(error));
  });

  useEffect(() => {
    if (!toast) return undefined;
    const timer = setTimeout(() => {
      setToast(undefined);
    }, TOAST_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [toast]);

  useEffect(() => {
    if (!open) return undefined;
    menuRef.current?.querySelector<HTMLElement>('[aria-checked="true"], [role^="menuitem"]')?.focus();
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !bellRef.current?.contains(target)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  const state = subscription.data;
  const count = state?.subscriberCount ?? initialCount;
  const countLabel = (
    <span className={styles.count} aria-live="polite">
      {subscriberLabel(count)}
    </span>
  );
  if (isOwn) return <div className={styles.subscribe}>{countLabel}</div>;

  const pick = (next: SubscriptionChange) => {
    setOpen(false);
    bellRef.current?.focus();
    change.mutate(next);
  };

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
    onMenuKey(event, items, (returnFocus) => {
      setOpen(false);
      if (returnFocus) bellRef.current?.focus();
    });
  }

  const subscribed = state?.subscribed === true;
  return (
    <div className={styles.subscribe}>
      {subscribed ? (
        <>
          <button
            ref={bellRef}
            type="button"
            className={`button ${styles.bell ?? ''}`}
            aria-haspopup="menu"
            aria-expanded={open}
            aria-controls={open ? menuId : undefined}
            aria-label={`Subscribed, notifications: ${state.notify ?? 'all'}. Change`}
            onClick={() => {
              setOpen((current) => !current);
            }}
          >
            <Bell muted={state.notify === 'none'} />
            <span aria-hidden="true">Subscribed</span>
          </button>
          {open && (
            <ul
              id={menuId}
              ref={menuRef}
              role="menu"
              aria-label="Notifications from this channel"
              className={styles.menu}
              onKeyDown={onMenuKeyDown}
            >
              {PREFERENCES.map((preference) => (
                <li role="none" key={preference.value}>
                  <button
                    type="button"
                    role="menuitemradio"
                    aria-checked={state.notify === preference.value}
                    className={styles.item}
                    onClick={() => {
                      pick(preference.value);
                    }}
                  >
                    {preference.label}
                    <span className={styles.hint}>{preference.hint}</span>
                  </button>
                </li>
              ))}
              <li role="separator" className={styles.separator} />
              <li role="none">
                <button
                  type="button"
                  role="menuitem"
                  className={styles.item}
                  onClick={() => {
                    pick(null);
                  }}
                >
                  Unsubscribe
                </button>
              </li>
            </ul>
          )}
        </>
      ) : (
        <button
          type="button"
          className="button button-primary"
          disabled={signedIn && !state}
          onClick={() => {
            if (!signedIn) {
              setToast('Sign in to subscribe.');
              return;
            }
            change.mutate('all');
          }}
        >
          Subscribe
        </button>
      )}
      {countLabel}
      {toast && (
        <div className={styles.toast} role="alert">
          {toast}
        </div>
      )}
    </div>
  );
}
