/**
 * The Submit view's building blocks: its styles, a titled section, a titled list (errors, 说明, hints and
 * the queue are all one), a list item with its colour, and a cell-address button — written once, so the
 * view's parts say only what they show.
 */
import type { ReactNode } from 'react';
import { Button, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { SubmissionRunner, SubmissionState } from '../../../client/submission-runner';
import type { Locale } from '../strings';
import type { SubmitStrings } from '../strings/submit-strings';

/** What every part of the view gets: the runner's state, the runner for actions, the texts, the language. */
export interface SubmitPartProps {
  readonly state: SubmissionState;
  readonly runner: SubmissionRunner;
  readonly strings: SubmitStrings;
  readonly locale: Locale;
}

export const useSubmitStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '100%', overflowWrap: 'anywhere' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  errorItem: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  noteItem: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  itemHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** A section under an h3; `id` names it (aria-labelledby) and must be unique in the pane. */
export function TitledSection({ id, heading, children }: { id: string; heading: ReactNode; children: ReactNode }) {
  const styles = useSubmitStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Text as="h3" id={id} weight="semibold" className={styles.heading}>
        {heading}
      </Text>
      {children}
    </section>
  );
}

/** A titled list (named by its heading, so tests and screen readers find it by it), a hint, actions below. */
export function ListSection({ id, heading, hint, footer, children }: { id: string; heading: ReactNode; hint?: ReactNode; footer?: ReactNode; children: ReactNode }) {
  const styles = useSubmitStyles();
  return (
    <TitledSection id={id} heading={heading}>
      {hint !== undefined && <Caption1>{hint}</Caption1>}
      <ul className={styles.list} aria-labelledby={id}>
        {children}
      </ul>
      {footer}
    </TitledSection>
  );
}

/** How an item is marked at its left edge: red blocks, amber waits for something, plain informs. */
export type ItemTone = 'error' | 'note' | 'plain';

export function ListItem({ tone, children }: { tone: ItemTone; children: ReactNode }) {
  const styles = useSubmitStyles();
  return <li className={mergeClasses(styles.item, tone === 'error' && styles.errorItem, tone === 'note' && styles.noteItem)}>{children}</li>;
}

/** A cell's address as a button that selects the cell in the sheet. */
export function CellButton({ address, label, onSelect }: { address: string; label: string; onSelect: (address: string) => void }) {
  return (
    <Button size="small" appearance="secondary" aria-label={label} onClick={() => onSelect(address)}>
      {address}
    </Button>
  );
}
