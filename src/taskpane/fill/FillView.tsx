import type { ViewProps } from '../App';
import { useServices } from '../services';

/** Fill: placeholder until the view is built. */
export default function FillView(_props: ViewProps) {
  const { strings } = useServices();
  return <p>{strings.fill.heading}</p>;
}
