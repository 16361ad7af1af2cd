import { Badge, type BadgeProps } from '@fluentui/react-components';
import { RAG_LABELS, type Rag } from '../../words';

const COLOURS: Record<Rag, BadgeProps['color']> = { red: 'danger', amber: 'warning', green: 'success' };

/**
 * A RAG rating in words ("Red", "Amber", "Green"); the colour only repeats what the word says,
 * so it reads the same in greyscale, in print and to a screen reader. No rating says so.
 */
export function RagBadge({ rag, size = 'medium' }: { rag: Rag | null; size?: BadgeProps['size'] }) {
  if (!rag)
    return (
      <Badge appearance="outline" color="subtle" size={size} className="rag-badge rag-none" style={{ color: '#424242' }}>
        Not rated
      </Badge>
    );
  return (
    <Badge appearance="tint" color={COLOURS[rag]} size={size} className={`rag-badge rag-${rag}`}>
      {RAG_LABELS[rag]}
    </Badge>
  );
}
