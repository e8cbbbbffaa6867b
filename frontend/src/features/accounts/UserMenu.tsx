import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from './api/getMe';
import { useLogout } from './api/logout';
import { ChannelAvatar } from './ChannelAvatar';
import styles from './UserMenu.module.css';
import { onMenuKey } from '../../lib/menuKeyboard';

/** The header's account corner: "Sign in" for visitors, a menu with the channel and "Sign out" when signed in. */
export function UserMenu() {
  const me = useMe();
  if (!me.data) {
    return (
      <Link to="/signin" className="button button-ghost">
        Sign in
      </Link>
    );
  }
  const { name, handle, avatarUrl } = me.data.channel;
  const isAdmin = me.data.roles?.includes('admin') ?? false;
  return <SignedInMenu name={name} handle={handle} avatarUrl={avatarUrl} isAdmin={isAdmin} />;
}

interface SignedInMenuProps {
  name: string;
  handle: string;
  avatarUrl: string | undefined;
  /** Moderators also get the report queue. */
  isAdmin: boolean;
}

function SignedInMenu({ name, handle, avatarUrl, isAdmin }: SignedInMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const navigate = useNavigate();
  const logout = useLogout();

  function items(): HTMLElement[] {
    return Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    onMenuKey(event, items(), close);
  }

  function signOut() {
    // Home first: signing out on a protected page must not bounce through /signin?next=.
    setOpen(false);
    void navigate('/', { replace: true });
    logout.mutate();
  }

  return (
    <div className={styles.wrapper}>
      <button
        ref={buttonRef}
        type="button"
        className={`button button-ghost ${styles.trigger ?? ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setOpen((current) => !current);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <ChannelAvatar name={name} handle={handle} avatarUrl={avatarUrl} />
        <span className={styles.name}>{name}</span>
        <span className="visually-hidden"> (@{handle}), account menu</span>
      </button>
      {open && (
        <ul
          id={menuId}
          ref={menuRef}
          role="menu"
          aria-label="Account"
          className={styles.menu}
          onKeyDown={onMenuKeyDown}
        >
          <li role="none" className={styles.identity}>
            <span className={styles.menuName}>{name}</span>
            <span className={styles.menuHandle}>@{handle}</span>
          </li>
          <li role="none">
            <Link
              role="menuitem"
              to={`/c/${handle}`}
              className={styles.item}
              onClick={() => {
                setOpen(false);
              }}
            >
              Your channel
            </Link>
          </li>
          <li role="none">
            <Link
              role="menuitem"
              to="/channel/edit"
              className={styles.item}
              onClick={() => {
                setOpen(false);
              }}
            >
              Edit channel
            </Link>
          </li>
          <li role="none">
            <Link
              role="menuitem"
              to="/subscriptions"
              className={styles.item}
              onClick={() => {
                setOpen(false);
              }}
            >
              Subscriptions
            </Link>
          </li>
          {isAdmin && (
            <li role="none">
              <Link
                role="menuitem"
                to="/admin/reports"
                className={styles.item}
                onClick={() => {
                  setOpen(false);
                }}
              >
                Reports (moderation)
              </Link>
            </li>
          )}
          <li role="none">
            <Link
              role="menuitem"
              to="/playlists"
              className={styles.item}
              onClick={() => {
                setOpen(false);
              }}
            >
              Playlists
            </Link>
          </li>
          <li role="none">
            <button role="menuitem" type="button" className={styles.item} disabled={logout.isPending} onClick={signOut}>
              {logout.isPending ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
