import { Link, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import type { WebStrings } from './web-strings';

const useStyles = makeStyles({
  page: { maxWidth: '960px', margin: '0 auto', padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * The web app's shell, served by the shared endpoint at / (its files under /web/). The department portal
 * and the bureau's workspace are built into it next; for now it says what exists and where.
 */
export function WebApp({ strings }: { strings: WebStrings }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Title1 as="h1">{strings.title}</Title1>
      <Text>{strings.intro}</Text>
      <section aria-labelledby="coming">
        <Text as="h2" id="coming" weight="semibold" size={500}>
          {strings.comingHeading}
        </Text>
        <ul className={styles.list}>
          {strings.coming.map((item) => (
            <li key={item}>
              <Text>{item}</Text>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="now">
        <Text as="h2" id="now" weight="semibold" size={500}>
          {strings.nowHeading}
        </Text>
        <ul className={styles.list}>
          <li>
            <Link href="/taskpane.html">{strings.addin}</Link>
          </li>
          <li>
            <Link href="/manifest.xml">{strings.manifest}</Link>
          </li>
          <li>
            <Link href="/api/v1/openapi.json">{strings.api}</Link>
          </li>
        </ul>
      </section>
    </main>
  );
}
