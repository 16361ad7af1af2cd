import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors';

export interface CliOptions {
  db?: string;
  json: boolean;
  demo: boolean;
  year?: string;
  period?: string;
  out?: string;
  help: boolean;
  kind?: string;
  holder?: string;
  map?: string;
  'header-row'?: string;
  mapping?: string;
  apply: boolean;
  prefer?: string;
  'delete-missing': boolean;
}

/** Unknown flags and stray words are input errors (exit 2), never silently ignored. */
export function parseCli(argv: string[]): { command: string[]; options: CliOptions } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
        year: { type: 'string' },
        period: { type: 'string' },
        out: { type: 'string' },
        kind: { type: 'string' },
        holder: { type: 'string' },
        map: { type: 'string' },
        'header-row': { type: 'string' },
        mapping: { type: 'string' },
        apply: { type: 'boolean', default: false },
        prefer: { type: 'string' },
        'delete-missing': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    return { command: positionals, options: values as CliOptions };
  } catch (e) {
    throw new AppError('INVALID_INPUT', (e as Error).message.replace(/\. To specify.*$/s, '.'));
  }
}
