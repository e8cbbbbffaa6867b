import { Link, useParams } from 'react-router';
import { ComingSoon } from '../../components/ComingSoon';
import { SubscribeButton } from '../engagement/SubscribeButton';
import { isApiError } from '../../lib/api/client';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ChannelVideos } from '../discovery/ChannelVideos';
import { useChannel } from './api/getChannel';
import { useMe } from './api/getMe';
import { ChannelAvatar } from './ChannelAvatar';
import styles from './ChannelPages.module.css';

/** /c/:handle — the channel's header (avatar, name, handle, subscribe with the exact count) and its videos, latest or popular. */
export function ChannelPage() {
  const { handle = '' } = useParams();
  const channel = useChannel(handle);
  const me = useMe();
  useDocumentTitle(channel.data ? channel.data.name : `@${handle}`);
  if (channel.isError) {
    const missing = isApiError(channel.error) && channel.error.code === 'CHANNEL_NOT_FOUND';
    return (
      <ComingSoon title="Channel">
        {missing ? 'There is no channel with this handle.' : channel.error.message}
      </ComingSoon>
    );
  }
  if (!channel.data) return <p className={styles.empty}>Loading…</p>;
  const shown = channel.data;
  const isMine = me.data?.channel.id === shown.id;
  return (
    <section aria-labelledby="channel-heading">
      <header className={styles.header}>
        <ChannelAvatar name={shown.name} handle={shown.handle} avatarUrl={shown.avatarUrl} size="large" />
        <div className={styles.identity}>
          <h1 id="channel-heading">{shown.name}</h1>
          <p className={styles.meta}>@{shown.handle}</p>
          <SubscribeButton
            channelId={shown.id}
            initialCount={shown.subscriberCount}
            signedIn={me.data != null}
            isOwn={isMine}
          />
          {shown.description && <p className={styles.description}>{shown.description}</p>}
        </div>
        {isMine && (
          <Link to="/channel/edit" className="button button-ghost">
            Edit channel
          </Link>
        )}
      </header>
      <ChannelVideos channelId={shown.id} channelName={shown.name} />
    </section>
  );
}
