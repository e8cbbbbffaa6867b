import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Comment, CommentAuthor } from '../../contract/generated/types.gen';
import { limits } from '../../contract/generated/limits.gen';
import { fakeApi, json } from '../../test/fakeApi';
import { Comments, draftProblem } from './Comments';
import { deferred, renderWithQueries } from './testing';

const VIDEO = 'dQw4w9WgXcQ';
const LIST = `GET /api/v1/videos/${VIDEO}/comments`;
const POST = `POST /api/v1/videos/${VIDEO}/comments`;
const ada: CommentAuthor = { channelId: 'ch_ada', handle: 'ada', name: 'Ada Lovelace' };
const bob: CommentAuthor = { channelId: 'ch_bob', handle: 'bob', name: 'Bob' };

function comment(id: string, text: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    videoId: VIDEO,
    author: bob,
    text,
    replyCount: 0,
    likeCount: 0,
    createdAt: '2026-11-25T12:00:00Z',
    ...extra,
  };
}

test('draftsAreCheckedAgainstTheContractLimits', () => {
  expect(draftProblem('   ')).toBeDefined();
  expect(draftProblem('x'.repeat(limits.comment.text.max))).toBeUndefined();
  expect(draftProblem('x'.repeat(limits.comment.text.max + 1))).toBeDefined();
});

test('commentsLoadAPageAtATimeWithLoadMore', async () => {
  const fetchMock = fakeApi({
    [LIST]: (request) =>
      new URL(request.url).searchParams.get('cursor') === 'page2'
        ? json({ data: [comment('c3', 'Third')], meta: {} })
        : json({
            data: [comment('c1', 'First'), comment('c2', 'See https://kinora.dev')],
            meta: { nextCursor: 'page2' },
          }),
  });
  await renderWithQueries(<Comments videoId={VIDEO} commentCount={3} author={undefined} isVideoOwner={false} />);

  expect(await screen.findByText('First')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'https://kinora.dev' })).toBeInTheDocument();
  expect(screen.getByText('Sign in to comment.')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

  expect(await screen.findByText('Third')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  expect(fetchMock.mock.calls[1]?.[0]).toEqual(expect.stringContaining('cursor=page2'));
});

test('anEmptyCommentIsRefusedWithoutARequest', async () => {
  const fetchMock = fakeApi({ [LIST]: () => json({ data: [], meta: {} }) });
  await renderWithQueries(<Comments videoId={VIDEO} commentCount={0} author={ada} isVideoOwner={false} />);

  await userEvent.click(screen.getByRole('button', { name: 'Comment' }));

  expect(screen.getByRole('alert')).toHaveTextContent('Write something first.');
  expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);
});

test('aPostedCommentShowsAtOnceAndARejectedOneIsRolledBackWithTheDraftKept', async () => {
  const answer = deferred<Response>();
  fakeApi({ [LIST]: () => json({ data: [comment('c1', 'First')], meta: {} }), [POST]: () => answer.promise });
  await renderWithQueries(<Comments videoId={VIDEO} commentCount={1} author={ada} isVideoOwner={false} />);
  await screen.findByText('First');

  await userEvent.type(screen.getByLabelText('Add a comment'), 'Lovely <b>grain</b>');
  await userEvent.click(screen.getByRole('button', { name: 'Comment' }));

  expect(screen.getByText('Lovely <b>grain</b>')).toBeInTheDocument();
  expect(screen.getByText('Posting…')).toBeInTheDocument();
  await act(async () => {
    answer.resolve(
      json({ error: { code: 'RATE_LIMITED', message: 'Slow down', details: { retryAfterSeconds: 30 } } }, 429),
    );
    await answer.promise;
  });

  expect(await screen.findByRole('alert')).toHaveTextContent('too fast');
  expect(screen.queryByText('Posting…')).toBeNull();
  expect(screen.getByLabelText('Add a comment')).toHaveValue('Lovely <b>grain</b>');
});

test('repliesOpenUnderTheirCommentAndARepliedCommentIsPostedWithItsParent', async () => {
  const fetchMock = fakeApi({
    [LIST]: () => json({ data: [comment('c1', 'Which chisel?', { replyCount: 1 })], meta: {} }),
    'GET /api/v1/comments/c1/replies': () =>
      json({ data: [comment('r1', 'A spindle gouge', { parentId: 'c1', author: ada })], meta: {} }),
    [POST]: () => json({ data: comment('r2', 'Thanks', { parentId: 'c1', author: ada }) }, 201),
  });
  await renderWithQueries(<Comments videoId={VIDEO} commentCount={2} author={ada} isVideoOwner={false} />);

  await userEvent.click(await screen.findByRole('button', { name: 'Show 1 reply' }));
  const thread = await screen.findByRole('list', { name: 'Replies to Bob' });
  expect(within(thread).getByText('A spindle gouge')).toBeInTheDocument();
  expect(within(thread).queryByRole('button', { name: 'Reply' })).toBeNull();

  await userEvent.click(screen.getByRole('button', { name: 'Reply' }));
  await userEvent.type(screen.getByLabelText('Reply to Bob'), 'Thanks');
  await userEvent.click(screen.getByRole('button', { name: 'Post reply' }));

  const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
  expect(post?.[1]?.body).toBe('{"text":"Thanks","parentId":"c1"}');
});

test('onlyTheAuthorOrTheVideosOwnerSeesDelete', async () => {
  fakeApi({
    [LIST]: () => json({ data: [comment('c1', 'By Bob'), comment('c2', 'By Ada', { author: ada })], meta: {} }),
  });
  const { unmount } = await renderWithQueries(
    <Comments videoId={VIDEO} commentCount={2} author={ada} isVideoOwner={false} />,
  );
  await screen.findByText('By Bob');
  expect(screen.getAllByRole('button', { name: 'Delete' })).toHaveLength(1);
  unmount();

  await renderWithQueries(<Comments videoId={VIDEO} commentCount={2} author={ada} isVideoOwner />);
  await screen.findByText('By Bob');
  expect(screen.getAllByRole('button', { name: 'Delete' })).toHaveLength(2);
});

test('theAuthorEditsARecentCommentInPlace', async () => {
  const fetchMock = fakeApi({
    [LIST]: () =>
      json({ data: [comment('c2', 'Typo hre', { author: ada, createdAt: new Date().toISOString() })], meta: {} }),
    'PATCH /api/v1/comments/c2': () => json({ data: comment('c2', 'Typo here', { author: ada }) }),
  });
  await renderWithQueries(<Comments videoId={VIDEO} commentCount={1} author={ada} isVideoOwner={false} />);

  await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
  const field = screen.getByLabelText('Edit your comment');
  await userEvent.clear(field);
  await userEvent.type(field, 'Typo here');
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));

  const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
  expect(patch?.[1]?.body).toBe('{"text":"Typo here"}');
});

test('nobodyCanEditAnotherAuthorsCommentOrOneOutsideTheWindow', async () => {
  fakeApi({
    [LIST]: () =>
      json({
        data: [
          comment('c1', 'By Bob'),
          comment('c2', 'Old one by Ada', { author: ada, createdAt: '2020-01-01T00:00:00Z' }),
        ],
        meta: {},
      }),
  });
  await renderWithQueries(<Comments videoId={VIDEO} commentCount={2} author={ada} isVideoOwner />);

  await screen.findByText('By Bob');
  expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
});
