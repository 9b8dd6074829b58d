import { useState } from 'react';
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { z } from 'zod';
import { SubmissionVersionSchema, type SubmissionDetail } from '../../../contract/api';
import type { Catalog } from '../../../core/catalog/catalog';
import { entryPlace } from '../../../core/catalog/catalog';
import { textOf, type Language } from '../../../core/i18n/message';
import { LoadView, TableWrap, shortTime, useLoad } from '../page-kit';
import { useSession } from '../session';
import type { PortalStrings } from './portal-strings';

type StoredValue = z.infer<typeof SubmissionVersionSchema>['values'][number];

/** One line that differs between a version and the one before. */
export interface ValueDifference {
  readonly indicatorId: string;
  readonly unitId: string | null;
  readonly kind: 'changed' | 'added' | 'removed';
  readonly before?: StoredValue;
  readonly after?: StoredValue;
  /** What changed of a changed line. */
  readonly valueChanged: boolean;
  readonly noteChanged: boolean;
}

const keyOf = (value: StoredValue) => `${value.indicatorId}|${value.unitId ?? ''}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The lines of `after` that differ from `before` (value or 说明), in `after`'s order, then the removed ones. */
export function differences(before: readonly StoredValue[], after: readonly StoredValue[]): ValueDifference[] {
  const earlier = new Map(before.map((value) => [keyOf(value), value]));
  const later = new Set(after.map(keyOf));
  const result: ValueDifference[] = [];
  for (const value of after) {
    const old = earlier.get(keyOf(value));
    if (!old) {
      result.push({ indicatorId: value.indicatorId, unitId: value.unitId, kind: 'added', after: value, valueChanged: true, noteChanged: value.note !== null });
      continue;
    }
    const valueChanged = !same(old.value, value.value);
    const noteChanged = (old.note ?? '') !== (value.note ?? '');
    if (valueChanged || noteChanged) result.push({ indicatorId: value.indicatorId, unitId: value.unitId, kind: 'changed', before: old, after: value, valueChanged, noteChanged });
  }
  for (const value of before) if (!later.has(keyOf(value))) result.push({ indicatorId: value.indicatorId, unitId: value.unitId, kind: 'removed', before: value, valueChanged: true, noteChanged: value.note !== null });
  return result;
}

function shown(value: unknown, s: PortalStrings, language: Language): string {
  if (value === null || value === undefined || value === '') return s.empty;
  if (typeof value === 'boolean') return value ? (language === 'zh-CN' ? '是' : 'yes') : language === 'zh-CN' ? '否' : 'no';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  changed: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, display: 'block' },
});

/** 版本记录: every version received, and for one of them its differences from the version before. */
export function VersionHistory({ detail, catalog, language, strings: s }: { detail: SubmissionDetail; catalog: Catalog; language: Language; strings: PortalStrings }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<number | undefined>();
  const versions = [...detail.versions].sort((a, b) => b.version - a.version);
  return (
    <>
      <ul className={styles.list}>
        {versions.map((receipt) => (
          <li key={receipt.version} className={styles.line}>
            <Text>{s.versionLine(receipt.version, shortTime(receipt.receivedAt))}</Text>
            {receipt.version > 1 ? (
              <Button size="small" onClick={() => setChosen(receipt.version)} aria-pressed={chosen === receipt.version}>
                {s.showDifferences(receipt.version)}
              </Button>
            ) : (
              <Text className={styles.note}>{s.firstVersion}</Text>
            )}
          </li>
        ))}
      </ul>
      {chosen !== undefined && <Differences key={chosen} submissionId={detail.id} version={chosen} catalog={catalog} language={language} strings={s} />}
    </>
  );
}

function Differences({ submissionId, version, catalog, language, strings: s }: { submissionId: string; version: number; catalog: Catalog; language: Language; strings: PortalStrings }) {
  const styles = useStyles();
  const { api } = useSession();
  const { state, reload } = useLoad(async () => {
    const path = (n: number) => `/submissions/${encodeURIComponent(submissionId)}/versions/${n}`;
    const [after, before] = await Promise.all([api.get(path(version), SubmissionVersionSchema), api.get(path(version - 1), SubmissionVersionSchema)]);
    return differences(before.values, after.values);
  }, `${submissionId}:${version}`);
  const heading = s.differencesHeading(version, version - 1);
  return (
    <section aria-label={heading}>
      <Text as="h4" weight="semibold">
        {heading}
      </Text>
      <LoadView state={state} onRetry={reload}>
        {(lines) =>
          lines.length === 0 ? (
            <Text>{s.noDifferences}</Text>
          ) : (
            <TableWrap label={heading}>
              <Table size="small" aria-label={heading}>
                <TableHeader>
                  <TableRow>
                    {[s.diffColumns.indicator, s.diffColumns.unit, s.diffColumns.before, s.diffColumns.after, s.diffColumns.change].map((column) => (
                      <TableHeaderCell key={column}>{column}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {lines.map((line) => {
                    const place = entryPlace(catalog, line.indicatorId, line.unitId ?? undefined);
                    return (
                      <TableRow key={`${line.indicatorId}|${line.unitId ?? ''}`} className={styles.changed}>
                        <TableCell>
                          {line.indicatorId} {place.indicatorName ? textOf(place.indicatorName, language) : ''}
                        </TableCell>
                        <TableCell>{place.unitName ? textOf(place.unitName, language) : ''}</TableCell>
                        <TableCell>
                          {line.before ? shown(line.before.value, s, language) : s.empty}
                          {line.before?.note && <span className={styles.note}>{`${s.noteLabel}：${line.before.note}`}</span>}
                        </TableCell>
                        <TableCell>
                          {line.after ? line.valueChanged ? <mark className={styles.mark}>{shown(line.after.value, s, language)}</mark> : shown(line.after.value, s, language) : s.empty}
                          {line.after?.note && (line.noteChanged ? <mark className={mergeNote(styles)}>{`${s.noteLabel}：${line.after.note}`}</mark> : <span className={styles.note}>{`${s.noteLabel}：${line.after.note}`}</span>)}
                        </TableCell>
                        <TableCell>{s.changeKinds[line.kind]}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableWrap>
          )
        }
      </LoadView>
    </section>
  );
}

function mergeNote(styles: ReturnType<typeof useStyles>): string {
  return `${styles.mark} ${styles.note}`;
}
