import type { ViewProps } from '../App';
import { useServices } from '../services';

/** Settings: placeholder until the view is built. */
export default function SettingsView(_props: ViewProps) {
  const { strings } = useServices();
  return <p>{strings.settings.heading}</p>;
}
