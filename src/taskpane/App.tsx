import { makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { UiStrings } from './strings';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalL,
  },
  title: {
    margin: 0,
  },
});

export interface AppProps {
  strings: UiStrings;
}

/** The task pane inside Excel. For now only the product title: the real UI comes later. */
export function App({ strings }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.title}>{strings.productTitle}</Title2>
    </main>
  );
}
