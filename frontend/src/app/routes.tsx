import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { ChannelEditPage } from '../features/accounts/ChannelEditPage';
import { ChannelPage } from '../features/accounts/ChannelPage';
import { RequireAuth } from '../features/accounts/RequireAuth';
import { SignInPage } from '../features/accounts/SignInPage';
import { SignUpPage } from '../features/accounts/SignUpPage';
import { HomePage } from '../features/discovery/HomePage';
import { SearchPage } from '../features/discovery/SearchPage';
import { TrendingPage } from '../features/discovery/TrendingPage';
import { SubscriptionsPage } from '../features/engagement/SubscriptionsPage';
import { AdminReportsPage } from '../features/moderation/AdminReportsPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { PlaylistPage } from '../features/playlists/PlaylistPage';
import { PlaylistsPage } from '../features/playlists/PlaylistsPage';
import { UploadPage } from '../features/uploads/UploadPage';
import { EmbedPage } from '../features/videos/EmbedPage';
import { WatchPage } from '../features/videos/WatchPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RootErrorPage, RouteErrorBoundary } from './RouteErrorBoundary';

function page(element: ReactNode): ReactNode {
  return <RouteErrorBoundary>{element}</RouteErrorBoundary>;
}

export const routes: RouteObject[] = [
  // Other sites' iframes: the player without the app's header and footer.
  { path: '/embed/:videoId', element: page(<EmbedPage />), errorElement: <RootErrorPage /> },
  {
    path: '/',
    element: <Layout />,
    errorElement: <RootErrorPage />,
    children: [
      { index: true, element: page(<HomePage />) },
      { path: 'search', element: page(<SearchPage />) },
      { path: 'trending', element: page(<TrendingPage />) },
      {
        path: 'upload',
        element: page(
          <RequireAuth>
            <UploadPage />
          </RequireAuth>,
        ),
      },
      { path: 'watch/:videoId', element: page(<WatchPage />) },
      { path: 'signin', element: page(<SignInPage />) },
      { path: 'signup', element: page(<SignUpPage />) },
      { path: 'c/:handle', element: page(<ChannelPage />) },
      {
        path: 'channel/edit',
        element: page(
          <RequireAuth>
            <ChannelEditPage />
          </RequireAuth>,
        ),
      },
      {
        path: 'subscriptions',
        element: page(
          <RequireAuth>
            <SubscriptionsPage />
          </RequireAuth>,
        ),
      },
      {
        path: 'notifications',
        element: page(
          <RequireAuth>
            <NotificationsPage />
          </RequireAuth>,
        ),
      },
      {
        path: 'playlists',
        element: page(
          <RequireAuth>
            <PlaylistsPage />
          </RequireAuth>,
        ),
      },
      { path: 'playlist/:playlistId', element: page(<PlaylistPage />) },
      {
        path: 'admin/reports',
        element: page(
          <RequireAuth>
            <AdminReportsPage />
          </RequireAuth>,
        ),
      },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
];
