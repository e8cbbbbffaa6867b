import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { limits } from '../../contract/generated/limits.gen';
import type { ReportQueueEntry } from '../../contract/generated/types.gen';
import { fakeApi, json } from '../../test/fakeApi';
import { deferred, renderWithQueries } from '../engagement/testing';
import { AdminReportsPage } from './AdminReportsPage';
import { ReportButton } from './ReportButton';
import { REPORT_REASONS } from './reasons';

const VIDEO = 'dQw4w9WgXcQ';

function entry(extra: Partial<ReportQueueEntry> = {}): ReportQueueEntry {
  return {
    targetKind: 'video',
    targetId: VIDEO,
    videoId: VIDEO,
    openReports: 2,
    reasons: ['spam', 'violence'],
    latestReportAt: '2026-12-02T04:00:00Z',
    preview: 'Carving spoons',
    videoStatus: 'ready',
    ...extra,
  };
}

const action = (verb: string) => ({
  data: {
    id: 'a1',
    actor: { userId: 'usr_admin', handle: 'mod' },
    action: verb,
    targetKind: 'video',
    targetId: VIDEO,
    reason: 'Graphic',
    closedReports: 2,
    at: '2026-12-02T04:01:00Z',
  },
});

test('theReportDialogOffersEveryContractReasonAndSendsTheChosenOneWithDetails', async () => {
  const user = userEvent.setup();
  const fetchMock = fakeApi({
    'POST /api/v1/reports': () =>
      json(
        {
          data: {
            targetKind: 'video',
            targetId: VIDEO,
            reason: 'violence',
            status: 'open',
            createdAt: '2026-12-02T04:00:00Z',
          },
        },
        201,
      ),
  });
  await renderWithQueries(<ReportButton targetKind="video" targetId={VIDEO} />);

  await user.click(screen.getByRole('button', { name: 'Report' }));
  const dialog = screen.getByRole('dialog', { name: 'Report this video' });
  expect(within(dialog).getAllByRole('radio')).toHaveLength(REPORT_REASONS.length);
  const send = within(dialog).getByRole('button', { name: 'Send report' });
  expect(send).toBeDisabled();
  await user.click(within(dialog).getByRole('radio', { name: 'Violent or graphic' }));
  await user.type(within(dialog).getByRole('textbox', { name: /Details/ }), '  A fight  ');
  await user.click(send);

  expect(await within(dialog).findByRole('status')).toHaveTextContent('the moderators will review this video');
  const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
  expect(JSON.parse(post?.[1]?.body as string)).toEqual({
    targetKind: 'video',
    targetId: VIDEO,
    reason: 'violence',
    text: 'A fight',
  });
  expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
});

test('theDetailsAreCappedAtTheContractLimit', async () => {
  const user = userEvent.setup();
  fakeApi({});
  await renderWithQueries(<ReportButton targetKind="comment" targetId="c1" label="Report comment by Bob" />);

  await user.click(screen.getByRole('button', { name: 'Report comment by Bob' }));

  expect(screen.getByRole('dialog', { name: 'Report this comment' })).toBeInTheDocument();
  expect(screen.getByRole('textbox', { name: /Details/ })).toHaveAttribute(
    'maxLength',
    String(limits.moderation.reportText.max),
  );
});

test('focusStaysInTheDialogAndEscapeReturnsItToTheButton', async () => {
  const user = userEvent.setup();
  fakeApi({});
  await renderWithQueries(<ReportButton targetKind="video" targetId={VIDEO} />);
  const opener = screen.getByRole('button', { name: 'Report' });

  await user.click(opener);
  const dialog = screen.getByRole('dialog');
  expect(dialog).toContainElement(document.activeElement as HTMLElement);
  for (let i = 0; i < 15; i++) {
    await user.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
  }
  await user.tab({ shift: true });
  expect(dialog).toContainElement(document.activeElement as HTMLElement);
  await user.keyboard('{Escape}');

  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(opener).toHaveFocus();
});

