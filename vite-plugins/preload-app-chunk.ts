/**
 * The desk's entry loads the app with a dynamic import, after asking IndexedDB for the day
 * (renderer/src/main.tsx). Left alone, the browser would fetch the app's script and stylesheet only
 * once the entry has run; this plugin names them in the page's head, so they load with the page.
 */
import type { Plugin } from 'vite';

type OutputChunk = { type: 'chunk'; fileName: string; facadeModuleId: string | null; imports: string[]; dynamicImports: string[]; viteMetadata?: { importedCss: Set<string> } };

/** `appModule`: the end of the app module's path, e.g. `renderer/src/desk-main.tsx`. */
export function preloadAppChunk(appModule: string): Plugin {
  return {
    name: 'balie-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle as Record<string, OutputChunk | { type: 'asset' }> | undefined;
        const entry = context.chunk as OutputChunk | undefined;
        if (!bundle || !entry) return html;
        const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk');
        const app = chunks.find((chunk) => chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(appModule) && entry.dynamicImports.includes(chunk.fileName));
        if (!app) return html;
        const scripts = new Set<string>();
        const add = (fileName: string) => {
          // The entry's own imports are named by Vite already.
          if (scripts.has(fileName) || fileName === entry.fileName || entry.imports.includes(fileName)) return;
          scripts.add(fileName);
          for (const imported of chunks.find((chunk) => chunk.fileName === fileName)?.imports ?? []) add(imported);
        };
        add(app.fileName);
        const styles = [...scripts].flatMap((fileName) => [...(chunks.find((chunk) => chunk.fileName === fileName)?.viteMetadata?.importedCss ?? [])]);
        const href = (fileName: string) => `./${fileName}`;
        return {
          html,
          tags: [
            ...styles.map((fileName) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: href(fileName) }, injectTo: 'head' as const })),
            ...[...scripts].map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: href(fileName) }, injectTo: 'head' as const })),
          ],
        };
      },
    },
  };
}
