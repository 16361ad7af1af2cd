import { Badge, type BadgeProps } from '@fluentui/react-components';
import { MEETING_STATUS_LABELS, type MeetingStatus } from '../../words';

const COLOURS: Record<MeetingStatus, BadgeProps['color']> = {
  draft: 'informative',
  published: 'brand',
  held: 'success',
  approved: 'success',
  cancelled: 'danger',
};

/** A meeting's status in words; the colour only repeats what the words say. */
export function StatusBadge({ status }: { status: MeetingStatus }) {
  return (
    <Badge appearance="tint" color={COLOURS[status]} className="status-badge">
      {MEETING_STATUS_LABELS[status]}
    </Badge>
  );
}
