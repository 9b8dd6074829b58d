import type { ViewProps } from '../App';
import { useServices } from '../services';

/** Submit: placeholder until the view is built. */
export default function SubmitView(_props: ViewProps) {
  const { strings } = useServices();
  return <p>{strings.submit.heading}</p>;
}
