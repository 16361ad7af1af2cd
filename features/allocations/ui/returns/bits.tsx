import { Badge, type BadgeProps } from '@fluentui/react-components';
import { RETURN_STATUS_LABELS, type ReturnStatus } from '../../words';
import { shareText } from './figures';

const STATUS_COLOURS: Record<ReturnStatus, BadgeProps['color']> = { not_sent: 'subtle', sent: 'informative', received: 'warning', checked: 'success' };

/** A return's status in a word, coloured as well, never by colour alone. */
export function StatusBadge({ status }: { status: ReturnStatus }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOURS[status]} className="ret-status">
      {RETURN_STATUS_LABELS[status]}
    </Badge>
  );
}

/** A figure's share of the allocation, on a line of its own under it. */
export function ShareLine({ part, whole }: { part: number; whole: number }) {
  const share = shareText(part, whole);
  return share ? <span className="ret-share">{share} of the allocation</span> : null;
}
