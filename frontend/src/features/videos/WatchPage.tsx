import { useCallback, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CommentAuthor, VideoDetail, VideoStatus } from '../../contract/generated/types.gen';
import { zVideoId } from '../../contract/generated/zod.gen';
import { isApiError } from '../../lib/api/client';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMe } from '../accounts/api/getMe';
import { RelatedVideos } from '../discovery/RelatedVideos';
import { Comments } from '../engagement/Comments';
import { SubscribeButton } from '../engagement/SubscribeButton';
import { WatchSide } from '../playlists/PlaylistPanel';
import { SaveToPlaylist } from '../playlists/SaveToPlaylist';
import { usePlaylistPlayback } from '../playlists/usePlaylistPlayback';
import { RatingButtons } from '../engagement/RatingButtons';
import { useDeleteVideo } from './api/deleteVideo';
import { useVideo } from './api/getVideo';
import { usePlaybackPorts } from './api/playbackApi';
import type { PlaybackPorts } from './player/playbackTracker';
import { CaptionsEditor } from './captions/CaptionsEditor';
import { EditVideoForm } from './EditVideoForm';
import { HlsPlayer } from './player/HlsPlayer';
import { parseStartParam } from './player/resume';
import { BlockedVideoReview } from '../moderation/BlockedVideoReview';
import { ReportButton } from '../moderation/ReportButton';
import { ShareButton } from './ShareButton';
import styles from './WatchPage.module.css';

const STATUS_LABELS: Record<VideoStatus, string> = {
  uploading: 'Uploading',
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Failed',
  blocked: 'Blocked',
};

/** A moderator reviewing a blocked video watches it without leaving progress or a view behind (the API refuses both). */
const REVIEW_PORTS: PlaybackPorts = {
  saveProgress: () => Promise.resolve(),
  recordView: () => Promise.resolve(),
};

const counts = new Intl.NumberFormat(undefined);
const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function VideoNotFound() {
  useDocumentTitle('Video not found');
  return (
    <section aria-labelledby="video-not-found-heading" className="stack">
      <h1 id="video-not-found-heading">This video isn't available</h1>
      <p>It may have been removed or made private, or the link may be mistyped.</p>
      <Link to="/">Go to the home page</Link>
    </section>
  );
}

function StatusPanel({ video }: { video: VideoDetail }) {
  switch (video.status) {
    case 'ready':
      return (
        <div className={styles.panel} role="status">
          <p>This video has no playable stream yet.</p>
        </div>
      );
    case 'processing':
      return (
        <div className={styles.panel} role="status">
          <span className={styles.spinner} aria-hidden="true" />
          <p>Processing — your video will be playable soon.</p>
        </div>
      );
    case 'uploading':
      return (
        <div className={styles.panel} role="status">
          <p>The upload of this video has not finished yet.</p>
        </div>
      );
    case 'failed':
      return (
        <div className={`${styles.panel} ${styles.failed}`} role="alert">
          <p>Processing failed{video.failureReason ? `: ${video.failureReason}` : '.'}</p>
        </div>
      );
    case 'blocked':
      return (
        <div className={`${styles.panel} ${styles.failed}`} role="alert">
          <p>This video is blocked{video.failureReason ? `: ${video.failureReason}` : '.'}</p>
        </div>
      );
  }
}

function ChannelRow({ video, signedIn }: { video: VideoDetail; signedIn: boolean }) {
  const { channel } = video;
  return (
    <div className={styles.channel}>
      <Link to={`/c/${channel.handle}`} className={styles.channelLink}>
        {channel.avatarUrl ? (
          <img className={styles.avatar} src={channel.avatarUrl} alt="" />
        ) : (
          <span className={styles.avatar} aria-hidden="true">
            {channel.name.slice(0, 1).toUpperCase()}
          </span>
        )}
        <span className={styles.channelText}>
          <span className={styles.channelName}>{channel.name}</span>
          <span className={styles.muted}>@{channel.handle}</span>
        </span>
      </Link>
      <SubscribeButton
        channelId={channel.id}
        initialCount={channel.subscriberCount}
        signedIn={signedIn}
        isOwn={video.viewer.isOwner}
      />
      {video.status === 'ready' ? (
        <RatingButtons
          initial={{
            videoId: video.id,
            value: video.viewer.likeState,
            likeCount: video.likeCount,
            dislikeCount: video.dislikeCount,
          }}
          signedIn={signedIn}
        />
      ) : null}
    </div>
  );
}

function Description({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  if (!text) return null;
  const long = text.length > 200 || text.split('\n').length > 3;
  return (
    <div className={styles.descriptionBox}>
      <p id="video-description" className={`${styles.description} ${expanded || !long ? '' : styles.clamped}`}>
        {text}
      </p>
      {long && (
        <button
          type="button"
          className={styles.linkButton}
          aria-expanded={expanded}
          aria-controls="video-description"
          onClick={() => {
            setExpanded((open) => !open);
          }}
        >
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
    </div>
  );
}

function OwnerActions({ video }: { video: VideoDetail }) {
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  const remove = useDeleteVideo(video.id);
  return (
    <div className={styles.ownerActions}>
      <div className={styles.actionRow}>
        <button
          type="button"
          className="button button-ghost"
          onClick={() => {
            setEditing((open) => !open);
          }}
          aria-expanded={editing}
        >
          Edit details
        </button>
        <button
          type="button"
          className={`button button-ghost ${styles.danger}`}
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(`Delete “${video.title}”? This removes the video and its files for good.`)) {
              remove.mutate(undefined, { onSuccess: () => void navigate('/') });
            }
          }}
        >
          {remove.isPending ? 'Deleting…' : 'Delete video'}
        </button>
      </div>
      {remove.isError && <p role="alert">The video could not be deleted: {remove.error.message}</p>}
      {editing && (
        <EditVideoForm
          video={video}
          onDone={() => {
            setEditing(false);
          }}
        />
      )}
      {video.status === 'ready' && <CaptionsEditor videoId={video.id} />}
    </div>
  );
}

