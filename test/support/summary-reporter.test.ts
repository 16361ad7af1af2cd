import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

describe('the summary line CI reads', () => {
  it('counts a test file that fails to load as failed, never as skipped', () => {
    // Inside the project, so vitest and the reporter resolve as they do for the real run.
    const dir = mkdtempSync(join(ROOT, 'node_modules', '.cache-summary-'));
    try {
      writeFileSync(
        join(dir, 'good.test.ts'),
        "import { it, expect } from 'vitest';\nit('passes', () => expect(1).toBe(1));\nit.skip('is skipped', () => {});\n",
      );
      writeFileSync(
        join(dir, 'missing-import.test.ts'),
        "import { it } from 'vitest';\nimport { nothing } from './no-such-module';\nit('never runs', () => void nothing);\n",
      );
      writeFileSync(join(dir, 'throws-at-load.test.ts'), "import { it } from 'vitest';\nthrow new Error('broken at load');\nit('never runs', () => {});\n");
      writeFileSync(
        join(dir, 'vitest.config.mts'),
        `import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['*.test.ts'], reporters: [${JSON.stringify(join(ROOT, 'test', 'support', 'summary-reporter.ts'))}] } });\n`,
      );
      const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', dir], { cwd: dir, encoding: 'utf8' });
      const last = run.stdout.trim().split('\n').pop();
      expect(last).toBe('1 passed, 2 failed, 1 skipped');
      expect(run.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
