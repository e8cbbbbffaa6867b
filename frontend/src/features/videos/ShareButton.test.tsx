import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Video } from '../../contract/generated/types.gen';
import { ShareButton, shareUrl } from './ShareButton';

const video: Video = {
  id: 'dQw4w9WgXcQ',
  channelId: 'ch_1',
  title: 'Waves',
  description: '',
  tags: [],
  categories: [],
  visibility: 'public',
  status: 'ready',
  resolutions: ['720p'],
  viewCount: 0,
  likeCount: 0,
  dislikeCount: 0,
  commentCount: 0,
  createdAt: '2026-11-25T15:00:00Z',
};

test('theShareLinkCarriesTheStartTimeOnlyWhenAsked', () => {
  expect(shareUrl('https://kinora.example', 'dQw4w9WgXcQ')).toBe('https://kinora.example/watch/dQw4w9WgXcQ');
  expect(shareUrl('https://kinora.example', 'dQw4w9WgXcQ', 83.7)).toBe('https://kinora.example/watch/dQw4w9WgXcQ?t=83');
  expect(shareUrl('https://kinora.example', 'dQw4w9WgXcQ', 0)).toBe('https://kinora.example/watch/dQw4w9WgXcQ');
});

test('copyingTheLinkAtTheCurrentTimeWritesItToTheClipboard', async () => {
  const user = userEvent.setup();
  const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
  render(<ShareButton video={video} currentTime={() => 83.7} />);

  await user.click(screen.getByRole('button', { name: 'Share' }));
  const dialog = screen.getByRole('dialog', { name: 'Share this video' });
  expect(screen.getByRole('textbox', { name: 'Link' })).toHaveValue(`${window.location.origin}/watch/dQw4w9WgXcQ`);
  await user.click(screen.getByRole('checkbox', { name: 'Start at 1:23' }));
  await user.click(screen.getByRole('button', { name: 'Copy link' }));

  expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/watch/dQw4w9WgXcQ?t=83`);
  expect(dialog).toHaveTextContent('Link copied');
});

test('escapeClosesTheDialogAndGivesTheFocusBack', async () => {
  const user = userEvent.setup();
  render(<ShareButton video={{ ...video, visibility: 'private' }} currentTime={() => 0} />);

  const share = screen.getByRole('button', { name: 'Share' });
  await user.click(share);
  expect(screen.getByText('This video is private: the link works for you only.')).toBeInTheDocument();
  expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  await user.keyboard('{Escape}');

  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(share).toHaveFocus();
  expect(share).toHaveAttribute('aria-expanded', 'false');
});