/** The watch page: the adaptive player, the video's details, its channel, and the owner's edit and delete. */
export function WatchPage() {
  const { videoId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const startAt = parseStartParam(searchParams.get('t'));
  // Where the player is, for "Share → Start at"; a ref, so playing does not re-render the page.
  const playedTo = useRef(0);
  const onTime = useCallback((seconds: number) => {
    playedTo.current = seconds;
  }, []);
  const validId = zVideoId.safeParse(videoId).success;
  const video = useVideo(videoId, validId);
  const me = useMe();
  useDocumentTitle(video.data?.title ?? (video.isPending && validId ? 'Loading video' : undefined));
  const signedIn = Boolean(me.data);
  const ports = usePlaybackPorts(videoId);
  const playback = usePlaylistPlayback(searchParams.get('list'), videoId);

  if (!validId) return <VideoNotFound />;
  if (video.isPending) return <p className={styles.muted}>Loading video…</p>;
  if (video.isError) {
    if (isApiError(video.error) && (video.error.code === 'VIDEO_NOT_FOUND' || video.error.code === 'NOT_FOUND'))
      return <VideoNotFound />;
    // Anything else is the route's error boundary's to show (with its retry).
    throw video.error;
  }

  const { data } = video;
  const channel = me.data?.channel;
  const commentAuthor: CommentAuthor | undefined = channel && {
    channelId: channel.id,
    handle: channel.handle,
    name: channel.name,
    ...(channel.avatarUrl ? { avatarUrl: channel.avatarUrl } : {}),
  };
  // While the ladder is still encoding, the first rung (360p) may already play from a partial master.
  const playsEarly = data.status === 'processing' && (data.playableResolutions?.length ?? 0) > 0;
  // The API shows a blocked video to its owner (who reads why, below) and to admins only: a non-owner reviews it.
  const reviewing = data.status === 'blocked' && !data.viewer.isOwner;
  const playable = (data.status === 'ready' || playsEarly || reviewing) && data.playlistUrl;
  return (
    <div className={styles.layout}>
      <article className={styles.page} aria-labelledby="video-title">
        {reviewing && <BlockedVideoReview video={data} />}
        {playable ? (
          <HlsPlayer
            playlistUrl={data.playlistUrl ?? ''}
            posterUrl={data.thumbnailUrl}
            storyboardUrl={data.storyboardUrl}
            durationSeconds={data.durationSeconds}
            resumeAt={data.viewer.resumePosition}
            startAt={startAt}
            onTime={onTime}
            title={data.title}
            signedIn={signedIn}
            ports={reviewing ? REVIEW_PORTS : ports}
            autoPlay={playback.autoPlay}
            onEnded={playback.onEnded}
          />
        ) : (
          <StatusPanel video={data} />
        )}
        <header className={styles.header}>
          <h1 id="video-title">{data.title}</h1>
          {data.status !== 'ready' && (
            <span className={styles.badge} data-status={data.status}>
              {playsEarly ? 'Processing — higher qualities soon' : STATUS_LABELS[data.status]}
            </span>
          )}
          {data.visibility !== 'public' && <span className={styles.badge}>{data.visibility}</span>}
        </header>
        <p className={styles.muted}>
          {counts.format(data.viewCount)} views
          {data.publishedAt ? ` · ${dates.format(new Date(data.publishedAt))}` : ''}
        </p>
        <ChannelRow video={data} signedIn={signedIn} />
        <ShareButton video={data} currentTime={() => playedTo.current} />
        {!reviewing && <SaveToPlaylist videoId={data.id} signedIn={signedIn} />}
        {signedIn && !data.viewer.isOwner && !reviewing && (
          <div>
            <ReportButton targetKind="video" targetId={data.id} />
          </div>
        )}
        {data.viewer.isOwner && <OwnerActions video={data} />}
        <Description text={data.description} />
        {data.tags.length > 0 && (
          <ul className={styles.tags} aria-label="Tags">
            {data.tags.map((tag) => (
              <li key={tag}>#{tag}</li>
            ))}
          </ul>
        )}
        {data.status === 'ready' && (
          <Comments
            videoId={data.id}
            commentCount={data.commentCount}
            author={commentAuthor}
            isVideoOwner={data.viewer.isOwner}
          />
        )}
      </article>
      <WatchSide playback={playback}>
        {/* nothing is listed next to a blocked video, not even for the moderator reviewing it */}
        {!reviewing && <RelatedVideos videoId={data.id} />}
      </WatchSide>
    </div>
  );
}
