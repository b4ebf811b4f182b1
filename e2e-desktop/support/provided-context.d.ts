// Values the desktop suite's global setup hands to tests through `inject()`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the real Balie server the packaged desk talks to. */
    desktopServerUrl: string;
  }
}
