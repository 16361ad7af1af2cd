/**
 * Writes db/migrations/embedded.ts from drizzle-kit's output, so every host (Electron bundle,
 * tsx-run CLI, tests) carries the SQL with it and the packaged app has no folder to find.
 * Run by `npm run db:generate`; a test fails if the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEmbeddedMigrations } from './render-embedded';

const folder = join(__dirname, '..', 'migrations');
writeFileSync(join(folder, 'embedded.ts'), renderEmbeddedMigrations(folder));
console.log('db/migrations/embedded.ts written');
