import { useId, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Text,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import type { Language } from '../../../core/i18n/message';
import type { CheckStrings } from '../strings/check-strings';
import { FINDING_GROUPS, inLanguage, type Finding, type FindingGroup, type GroupedFindings } from './findings';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  hint: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    marginBottom: tokens.spacingVerticalXS,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  title: {
    fontWeight: tokens.fontWeightSemibold,
  },
  meta: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  hidden: {
    display: 'none',
  },
});

const BADGE_COLOURS: Record<FindingGroup, BadgeProps['color']> = {
  error: 'danger',
  notMet: 'severe',
  warning: 'warning',
  info: 'informative',
};

export interface FindingGroupsProps {
  readonly grouped: GroupedFindings;
  readonly language: Language;
  readonly strings: CheckStrings;
  /** Activating a row with a cell (click, Enter, Space). */
  readonly onSelect: (finding: Finding) => void;
  /** Groups open at first (default: every group that has findings, except 提示). */
  readonly defaultOpen?: readonly FindingGroup[];
}

/** The groups to open by themselves: those with findings, except 提示. */
const worthOpening = (grouped: GroupedFindings): FindingGroup[] => FINDING_GROUPS.filter((group) => group !== 'info' && grouped.counts[group] > 0);

/**
 * The findings of a check in four collapsible groups (错误 / 未达标 / 波动预警 / 提示), each with its count; a
 * row names the indicator, the reporting unit and the cell, and is a button that selects the cell.
 */
export function FindingGroups({ grouped, language, strings, onSelect, defaultOpen }: FindingGroupsProps) {
  const styles = useStyles();
  const hintId = useId();
  const [open, setOpen] = useState<FindingGroup[]>(() => [...(defaultOpen ?? worthOpening(grouped))]);
  // a group that had nothing and now has findings (after a re-check) opens by itself; the rest stays as the
  // person left it (derived during render from the previous findings, React's pattern for it)
  const [shown, setShown] = useState(grouped);
  if (shown !== grouped) {
    const appeared = worthOpening(grouped).filter((group) => shown.counts[group] === 0);
    setShown(grouped);
    if (appeared.length > 0) setOpen((current) => [...new Set([...current, ...appeared])]);
  }
  return (
    <section aria-label={strings.groupsLabel}>
      <span id={hintId} className={styles.hidden}>
        {strings.selectHint}
      </span>
      <Accordion multiple collapsible openItems={open} onToggle={(_event, data) => setOpen(data.openItems as FindingGroup[])}>
        {FINDING_GROUPS.map((group) => {
          const findings = grouped.groups[group];
          const hint = strings.groupHint[group];
          return (
            <AccordionItem key={group} value={group}>
              <AccordionHeader as="h3">
                <span className={styles.header}>
                  <span>{strings.groups[group]}</span>
                  <Badge appearance={findings.length > 0 ? 'filled' : 'outline'} color={findings.length > 0 ? BADGE_COLOURS[group] : 'subtle'} aria-label={strings.groupCount(findings.length)}>
                    {findings.length}
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {findings.length === 0 ? (
                  <Text className={styles.hint}>{strings.groupEmpty}</Text>
                ) : (
                  <>
                    {hint && (
                      <Text size={200} className={styles.hint}>
                        {hint}
                      </Text>
                    )}
                    <ul className={styles.list} aria-label={strings.groups[group]}>
                      {findings.map((finding) => (
                        <li key={finding.id}>
                          <FindingRow finding={finding} language={language} strings={strings} hintId={hintId} onSelect={onSelect} />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}

function FindingRow({ finding, language, strings, hintId, onSelect }: { finding: Finding; language: Language; strings: CheckStrings; hintId: string; onSelect: (finding: Finding) => void }) {
  const styles = useStyles();
  const title =
    finding.indicatorId === undefined
      ? strings.wholeSheet
      : `${finding.indicatorId}${finding.indicatorName ? ` ${inLanguage(finding.indicatorName, language)}` : ''}`;
  const meta = [finding.unitName ? inLanguage(finding.unitName, language) : undefined, finding.address === undefined ? undefined : strings.cell(finding.address)]
    .filter((part): part is string => part !== undefined)
    .join(' · ');
  const content = (
    <>
      <span className={styles.title}>{title}</span>
      {meta && <span className={styles.meta}>{meta}</span>}
      <span>{inLanguage(finding.message, language)}</span>
    </>
  );
  if (finding.address === undefined) return <div className={styles.row}>{content}</div>;
  return (
    <button type="button" className={mergeClasses(styles.row, styles.clickable)} aria-describedby={hintId} onClick={() => onSelect(finding)}>
      {content}
    </button>
  );
}
