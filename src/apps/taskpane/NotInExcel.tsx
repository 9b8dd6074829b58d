import { Body1, Divider, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { strings, type Locale, type NotInExcelStrings } from './strings';
import type { NotInExcelReason } from './view';

const useStyles = makeStyles({
  root: {
    maxWidth: '48rem',
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXL,
    overflowWrap: 'anywhere', // long paths must wrap in a narrow task pane
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  block: {
    margin: 0,
  },
  reason: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
  },
});

export interface NotInExcelProps {
  reason: NotInExcelReason;
  /** The Office application the page runs in, when that is not Excel. */
  host: string | null;
}

/** Shown outside Excel: what this page is and how to load it, in Chinese first, then English. */
export function NotInExcel({ reason, host }: NotInExcelProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Explanation lang="zh-CN" text={strings['zh-CN'].notInExcel} reason={reason} host={host} />
      <Divider />
      <Explanation lang="en-US" text={strings['en-US'].notInExcel} reason={reason} host={host} />
    </main>
  );
}

interface ExplanationProps extends NotInExcelProps {
  lang: Locale;
  text: NotInExcelStrings;
}

function Explanation({ lang, text, reason, host }: ExplanationProps) {
  const styles = useStyles();
  const reasonText = reason === 'other-host' ? text.reason['other-host'](host ?? '?') : text.reason[reason];
  return (
    <section lang={lang} className={styles.section}>
      <Title3 as="h1" className={styles.block}>{text.heading}</Title3>
      <Body1 as="p" className={styles.block}>{text.intro}</Body1>
      <Body1 as="p" className={styles.reason}>{reasonText}</Body1>
      <Title3 as="h2" className={styles.block}>{text.howToHeading}</Title3>
      <ol className={styles.steps}>
        {text.steps.map((step) => (
          <li key={step}>
            <Body1>{step}</Body1>
          </li>
        ))}
      </ol>
      <Body1 as="p" className={styles.block}>{text.note}</Body1>
    </section>
  );
}
