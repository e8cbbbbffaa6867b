import { useRef, type KeyboardEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ComingSoon } from '../../components/ComingSoon';
import { SubscribeButton } from '../engagement/SubscribeButton';
import { isApiError } from '../../lib/api/client';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ChannelVideos } from '../discovery/ChannelVideos';
import { ChannelPlaylists } from '../playlists/ChannelPlaylists';
import { useChannel } from './api/getChannel';
import { useMe } from './api/getMe';
import { ChannelAvatar } from './ChannelAvatar';
import styles from './ChannelPages.module.css';

const TABS = [
  { id: 'videos', label: 'Videos' },
  { id: 'playlists', label: 'Playlists' },
] as const;
type ChannelTab = (typeof TABS)[number]['id'];

/**
 * The channel's Videos / Playlists tabs (WAI-ARIA tabs: one tab stop, arrow keys, Home and End move between them);
 * the chosen one is `?tab=` so it survives a reload and can be linked.
 */
function ChannelTabs({ channelId, channelName }: { channelId: string; channelName: string }) {
  const [params, setParams] = useSearchParams();
  const selected: ChannelTab = params.get('tab') === 'playlists' ? 'playlists' : 'videos';
  const refs = useRef<Partial<Record<ChannelTab, HTMLButtonElement | null>>>({});
  const select = (tab: ChannelTab) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (tab === 'videos') next.delete('tab');
        else next.set('tab', tab);
        return next;
      },
      { replace: true },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = TABS.findIndex((tab) => tab.id === selected);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    const target = TABS[to];
    if (!target) return;
    event.preventDefault();
    select(target.id);
    refs.current[target.id]?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={`${channelName}'s channel`} className={styles.tabs}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              refs.current[tab.id] = element;
            }}
            type="button"
            role="tab"
            id={`channel-tab-${tab.id}`}
            className={styles.tab}
            aria-selected={selected === tab.id}
            aria-controls={`channel-panel-${tab.id}`}
            tabIndex={selected === tab.id ? 0 : -1}
            onClick={() => {
              select(tab.id);
            }}
            onKeyDown={onKeyDown}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`channel-panel-${selected}`} aria-labelledby={`channel-tab-${selected}`}>
        {selected === 'videos' ? (
          <ChannelVideos channelId={channelId} channelName={channelName} />
        ) : (
          <ChannelPlaylists idOrHandle={channelId} channelName={channelName} />
        )}
      </div>
    </>
  );
}

/**
 * /c/:handle — the channel's header (avatar, name, handle, subscribe with the exact count), then its videos (latest or
 * popular) and its public playlists under two tabs.
 */
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
      <ChannelTabs channelId={shown.id} channelName={shown.name} />
    </section>
  );
}
