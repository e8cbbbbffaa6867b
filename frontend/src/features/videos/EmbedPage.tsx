import { useParams, useSearchParams } from 'react-router';
import { zVideoId } from '../../contract/generated/zod.gen';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMe } from '../accounts/api/getMe';
import { usePlaybackPorts } from './api/playbackApi';
import { useVideo } from './api/getVideo';
import styles from './EmbedPage.module.css';
import { HlsPlayer } from './player/HlsPlayer';
import { parseStartParam } from './player/resume';

function Unavailable({ message }: { message: string }) {
  return (
    <main className={styles.unavailable}>
      <p>{message}</p>
    </main>
  );
}

/**
 * `/embed/:videoId`: the player alone, for other sites' iframes — no header, no comments, a link back to the watch
 * page in a new tab. Public and unlisted videos only: a private video is refused even to its owner, because an
 * embed is by nature on someone else's page. `?t=` starts there, as on the watch page.
 */
export function EmbedPage() {
  const { videoId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const validId = zVideoId.safeParse(videoId).success;
  const video = useVideo(videoId, validId);
  const me = useMe();
  const ports = usePlaybackPorts(videoId);
  useDocumentTitle(video.data?.title);

  if (!validId || video.isError) return <Unavailable message="This video isn't available." />;
  if (video.isPending) return <Unavailable message="Loading…" />;
  const { data } = video;
  if (data.visibility === 'private') return <Unavailable message="This video is private and can't be embedded." />;
  if (data.status !== 'ready' || !data.playlistUrl) return <Unavailable message="This video isn't ready yet." />;
  return (
    <main className={styles.embed}>
      <HlsPlayer
        playlistUrl={data.playlistUrl}
        posterUrl={data.thumbnailUrl}
        durationSeconds={data.durationSeconds}
        resumeAt={data.viewer.resumePosition}
        startAt={parseStartParam(searchParams.get('t'))}
        title={data.title}
        signedIn={Boolean(me.data)}
        ports={ports}
        compact
      />
      <a className={styles.title} href={`/watch/${encodeURIComponent(data.id)}`} target="_blank" rel="noopener">
        {data.title} <span aria-hidden="true">↗</span>
        <span className="visually-hidden"> (watch on Kinora, opens a new tab)</span>
      </a>
    </main>
  );
}
