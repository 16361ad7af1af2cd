import { Button, type ButtonProps } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

interface Props {
  /** What the row is, as the buttons name it to a screen reader: "condition 2" gives "Edit condition 2". */
  name: string;
  onEdit(): void;
  onDelete(): void;
  /** While a delete is on its way: deleting again waits. */
  deleting: boolean;
  size?: ButtonProps['size'];
  /** Any other action, before edit and delete. */
  children?: ReactNode;
}

/** A listed record's edit and delete buttons, icons named for what they act on (styled by `.agr-row-actions`, agreements.css). */
export function RowActions({ name, onEdit, onDelete, deleting, size, children }: Props) {
  return (
    <span className="agr-row-actions">
      {children}
      <Button appearance="subtle" size={size} icon={<EditRegular />} aria-label={`Edit ${name}`} onClick={onEdit} />
      <Button appearance="subtle" size={size} icon={<DeleteRegular />} aria-label={`Delete ${name}`} disabled={deleting} onClick={onDelete} />
    </span>
  );
}
