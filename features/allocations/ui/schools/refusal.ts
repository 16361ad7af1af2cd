import { ApiError, errorMessage } from '../../../../renderer/src/api/api-error';

/**
 * A refusal in the server's words, each problem led by the field it is about as the form names it
 * ("URN must be a six-digit URN", "Pupils: must not be negative"). `labels` may name a nested
 * field in full ("values.3") or by its first part ("values").
 */
export function refusalText(e: unknown, labels: Record<string, string>): string {
  if (!(e instanceof ApiError) || e.issues.length === 0) return errorMessage(e);
  const lines = e.issues.map((issue) => {
    const field = issue.field ?? '';
    const label = labels[field] ?? labels[field.split(/[.[]/)[0] ?? ''];
    if (!field || !label) return issue.message;
    // zod's own messages start with the field's code name: say the form's name instead.
    if (issue.message.startsWith(`${field} `)) return `${label} ${issue.message.slice(field.length + 1)}`;
    // The server's own sentence names what it is about ("There is already a school with URN…").
    if (/^[A-Z]/.test(issue.message)) return issue.message;
    return `${label}: ${issue.message}`;
  });
  // One problem whose sentence says more than its issue line (it names the other school, say): keep the sentence.
  if (lines.length === 1 && e.message !== e.issues[0]?.message && !e.message.startsWith(e.issues[0]?.field ?? '\u0000')) return e.message;
  return lines.join(' ');
}