test('aRateLimitedReportSaysToTryLater', async () => {
  const user = userEvent.setup();
  fakeApi({
    'POST /api/v1/reports': () =>
      json({ error: { code: 'RATE_LIMITED', message: 'Slow down', details: { retryAfterSeconds: 60 } } }, 429, {
        'Retry-After': '60',
      }),
  });
  await renderWithQueries(<ReportButton targetKind="video" targetId={VIDEO} />);

  await user.click(screen.getByRole('button', { name: 'Report' }));
  await user.click(screen.getByRole('radio', { name: 'Spam or misleading' }));
  await user.click(screen.getByRole('button', { name: 'Send report' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('try again later');
});

test('theQueueListsItemsWithTheirCountsAndBlockingSendsTheReasonAndRereadsTheQueue', async () => {
  const user = userEvent.setup();
  let blocked = false;
  const fetchMock = fakeApi({
    'GET /api/v1/admin/reports': () =>
      json({
        data: blocked
          ? []
          : [
              entry(),
              entry({
                targetKind: 'comment',
                targetId: 'c1',
                preview: 'Rude words',
                reasons: ['harassment'],
                openReports: 1,
                videoStatus: undefined,
              }),
            ],
        meta: {},
      }),
    [`POST /api/v1/admin/videos/${VIDEO}/block`]: () => {
      blocked = true;
      return json(action('block'));
    },
  });
  await renderWithQueries(
    <MemoryRouter>
      <AdminReportsPage />
    </MemoryRouter>,
  );

  const video = await screen.findByRole('listitem', { name: 'Video: Carving spoons' });
  expect(video).toHaveTextContent('2 open reports');
  expect(within(video).getByText('Violent or graphic')).toBeInTheDocument();
  const comment = screen.getByRole('listitem', { name: 'Comment: Rude words' });
  expect(within(comment).getByRole('button', { name: 'Remove comment' })).toBeInTheDocument();
  expect(within(comment).queryByRole('button', { name: 'Block video' })).not.toBeInTheDocument();

  await user.click(within(video).getByRole('button', { name: 'Block video' }));
  const dialog = screen.getByRole('dialog', { name: 'Block video' });
  const confirm = within(dialog).getByRole('button', { name: 'Block video' });
  expect(confirm).toBeDisabled();
  await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Graphic');
  await user.click(confirm);

  expect(await screen.findByText(/No open reports\./)).toBeInTheDocument();
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
  expect(JSON.parse(post?.[1]?.body as string)).toEqual({ reason: 'Graphic' });
});

test('aBlockedVideoOffersUnblockAndANonAdminIsToldTheQueueIsForModerators', async () => {
  fakeApi({ 'GET /api/v1/admin/reports': () => json({ data: [entry({ videoStatus: 'blocked' })], meta: {} }) });
  const first = await renderWithQueries(
    <MemoryRouter>
      <AdminReportsPage />
    </MemoryRouter>,
  );
  expect(await screen.findByRole('button', { name: 'Unblock video' })).toBeInTheDocument();
  first.unmount();

  fakeApi({ 'GET /api/v1/admin/reports': () => json({ error: { code: 'FORBIDDEN', message: 'No' } }, 403) });
  await renderWithQueries(
    <MemoryRouter>
      <AdminReportsPage />
    </MemoryRouter>,
  );
  expect(await screen.findByRole('alert')).toHaveTextContent('Only moderators');
});

test('theQueueSaysItIsLoadingThenThatItIsEmpty', async () => {
  const answer = deferred<Response>();
  fakeApi({ 'GET /api/v1/admin/reports': () => answer.promise });
  await renderWithQueries(
    <MemoryRouter>
      <AdminReportsPage />
    </MemoryRouter>,
  );

  expect(screen.getByRole('heading', { level: 1, name: 'Reports' })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('Loading reports…');
  answer.resolve(json({ data: [], meta: {} }));
  expect(await screen.findByText(/No open reports\./)).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: 'Reports' })).toBeInTheDocument();
});

test('aQueueThatCouldNotBeLoadedOffersTryAgain', async () => {
  const user = userEvent.setup();
  let fail = true;
  fakeApi({
    'GET /api/v1/admin/reports': () =>
      fail
        ? json({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong' } }, 500)
        : json({ data: [entry()], meta: {} }),
  });
  await renderWithQueries(
    <MemoryRouter>
      <AdminReportsPage />
    </MemoryRouter>,
  );

  const problem = await screen.findByRole('alert');
  expect(problem).toHaveTextContent('The queue could not be loaded.');
  fail = false;
  await user.click(within(problem).getByRole('button', { name: 'Try again' }));

  expect(await screen.findByRole('listitem', { name: 'Video: Carving spoons' })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('aFailedNextPageKeepsTheListedItemsAndOffersTryAgain', async () => {
  const user = userEvent.setup();
  let failNext = true;
  fakeApi({
    'GET /api/v1/admin/reports': (request) => {
      if (!new URL(request.url).searchParams.has('cursor'))
        return json({ data: [entry()], meta: { nextCursor: 'p2' } });
      return failNext
        ? json({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong' } }, 500)
        : json({ data: [entry({ targetId: 'c2', targetKind: 'comment', preview: 'Second page' })], meta: {} });
    },
  });
  await renderWithQueries(
    <MemoryRouter>
      <AdminReportsPage />
    </MemoryRouter>,
  );

  await user.click(await screen.findByRole('button', { name: 'More' }));

  const problem = await screen.findByRole('alert');
  expect(problem).toHaveTextContent('More reports could not be loaded.');
  expect(screen.getByRole('listitem', { name: 'Video: Carving spoons' })).toBeInTheDocument();
  failNext = false;
  await user.click(within(problem).getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('listitem', { name: 'Comment: Second page' })).toBeInTheDocument();
});

test('theKeyboardAloneActsOnAnItemAndTheFocusLandsOnTheHeadingWithWhatWasDone', async () => {
  const user = userEvent.setup();
  let dismissed = false;
  fakeApi({
    'GET /api/v1/admin/reports': () => json({ data: dismissed ? [] : [entry()], meta: {} }),
    [`POST /api/v1/admin/reports/video/${VIDEO}/dismiss`]: () => {
      dismissed = true;
      return json(action('dismiss'));
    },
  });
  await renderWithQueries(
    <MemoryRouter>
      <AdminReportsPage />
    </MemoryRouter>,
  );
  const dismiss = await screen.findByRole('button', { name: 'Dismiss reports' });

  dismiss.focus();
  await user.keyboard('{Enter}');
  const dialog = screen.getByRole('dialog', { name: 'Dismiss reports' });
  expect(within(dialog).getByRole('textbox', { name: /Reason/ })).toHaveFocus();
  await user.keyboard('Not a problem');
  await user.tab(); // Cancel
  await user.tab(); // Dismiss reports
  await user.keyboard('{Enter}');

  expect(await screen.findByText(/No open reports\./)).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: 'Reports' })).toHaveFocus();
  expect(screen.getByRole('status')).toHaveTextContent('Reports dismissed: Carving spoons');
});
