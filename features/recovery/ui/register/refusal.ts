import { ApiError, errorMessage } from '../../../../renderer/src/api/api-error';

/**
 * A refusal in the server's words, each problem led by the name of the field it is about as the
 * form shows it: "Year: 2031-32 is a savings year outside the plan…", "Code must not be blank".
 */
export function refusalText(e: unknown, labels: Record<string, string>): string {
  if (!(e instanceof ApiError) || e.issues.length === 0) return errorMessage(e);
  const lines = e.issues.map((issue) => {
    const field = issue.field ?? '';
    const label = labels[field] ?? labels[field.split(/[.[]/)[0] ?? ''];
    if (!field || !label) return issue.message;
    // zod's own messages start with the field's code name: say the form's name instead.
    if (issue.message.startsWith(`${field} `)) return `${label} ${issue.message.slice(field.length + 1)}`;
    return `${label}: ${issue.message}`;
  });
  // A single problem whose sentence says more than its issue line: keep the sentence, name the field.
  if (lines.length === 1 && e.issues[0]?.field && !e.message.startsWith(e.issues[0].field) && e.message !== e.issues[0].message) {
    const label = labels[e.issues[0].field];
    if (label && !e.message.startsWith(label)) return `${label}: ${e.message}`;
  }
  return lines.join(' ');
}
