import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { preloadAppChunk } from './vite-plugins/preload-app-chunk';

// One renderer build serves every host: Electron loads out/renderer through its app protocol, the
// server publishes the same files at /desk/ for browsers. The bridge is chosen at run time.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundle zod into main: the packaged app then ships no node_modules at all.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), preloadAppChunk('renderer/src/desk-main.tsx')],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'renderer/index.html'),
          // The waiting-room display (issue #9): served by the server at /display/<location>.
          display: resolve(import.meta.dirname, 'renderer/display.html'),
          // The supervisors' page (issue #7): served by the server at /supervisor/.
          supervisor: resolve(import.meta.dirname, 'renderer/supervisor.html'),
          // The client screen at the desk (issue #9): a second window of the desk, same origin.
          'client-screen': resolve(import.meta.dirname, 'renderer/client-screen.html'),
        },
      },
    },
  },
});
