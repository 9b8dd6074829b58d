/**
 * 审核状态 / Where a report stands in the bureau's review, read from the server's answer (pure). The
 * submission runner keeps it in its state and src/ui shows it, so the task pane, the department portal and
 * the bureau's workspace tell the same story from the same data: which version, since when, and — for a
 * report returned — the bureau's comment.
 */
import type { SubmissionDetail, SubmissionSummary } from '../contract/api';

/** One event of a submission's audit trail (who did what to which version, with the bureau's comment). */
export type SubmissionEvent = SubmissionDetail['history'][number];

/**
 * A submission with its history: a `SubmissionDetail` is one. The history is required because a returned
 * report's comment lives there; a list row (`SubmissionSummary`) has only the status (see the badge).
 */
export type ReviewedSubmission = SubmissionSummary & { readonly history: readonly SubmissionEvent[] };

export type SubmissionReview =
  /** 待审核 / submitted (first or again) and awaiting the bureau's review. */
  | { readonly kind: 'awaitingReview'; readonly version: number; readonly at: string }
  /** 已退回 / returned with the bureau's comment (null: the bureau wrote none). */
  | { readonly kind: 'returned'; readonly version: number; readonly at: string; readonly comment: string | null }
  /** 已通过（已锁定）/ approved: locked, no new version is accepted until the bureau reopens it. */
  | { readonly kind: 'approved'; readonly version: number; readonly at: string };

/**
 * The review of a submission. A returned or approved report is dated by the bureau's last decision of that
 * kind (not by the last upload), so "第 3 版于 … 被退回" names the decision people are answering.
 */
export function reviewOf(submission: ReviewedSubmission): SubmissionReview {
  if (submission.status === 'submitted') return { kind: 'awaitingReview', version: submission.currentVersion, at: submission.updatedAt };
  const decision = lastDecision(submission.history, submission.status);
  const version = decision?.version ?? submission.currentVersion;
  const at = decision?.at ?? submission.updatedAt;
  if (submission.status === 'approved') return { kind: 'approved', version, at };
  return { kind: 'returned', version, at, comment: decision?.comment ? decision.comment : null };
}

/** The latest event of one kind (the history is oldest first). */
function lastDecision(history: readonly SubmissionEvent[], action: 'returned' | 'approved'): SubmissionEvent | undefined {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const event = history[index];
    if (event?.action === action) return event;
  }
  return undefined;
}

/** A piece of the bureau's comment: its text, or an indicator it names ("C-HEA-09"). */
export type CommentPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'indicator'; readonly indicatorId: string; readonly text: string };

/** Indicator codes as the catalog writes them (W-/C-, domain, number); full-width and lower-case forms too. */
const INDICATOR_CODE = /[WCwcＷＣｗｃ][-－‐–][A-Za-zＡ-Ｚａ-ｚ]{3}[-－‐–][0-9０-９]{2}(?![0-9０-９])/g;

/**
 * The comment cut into its text and the indicators it names, in order, so a front end can turn each
 * indicator into a link to its row. "C-HEA-09 戛洒镇数据偏低" → [C-HEA-09][ 戛洒镇数据偏低]; "ｃ－ｈｅａ－０９" is
 * C-HEA-09 too (typed on a Chinese keyboard).
 */
export function commentParts(comment: string): CommentPart[] {
  const parts: CommentPart[] = [];
  let last = 0;
  for (const match of comment.matchAll(INDICATOR_CODE)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ kind: 'text', text: comment.slice(last, start) });
    const indicatorId = match[0].normalize('NFKC').toUpperCase().replace(/[‐–]/g, '-');
    parts.push({ kind: 'indicator', indicatorId, text: match[0] });
    last = start + match[0].length;
  }
  if (last < comment.length) parts.push({ kind: 'text', text: comment.slice(last) });
  return parts;
}
