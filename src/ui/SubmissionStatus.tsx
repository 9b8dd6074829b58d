/**
 * 审核状态 / Where a report stands in the bureau's review:
 *   - `SubmissionStatusMessage`: the full story from a submission with its history (a `SubmissionDetail`) —
 *     awaiting review; returned, with the bureau's comment and what to do; approved and locked;
 *   - `SubmissionStatusBadge`: the status alone, for lists of `SubmissionSummary` rows.
 */
import { Badge, Body1, type BadgeProps } from '@fluentui/react-components';
import type { SubmissionStatus } from '../contract/submission-document';
import { reviewOf, type ReviewedSubmission, type SubmissionReview } from '../client/submission-review';
import { Notice } from './Notice';
import type { StatusBadgeStrings, SubmissionStrings } from './submission-strings';

export interface SubmissionStatusMessageProps {
  /** The submission with its history (`SubmissionDetail` is one): a returned report's comment is there. */
  readonly submission: ReviewedSubmission;
  /** `submissionStrings[language]` (the task pane passes its submit strings, which include them). */
  readonly strings: SubmissionStrings;
}

export function SubmissionStatusMessage({ submission, strings: s }: SubmissionStatusMessageProps) {
  const review = reviewOf(submission);
  const time = s.formatTime(Date.parse(review.at));
  if (review.kind === 'returned') return <ReturnedNotice review={review} time={time} strings={s} />;
  if (review.kind === 'approved') {
    return (
      <Notice intent="success" title={s.statusApprovedTitle}>
        <span>{s.statusApproved(review.version, time)}</span>
      </Notice>
    );
  }
  return <Body1>{s.statusSubmitted(review.version, time)}</Body1>;
}

/** Returned: when, the bureau's comment (set in bold: it is what people act on), then what to do. */
function ReturnedNotice({ review, time, strings: s }: { review: Extract<SubmissionReview, { kind: 'returned' }>; time: string; strings: SubmissionStrings }) {
  return (
    <Notice intent="warning" title={s.statusReturnedTitle}>
      <span>{s.statusReturned(review.version, time)}</span> <strong>{review.comment !== null ? s.returnedComment(review.comment) : s.returnedNoComment}</strong>{' '}
      <span>{s.returnedAction}</span>
    </Notice>
  );
}

/** The badge's colour per status: returned asks for action, approved is done. */
const BADGE_COLOR: Record<SubmissionStatus, NonNullable<BadgeProps['color']>> = {
  submitted: 'informative',
  returned: 'warning',
  approved: 'success',
};

export interface SubmissionStatusBadgeProps {
  /** A `SubmissionSummary`'s status. */
  readonly status: SubmissionStatus;
  /** `statusBadgeStrings[language]`. */
  readonly labels: StatusBadgeStrings;
}

export function SubmissionStatusBadge({ status, labels }: SubmissionStatusBadgeProps) {
  return (
    <Badge appearance="tint" shape="rounded" color={BADGE_COLOR[status]}>
      {labels[status]}
    </Badge>
  );
}
