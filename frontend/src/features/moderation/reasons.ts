import type { ReportReason } from '../../contract/generated/types.gen';
import { zReportReason } from '../../contract/generated/zod.gen';

/** The contract's fixed list, in its order, with the words the dialog shows. */
export const REPORT_REASONS: readonly ReportReason[] = zReportReason.options;

export const REASON_LABELS: Record<ReportReason, string> = {
  spam: 'Spam or misleading',
  harassment: 'Harassment or bullying',
  hate: 'Hateful or abusive',
  violence: 'Violent or graphic',
  sexual: 'Sexual content',
  copyright: 'Infringes my rights (copyright)',
  misinformation: 'Misinformation',
  other: 'Something else',
};
