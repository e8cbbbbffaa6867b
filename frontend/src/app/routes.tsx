import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { SignInPage } from '../features/accounts/SignInPage';
import { HomePage } from '../features/discovery/HomePage';
import { SearchPage } from '../features/discovery/SearchPage';
import { UploadPage } from '../features/upload/UploadPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RootErrorPage, RouteErrorBoundary } from './RouteErrorBoundary';

function page(element: ReactNode): ReactNode {
  return <RouteErrorBoundary>{element}</RouteErrorBoundary>;
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RootErrorPage />,
    children: [
      { index: true, element: page(<HomePage />) },
      { path: 'search', element: page(<SearchPage />) },
      { path: 'upload', element: page(<UploadPage />) },
      { path: 'signin', element: page(<SignInPage />) },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
];
