import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { CHANNELS } from './electron/shared/contract';

/** The contract's channel names, written into the preload at build time: the sandboxed preload carries no zod. */
const channelNames = { __HNB_CHANNELS__: JSON.stringify(CHANNELS) };

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The domain server, run in a utility process.
          server: resolve(__dirname, 'electron/server/hosts/utility-host.ts'),
          // Workbooks are parsed on a worker thread of the server (read-off-thread.ts).
          'read-worker': resolve(__dirname, 'electron/server/workbooks/engine/read-worker.ts'),
          // The command line (bin/hnb.cjs) and the loopback web host (npm run web), as built JavaScript.
          cli: resolve(__dirname, 'electron/cli/entry.ts'),
          web: resolve(__dirname, 'electron/server/hosts/web-main.ts'),
        },
      },
    },
  },
  preload: {
    define: channelNames,
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: bundle everything it uses.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Small and quick to parse: the window's first load is part of what a user waits for.
      minify: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
