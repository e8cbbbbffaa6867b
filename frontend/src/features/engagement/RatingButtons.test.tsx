import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Rating } from '../../contract/generated/types.gen';
import { fakeApi, json } from '../../test/fakeApi';
import { applyRating } from './api/rateVideo';
import { RatingButtons } from './RatingButtons';
import { deferred, renderWithQueries } from './testing';

const initial: Rating = { videoId: 'dQw4w9WgXcQ', value: 'none', likeCount: 41, dislikeCount: 2 };
const RATE = 'PUT /api/v1/videos/dQw4w9WgXcQ/rating';

test('applyRatingMovesTheCallersVoteBetweenTheCounts', () => {
  expect(applyRating(initial, 'like')).toMatchObject({ value: 'like', likeCount: 42, dislikeCount: 2 });
  const liked = applyRating(initial, 'like');
  expect(applyRating(liked, 'dislike')).toMatchObject({ value: 'dislike', likeCount: 41, dislikeCount: 3 });
  expect(applyRating(liked, 'none')).toMatchObject({ value: 'none', likeCount: 41, dislikeCount: 2 });
  expect(applyRating(liked, 'like')).toEqual(liked);
});

test('likeCountChangesBeforeTheServerAnswersThenTakesTheServersCounts', async () => {
  const answer = deferred<Response>();
  const fetchMock = fakeApi({ [RATE]: () => answer.promise });
  await renderWithQueries(<RatingButtons initial={initial} signedIn />);

  await userEvent.click(screen.getByRole('button', { name: 'Like 41' }));

  expect(screen.getByRole('button', { name: 'Like 42' })).toHaveAttribute('aria-pressed', 'true');
  const [, init] = fetchMock.mock.calls[0] ?? [];
  expect(init?.body).toBe('{"value":"like"}');
  await act(async () => {
    answer.resolve(json({ data: { ...initial, value: 'like', likeCount: 50 } }));
    await answer.promise;
  });
  expect(await screen.findByRole('button', { name: 'Like 50' })).toBeInTheDocument();
});

test('clickingTheActiveButtonAgainRemovesTheRating', async () => {
  const fetchMock = fakeApi({
    [RATE]: (request) =>
      request.json().then((body: unknown) => json({ data: { ...initial, ...(body as object), likeCount: 41 } })),
  });
  await renderWithQueries(<RatingButtons initial={{ ...initial, value: 'like', likeCount: 42 }} signedIn />);

  await userEvent.click(screen.getByRole('button', { name: 'Like 42' }));

  expect(await screen.findByRole('button', { name: 'Like 41' })).toHaveAttribute('aria-pressed', 'false');
  expect(fetchMock.mock.calls[0]?.[1]?.body).toBe('{"value":"none"}');
});

test('aFailedSaveRollsBackAndShowsAToast', async () => {
  fakeApi({ [RATE]: () => json({ error: { code: 'INTERNAL_ERROR', message: 'Down', requestId: 'r1' } }, 500) });
  await renderWithQueries(<RatingButtons initial={initial} signedIn />);

  await userEvent.click(screen.getByRole('button', { name: 'Dislike 2' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('could not be saved');
  expect(screen.getByRole('button', { name: 'Dislike 2' })).toHaveAttribute('aria-pressed', 'false');
  expect(screen.getByRole('button', { name: 'Like 41' })).toBeInTheDocument();
});

test('aVisitorIsAskedToSignInAndNothingIsSent', async () => {
  const fetchMock = fakeApi({});
  await renderWithQueries(<RatingButtons initial={initial} signedIn={false} />);

  await userEvent.click(screen.getByRole('button', { name: 'Like 41' }));

  expect(screen.getByRole('alert')).toHaveTextContent('Sign in to rate');
  expect(fetchMock).not.toHaveBeenCalled();
});
