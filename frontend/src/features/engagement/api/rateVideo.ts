import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Rating, RatingValue } from '../../../contract/generated/types.gen';
import { zRateVideoBody, zRateVideoResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

export async function rateVideo(videoId: string, value: RatingValue): Promise<Rating> {
  const envelope = await apiRequest({
    path: `/api/v1/videos/${encodeURIComponent(videoId)}/rating`,
    method: 'PUT',
    body: { value },
    bodySchema: zRateVideoBody,
    responseSchema: zRateVideoResponse,
  });
  return envelope.data;
}

export const ratingQueryKey = (videoId: string) => ['engagement', 'rating', videoId] as const;

/**
 * What a click does before the server answers: the caller's vote moves from its old value to `next`, and
 * the counts follow (the server does the same in one transaction, so the answer normally agrees).
 */
export function applyRating(rating: Rating, next: RatingValue): Rating {
  const count = (value: RatingValue) => (next === value ? 1 : 0) - (rating.value === value ? 1 : 0);
  return {
    ...rating,
    value: next,
    likeCount: Math.max(0, rating.likeCount + count('like')),
    dislikeCount: Math.max(0, rating.dislikeCount + count('dislike')),
  };
}

/**
 * The caller's rating of a video, seeded from what the watch page already knows (the server has no GET:
 * the video's counts and viewer state come with the video).
 */
export function useRating(initial: Rating) {
  return useQuery({
    queryKey: ratingQueryKey(initial.videoId),
    queryFn: () => initial,
    initialData: initial,
    staleTime: Infinity,
  });
}

/** Optimistic: the buttons change at once; a failure puts the previous rating back and calls `onFailure`. */
export function useRateVideo(videoId: string, onFailure: (error: unknown) => void) {
  const queryClient = useQueryClient();
  const key = ratingQueryKey(videoId);
  return useMutation({
    mutationFn: (value: RatingValue) => rateVideo(videoId, value),
    onMutate: async (value) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Rating>(key);
      if (previous) queryClient.setQueryData<Rating>(key, applyRating(previous, value));
      return { previous };
    },
    onError: (error, _value, context) => {
      if (context?.previous) queryClient.setQueryData<Rating>(key, context.previous);
      onFailure(error);
    },
    onSuccess: (rating) => {
      queryClient.setQueryData<Rating>(key, rating);
      void queryClient.invalidateQueries({ queryKey: ['videos', 'video', videoId] });
    },
  });
}
