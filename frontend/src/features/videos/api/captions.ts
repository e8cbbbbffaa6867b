import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaptionTrack, CaptionTrackUpload } from '../../../contract/generated/types.gen';
import {
  zDeleteCaptionTrackResponse,
  zListCaptionTracksResponse,
  zPutCaptionTrackBody,
  zPutCaptionTrackResponse,
} from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { videoQueryKey } from './getVideo';

export const captionsQueryKey = (videoId: string) => [...videoQueryKey(videoId), 'captions'] as const;

const path = (videoId: string, language?: string) =>
  `/api/v1/videos/${encodeURIComponent(videoId)}/captions${language ? `/${encodeURIComponent(language)}` : ''}`;

export async function listCaptionTracks(videoId: string): Promise<CaptionTrack[]> {
  const envelope = await apiRequest({ path: path(videoId), responseSchema: zListCaptionTracksResponse });
  return envelope.data;
}

export function useCaptionTracks(videoId: string) {
  return useQuery({ queryKey: captionsQueryKey(videoId), queryFn: () => listCaptionTracks(videoId) });
}

export interface CaptionPut {
  language: string;
  body: CaptionTrackUpload;
}

export async function putCaptionTrack(videoId: string, { language, body }: CaptionPut): Promise<CaptionTrack> {
  const envelope = await apiRequest({
    path: path(videoId, language),
    method: 'PUT',
    body,
    bodySchema: zPutCaptionTrackBody,
    responseSchema: zPutCaptionTrackResponse,
  });
  return envelope.data;
}

export async function deleteCaptionTrack(videoId: string, language: string): Promise<void> {
  await apiRequest({ path: path(videoId, language), method: 'DELETE', responseSchema: zDeleteCaptionTrackResponse });
}

export function usePutCaptionTrack(videoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (put: CaptionPut) => putCaptionTrack(videoId, put),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: captionsQueryKey(videoId) }),
  });
}

export function useDeleteCaptionTrack(videoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: string) => deleteCaptionTrack(videoId, language),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: captionsQueryKey(videoId) }),
  });
}
