import { Option } from '@fluentui/react-components';
import type { YearInfo } from '../../../features/years/types';

/** A year dropdown's options, newest first, closed years marked. */
export function yearOptions(years: YearInfo[]) {
  return years
    .slice()
    .reverse()
    .map((y) => (
      <Option key={y.id} value={y.id} text={y.id}>
        {y.id}
        {y.status === 'closed' ? ' (closed)' : ''}
      </Option>
    ));
}
