import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotifyPreference, Subscription } from '../../../contract/generated/types.gen';
import {
  zGetSubscriptionResponse,
  zSubscribeBody,
  zSubscribeResponse,
  zUnsubscribeResponse,
} from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

const path = (channelId: string) => `/api/v1/channels/${encodeURIComponent(channelId)}/subscription`;

export async function getSubscription(channelId: string, signal?: AbortSignal): Promise<Subscription> {
  const envelope = await apiRequest({ path: path(channelId), responseSchema: zGetSubscriptionResponse, signal });
  return envelope.data;
}

export async function subscribe(channelId: string, notify: NotifyPreference): Promise<Subscription> {
  const envelope = await apiRequest({
    path: path(channelId),
    method: 'PUT',
    body: { notify },
    bodySchema: zSubscribeBody,
    responseSchema: zSubscribeResponse,
  });
  return envelope.data;
}

export async function unsubscribe(channelId: string): Promise<Subscription> {
  const envelope = await apiRequest({ path: path(channelId), method: 'DELETE', responseSchema: zUnsubscribeResponse });
  return envelope.data;
}

export const subscriptionQueryKey = (channelId: string) => ['engagement', 'subscription', channelId] as const;

/** The caller's subscription to a channel and its exact count; only asked for when signed in. */
export function useSubscription(channelId: string, enabled: boolean) {
  return useQuery({
    queryKey: subscriptionQueryKey(channelId),
    queryFn: ({ signal }) => getSubscription(channelId, signal),
    enabled,
  });
}

/** What the caller asks for: a preference (subscribe or change it) or `null` (unsubscribe). */
export type SubscriptionChange = NotifyPreference | null;

/**
 * What a click does before the server answers: the count moves by one only when the subscribed state changes (the
 * server does the same in one transaction, so its answer normally agrees); a preference change keeps it.
 */
export function applySubscription(current: Subscription, change: SubscriptionChange): Subscription {
  const subscribed = change !== null;
  const delta = subscribed === current.subscribed ? 0 : subscribed ? 1 : -1;
  const next: Subscription = {
    channelId: current.channelId,
    subscribed,
    subscriberCount: Math.max(0, current.subscriberCount + delta),
  };
  if (change !== null) next.notify = change;
  return next;
}

/** Optimistic: the button and count change at once; a failure puts the previous state back and calls `onFailure`. */
export function useChangeSubscription(channelId: string, onFailure: (error: unknown) => void) {
  const queryClient = useQueryClient();
  const key = subscriptionQueryKey(channelId);
  return useMutation({
    mutationFn: (change: SubscriptionChange) =>
      change === null ? unsubscribe(channelId) : subscribe(channelId, change),
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Subscription>(key);
      if (previous) queryClient.setQueryData<Subscription>(key, applySubscription(previous, change));
      return { previous };
    },
    onError: (error, _change, context) => {
      if (context?.previous) queryClient.setQueryData<Subscription>(key, context.previous);
      onFailure(error);
    },
    onSuccess: (subscription) => {
      queryClient.setQueryData<Subscription>(key, subscription);
      void queryClient.invalidateQueries({ queryKey: ['engagement', 'my-subscriptions'] });
      void queryClient.invalidateQueries({ queryKey: ['engagement', 'subscription-videos'] });
    },
  });
}
