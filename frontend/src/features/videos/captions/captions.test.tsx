import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '@testing-library/react';
import type { CaptionTrack } from '../../../contract/generated/types.gen';
import { fakeApi, json } from '../../../test/fakeApi';
import { renderWithQueries } from '../../engagement/testing';
import {
  CAPTIONS_OFF,
  preferredTrack,
  saveCaptionLanguage,
  savedCaptionLanguage,
  toggledTrack,
} from '../player/captions';
import { CaptionsMenu } from '../player/CaptionsMenu';
import { playerAction } from '../player/keyboard';
import { CaptionsEditor } from './CaptionsEditor';
import { captionFormat } from './languages';

const VIDEO = 'dQw4w9WgXcQ';
const LIST = `GET /api/v1/videos/${VIDEO}/captions`;
const PUT_EN = `PUT /api/v1/videos/${VIDEO}/captions/en`;

const track = (language: string, label: string): CaptionTrack => ({
  language,
  label,
  kind: 'subtitles',
  source: 'upload',
  url: `/media/${VIDEO}/captions/${language}.vtt`,
  cueCount: 2,
  updatedAt: '2026-12-02T04:00:00Z',
});

const options = [
  { id: 0, language: 'en-GB', label: 'English (UK)' },
  { id: 1, language: 'fr', label: 'Français' },
];

test('aRememberedLanguageChoosesTheSameTagThenTheSameBaseLanguageElseOff', () => {
  expect(preferredTrack(options, 'fr')).toBe(1);
  expect(preferredTrack(options, 'en-US')).toBe(0);
  expect(preferredTrack(options, 'de')).toBe(CAPTIONS_OFF);
  expect(preferredTrack(options, null)).toBe(CAPTIONS_OFF);
});

test('theCKeyTurnsCaptionsOffOrBackOnInTheRememberedLanguage', () => {
  expect(toggledTrack(options, 1, 'fr')).toBe(CAPTIONS_OFF);
  expect(toggledTrack(options, CAPTIONS_OFF, 'fr')).toBe(1);
  expect(toggledTrack(options, CAPTIONS_OFF, null)).toBe(0);
  expect(toggledTrack([], CAPTIONS_OFF, 'fr')).toBe(CAPTIONS_OFF);
  const key = { altKey: false, ctrlKey: false, metaKey: false, target: document.body };
  expect(playerAction({ ...key, key: 'c' })).toEqual({ kind: 'toggleCaptions' });
  expect(playerAction({ ...key, key: 'c', ctrlKey: true })).toBeNull();
});

test('theChoiceIsRememberedOnThisBrowser', () => {
  saveCaptionLanguage('fr');
  expect(savedCaptionLanguage()).toBe('fr');
  saveCaptionLanguage(null);
  expect(savedCaptionLanguage()).toBeNull();
});

test('theCcMenuListsOffAndEveryTrackAndIsUsableByKeyboard', async () => {
  const user = userEvent.setup();
  const onChoose = vi.fn();
  render(<CaptionsMenu options={options} current={CAPTIONS_OFF} onChoose={onChoose} />);

  const button = screen.getByRole('button', { name: 'CC, captions: Off (c)' });
  button.focus();
  await user.keyboard('{ArrowDown}');
  const menu = screen.getByRole('menu', { name: 'Captions' });
  const items = within(menu).getAllByRole('menuitemradio');
  expect(items.map((item) => item.textContent)).toEqual(['Off', 'English (UK)', 'Français']);
  expect(items[0]).toHaveFocus();
  expect(items[0]).toHaveAttribute('aria-checked', 'true');
  await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');

  expect(onChoose).toHaveBeenCalledWith(1);
  expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  expect(button).toHaveFocus();
});

test('escapeClosesTheCcMenu', async () => {
  const user = userEvent.setup();
  render(<CaptionsMenu options={options} current={1} onChoose={vi.fn()} />);
  const button = screen.getByRole('button', { name: 'CC, captions: Français (c)' });
  await user.click(button);
  expect(screen.getByRole('menuitemradio', { name: 'Français' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  expect(button).toHaveFocus();
});

test('theFormatFollowsTheFileName', () => {
  expect(captionFormat('talk.SRT')).toBe('srt');
  expect(captionFormat('talk.vtt')).toBe('vtt');
});

test('theOwnerUploadsAnSrtAndSeesItListed', async () => {
  const user = userEvent.setup();
  let tracks: CaptionTrack[] = [];
  const fetchMock = fakeApi({
    [LIST]: () => json({ data: tracks }),
    [PUT_EN]: async (request) => {
      const body = (await request.json()) as { format: string; text: string; label: string };
      expect(body).toMatchObject({ format: 'srt', label: 'English', kind: 'subtitles' });
      expect(body.text).toContain('00:00:01,000 --> 00:00:02,000');
      tracks = [track('en', 'English')];
      return json({ data: tracks[0] });
    },
  });
  await renderWithQueries(<CaptionsEditor videoId={VIDEO} />);
  expect(await screen.findByText('No caption tracks yet.')).toBeInTheDocument();

  const file = new File(['1\n00:00:01,000 --> 00:00:02,000\nHello\n'], 'hello.srt', { type: '' });
  await user.upload(screen.getByLabelText('Caption file (.vtt or .srt, UTF-8)'), file);
  await user.click(screen.getByRole('button', { name: 'Upload captions' }));

  expect(await screen.findByRole('status')).toHaveTextContent('English published (2 cues)');
  const list = await screen.findByRole('list', { name: 'Caption tracks' });
  expect(within(list).getByText('English')).toBeInTheDocument();
  expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT')).toHaveLength(1);
});

test('theServersLineMessagesAreShownAtTheFileField', async () => {
  const user = userEvent.setup();
  fakeApi({
    [LIST]: () => json({ data: [] }),
    [PUT_EN]: () =>
      json(
        {
          error: {
            code: 'VALIDATION_ERROR',
            message: 'The request is invalid',
            details: { issues: [{ path: '/text', message: 'line 2: malformed cue timing "00:01 --> 00:02"' }] },
          },
        },
        400,
      ),
  });
  await renderWithQueries(<CaptionsEditor videoId={VIDEO} />);
  const input = screen.getByLabelText('Caption file (.vtt or .srt, UTF-8)');
  await user.upload(input, new File(['1\n00:01 --> 00:02\nHi\n'], 'bad.srt'));
  await user.click(screen.getByRole('button', { name: 'Upload captions' }));

  expect(await screen.findByText('line 2: malformed cue timing "00:01 --> 00:02"')).toBeInTheDocument();
  expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(input).toHaveAccessibleDescription('line 2: malformed cue timing "00:01 --> 00:02"');
});

test('deletingATrackAsksTheServerAndRefreshesTheList', async () => {
  let tracks = [track('en', 'English')];
  const fetchMock = fakeApi({
    [LIST]: () => json({ data: tracks }),
    [`DELETE /api/v1/videos/${VIDEO}/captions/en`]: () => {
      tracks = [];
      return new Response(null, { status: 204 });
    },
  });
  await renderWithQueries(<CaptionsEditor videoId={VIDEO} />);
  const remove = await screen.findByRole('button', { name: 'Delete caption track English (en)' });
  await act(async () => {
    fireEvent.click(remove);
    await Promise.resolve();
  });
  expect(await screen.findByText('No caption tracks yet.')).toBeInTheDocument();
  expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true);
});
