import type { ViewProps } from '../App';
import { useServices } from '../services';

/** Check: placeholder until the view is built. */
export default function CheckView(_props: ViewProps) {
  const { strings } = useServices();
  return <p>{strings.check.heading}</p>;
}
