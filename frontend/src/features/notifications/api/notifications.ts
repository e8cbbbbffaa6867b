import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect } from 'react';
import type {
  Notification,
  NotificationListResponse,
  NotificationReadState,
} from '../../../contract/generated/types.gen';
import {
  zListNotificationsResponse,
  zMarkAllNotificationsReadResponse,
  zMarkNotificationReadResponse,
} from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { realtimeClient, type RealtimeClient } from '../../../lib/realtime/realtimeClient';

export async function listNotifications(
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<NotificationListResponse> {
  return apiRequest({
    path: cursor ? `/api/v1/notifications?cursor=${encodeURIComponent(cursor)}` : '/api/v1/notifications',
    responseSchema: zListNotificationsResponse,
    signal,
  });
}

export async function markNotificationRead(notificationId: string): Promise<NotificationReadState> {
  const envelope = await apiRequest({
    path: `/api/v1/notifications/${encodeURIComponent(notificationId)}/read`,
    method: 'POST',
    responseSchema: zMarkNotificationReadResponse,
  });
  return envelope.data;
}

export async function markAllNotificationsRead(): Promise<NotificationReadState> {
  const envelope = await apiRequest({
    path: '/api/v1/notifications/read-all',
    method: 'POST',
    responseSchema: zMarkAllNotificationsReadResponse,
  });
  return envelope.data;
}

export const notificationsQueryKey = ['notifications', 'list'] as const;
type Pages = InfiniteData<NotificationListResponse, string | undefined>;

/** The caller's notifications; the first page's `meta.unreadCount` is the bell's badge. */
export function useNotifications(enabled = true) {
  return useInfiniteQuery({
    queryKey: notificationsQueryKey,
    queryFn: ({ pageParam, signal }) => listNotifications(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
    enabled,
  });
}

export function unreadCountOf(pages: InfiniteData<NotificationListResponse> | undefined): number {
  return pages?.pages[0]?.meta.unreadCount ?? 0;
}

/** The cache with some notifications marked read and the unread count the server answered (or computed). */
function withRead(pages: Pages | undefined, isRead: (n: Notification) => boolean, unreadCount: number) {
  if (!pages) return pages;
  return {
    ...pages,
    pages: pages.pages.map((page) => ({
      ...page,
      data: page.data.map((n) => (isRead(n) ? { ...n, read: true } : n)),
      meta: { ...page.meta, unreadCount },
    })),
  };
}

/** A live `notification.new`: shown first, with the server's new unread count. */
export function withNew(pages: Pages | undefined, notification: Notification, unreadCount: number) {
  if (!pages) return pages;
  const [first, ...rest] = pages.pages;
  if (!first) return pages;
  const others = first.data.filter((n) => n.id !== notification.id);
  return {
    ...pages,
    pages: [{ ...first, data: [notification, ...others], meta: { ...first.meta, unreadCount } }, ...rest].map(
      (page) => ({ ...page, meta: { ...page.meta, unreadCount } }),
    ),
  };
}

/** Optimistic: the item reads as read and the badge drops at once; a failure puts the list back. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onMutate: async (id: string) => {
      await queryClient.cancelQueries({ queryKey: notificationsQueryKey });
      const previous = queryClient.getQueryData<Pages>(notificationsQueryKey);
      const wasUnread = previous?.pages.some((page) => page.data.some((n) => n.id === id && !n.read)) ?? false;
      const unread = Math.max(0, unreadCountOf(previous) - (wasUnread ? 1 : 0));
      queryClient.setQueryData<Pages>(notificationsQueryKey, (pages) => withRead(pages, (n) => n.id === id, unread));
      return { previous };
    },
    onError: (_error, _id, context) => {
      queryClient.setQueryData<Pages>(notificationsQueryKey, context?.previous);
    },
    onSuccess: (state, id) => {
      queryClient.setQueryData<Pages>(notificationsQueryKey, (pages) =>
        withRead(pages, (n) => n.id === id, state.unreadCount),
      );
    },
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: notificationsQueryKey });
      const previous = queryClient.getQueryData<Pages>(notificationsQueryKey);
      queryClient.setQueryData<Pages>(notificationsQueryKey, (pages) => withRead(pages, () => true, 0));
      return { previous };
    },
    onError: (_error, _variables, context) => {
      queryClient.setQueryData<Pages>(notificationsQueryKey, context?.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}

/**
 * While signed in: `notification.new` over the app's WebSocket goes straight into the list and the badge, and every
 * (re)connect re-reads the list over HTTP so a message missed while offline still shows.
 */
export function useLiveNotifications(enabled: boolean, client?: RealtimeClient) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    const realtime = client ?? realtimeClient();
    const stopMessages = realtime.onUserMessage((message) => {
      queryClient.setQueryData<Pages>(notificationsQueryKey, (pages) =>
        withNew(pages, message.notification, message.unreadCount),
      );
      void queryClient.invalidateQueries({ queryKey: ['engagement', 'subscription-videos'] });
    });
    const stopStates = realtime.onStateChange((state) => {
      if (state === 'open') void queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
    });
    return () => {
      stopStates();
      stopMessages();
    };
  }, [enabled, client, queryClient]);
}
