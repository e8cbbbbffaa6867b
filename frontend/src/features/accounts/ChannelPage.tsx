import { useParams } from 'react-router';
import { ComingSoon } from '../../components/ComingSoon';
import { isApiError } from '../../lib/api/client';
import { useChannel } from './api/getChannel';

/** Placeholder channel page at /c/:handle until the channel feature lands. */
export function ChannelPage() {
  const { handle = '' } = useParams();
  const channel = useChannel(handle);
  if (channel.isError) {
    const missing = isApiError(channel.error) && channel.error.code === 'CHANNEL_NOT_FOUND';
    return (
      <ComingSoon title="Channel">
        {missing ? 'There is no channel with this handle.' : channel.error.message}
      </ComingSoon>
    );
  }
  const title = channel.data ? channel.data.name : `@${handle}`;
  return (
    <ComingSoon title={title}>
      {channel.data ? `@${channel.data.handle} · ` : ''}Channel pages are coming soon.
    </ComingSoon>
  );
}
