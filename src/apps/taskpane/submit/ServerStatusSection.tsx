/**
 * 服务器上的报表状态 / The report of the checked sheet (plan, year, organisation) on the server, under its
 * heading: being looked up, not reachable (with 刷新状态; submitting still works through the queue), none
 * yet, or its review (src/ui's SubmissionStatusMessage: awaiting review, returned with comment, approved).
 */
import { Body1, Button, Caption1, Spinner } from '@fluentui/react-components';
import { entryPlace, type Catalog } from '../../../core/catalog/catalog';
import type { PreflightOutcome } from '../../../client/preflight';
import { reviewOf } from '../../../client/submission-review';
import { checkedCatalog, readySheet, type SubmissionRunner } from '../../../client/submission-runner';
import { Notice } from '../../../ui/Notice';
import { SubmissionStatusMessage, type IndicatorLink } from '../../../ui/SubmissionStatus';
import type { SubmitStrings } from '../strings/submit-strings';
import { failureText } from '../error-text';
import { TitledSection, type SubmitPartProps } from './submit-layout';

export function ServerStatusSection({ state, runner, strings: s, locale }: SubmitPartProps) {
  const ready = readySheet(state);
  const { server } = state;
  if (!ready || server.kind === 'idle') return null;
  return (
    <TitledSection id="submit-status-heading" heading={s.statusHeading}>
      {server.kind === 'loading' && <Spinner size="tiny" labelPosition="after" label={s.statusLoading} />}
      {server.kind === 'unavailable' && (
        <Notice intent="warning" actions={<Button onClick={() => runner.refreshStatus()}>{s.refreshStatus}</Button>}>
          {s.statusUnavailable} <Caption1>{failureText(server.error, locale)}</Caption1>
        </Notice>
      )}
      {server.kind === 'loaded' &&
        (server.detail ? (
          <SubmissionStatusMessage submission={server.detail} strings={s} indicatorLink={commentLinks(ready, reviewComment(server.detail), checkedCatalog(state), runner, s)} />
        ) : (
          <Body1>{s.statusNone(ready.document.year)}</Body1>
        ))}
    </TitledSection>
  );
}

function reviewComment(detail: Parameters<typeof reviewOf>[0]): string {
  const review = reviewOf(detail);
  return review.kind === 'returned' ? (review.comment ?? '') : '';
}

/**
 * The indicators a return comment names, as links to their rows in the sheet checked: the value cell of the
 * indicator's row — for a per-township indicator, the row of the township the comment names, else its
 * first row. An indicator not in the sheet stays plain text.
 */
function commentLinks(ready: Extract<PreflightOutcome, { kind: 'ready' }>, comment: string, catalog: Catalog | null, runner: SubmissionRunner, s: SubmitStrings): IndicatorLink {
  const cellOf = (indicatorId: string): string | null => {
    const rows = ready.read.entries.filter((entry) => entry.indicatorId === indicatorId && entry.cells.value !== undefined);
    const named = rows.find((entry) => entry.unitId !== undefined && unitNames(catalog, indicatorId, entry.unitId).some((name) => comment.includes(name)));
    return (named ?? rows[0])?.cells.value ?? null;
  };
  return {
    label: (indicatorId) => {
      const cell = cellOf(indicatorId);
      return cell === null ? null : s.commentIndicator(indicatorId, cell);
    },
    open: (indicatorId) => {
      const cell = cellOf(indicatorId);
      if (cell !== null) void runner.selectCell(cell);
    },
  };
}

/** The names a comment may call a township or listed body by (its reporting-unit name, full and short names). */
function unitNames(catalog: Catalog | null, indicatorId: string, unitId: string): string[] {
  if (!catalog) return [];
  const organisation = catalog.organisations.find((item) => item.id === unitId);
  const place = entryPlace(catalog, indicatorId, unitId);
  return [place.unitName?.zh, organisation?.name, organisation?.shortName].filter((name): name is string => typeof name === 'string' && name !== '');
}
