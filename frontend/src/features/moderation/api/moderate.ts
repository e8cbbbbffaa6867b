import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModerationAction, ReportTargetKind } from '../../../contract/generated/types.gen';
import {
  zBlockVideoResponse,
  zDismissReportsResponse,
  zModerationActionRequest,
  zRemoveCommentResponse,
  zUnblockVideoResponse,
} from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { reportQueueKey } from './reportQueue';

/** What a moderator can do to a reported item. */
export type ModerationVerb = 'block' | 'unblock' | 'remove' | 'dismiss';

export interface ModerationCommand {
  verb: ModerationVerb;
  targetKind: ReportTargetKind;
  targetId: string;
  reason: string;
}

function pathOf({ verb, targetKind, targetId }: ModerationCommand): string {
  const id = encodeURIComponent(targetId);
  switch (verb) {
    case 'block':
      return `/api/v1/admin/videos/${id}/block`;
    case 'unblock':
      return `/api/v1/admin/videos/${id}/unblock`;
    case 'remove':
      return `/api/v1/admin/comments/${id}/remove`;
    case 'dismiss':
      return `/api/v1/admin/reports/${targetKind}/${id}/dismiss`;
  }
}

const RESPONSES = {
  block: zBlockVideoResponse,
  unblock: zUnblockVideoResponse,
  remove: zRemoveCommentResponse,
  dismiss: zDismissReportsResponse,
} as const;

export async function moderate(command: ModerationCommand): Promise<ModerationAction> {
  const envelope = await apiRequest({
    path: pathOf(command),
    method: 'POST',
    body: { reason: command.reason },
    bodySchema: zModerationActionRequest,
    responseSchema: RESPONSES[command.verb],
  });
  return envelope.data;
}

/** Runs one action, then re-reads the queue (the item left it, or its status changed). */
export function useModerate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moderate,
    onSettled: async (_action, _error, command) => {
      await queryClient.invalidateQueries({ queryKey: reportQueueKey });
      if (command.targetKind === 'video') {
        await queryClient.invalidateQueries({ queryKey: ['videos', 'video', command.targetId] });
      }
    },
  });
}
