import styles from './ChannelAvatar.module.css';

type Size = 'small' | 'large';

/** A channel's avatar image, or the first letter of its name on the accent colour when it has none. */
export function ChannelAvatar({
  name,
  handle,
  avatarUrl,
  size = 'small',
}: {
  name: string;
  handle: string;
  avatarUrl?: string | undefined;
  size?: Size;
}) {
  const className = `${styles.avatar ?? ''} ${(size === 'large' ? styles.large : styles.small) ?? ''}`;
  if (avatarUrl) return <img className={className} src={avatarUrl} alt="" />;
  return (
    <span className={className} aria-hidden="true">
      {name.trim().charAt(0).toUpperCase() || handle.charAt(0).toUpperCase()}
    </span>
  );
}
