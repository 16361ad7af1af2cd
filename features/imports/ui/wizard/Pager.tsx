import { Button } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';

export const PAGE_SIZE = 50;

/** Previous / next through a long list, so thousands of rows never reach the page at once. */
export function Pager({ total, page, onPage, what }: { total: number; page: number; onPage(p: number): void; what: string }) {
  if (total <= PAGE_SIZE) return null;
  const pages = Math.ceil(total / PAGE_SIZE);
  const first = page * PAGE_SIZE + 1;
  const last = Math.min(total, first + PAGE_SIZE - 1);
  return (
    <nav className="pager" aria-label={`Pages of ${what}`}>
      <Button size="small" icon={<ChevronLeftRegular />} disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <span className="pager-range" aria-live="polite">
        {first.toLocaleString('en-GB')}–{last.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')} {what}
      </span>
      <Button size="small" icon={<ChevronRightRegular />} iconPosition="after" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
