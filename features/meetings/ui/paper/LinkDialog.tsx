import { Button, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { isSafeHref } from '../../../../electron/shared/rich-doc';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';

/** What a person types, as the link it means: "www.gov.uk" is https://www.gov.uk, an address is mailto:. */
export function linkFromTyped(typed: string): string {
  const t = typed.trim();
  if (!t) return '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(t)) return t;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(t)) return `mailto:${t}`;
  return `https://${t}`;
}

interface Props {
  open: boolean;
  /** The link the selection has now, if any. */
  current: string;
  onDone(href: string): void;
  onRemove(): void;
  onCancel(): void;
}

/** Asks for a link's address: web pages (https://, http://) and email (mailto:) only, checked as typed. */
export function LinkDialog({ open, current, onDone, onRemove, onCancel }: Props) {
  useFocusReturn(open);
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (open) {
      setTyped(current);
      setTried(false);
    }
  }, [open, current]);
  const href = linkFromTyped(typed);
  const ok = isSafeHref(href);
  const message = !typed.trim()
    ? 'Type the address of a web page or an email address.'
    : ok
      ? undefined
      : 'Links must be to a web page (https:// or http://) or an email address (mailto:); other kinds of link are not allowed in papers.';
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface className="link-dialog">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (ok) onDone(href);
          }}
        >
          <DialogBody>
            <DialogTitle>{current ? 'Change link' : 'Add link'}</DialogTitle>
            <DialogContent>
              <Field
                label="Address"
                required
                validationState={tried && !ok ? 'error' : 'none'}
                validationMessage={tried || (typed && !ok) ? message : undefined}
                hint="For example https://www.gov.uk/guidance or clerk@council.gov.uk"
              >
                <Input value={typed} onChange={(_, d) => setTyped(d.value)} autoFocus />
              </Field>
              {current && (
                <Button className="link-remove" appearance="secondary" onClick={onRemove}>
                  Remove link
                </Button>
              )}
            </DialogContent>
            <DialogButtons onCancel={onCancel}>{current ? 'Change link' : 'Add link'}</DialogButtons>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
