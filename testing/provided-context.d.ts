// Values the global setups hand to tests through `inject()`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the real server started for the renderer's component tests. */
    deskTestServerUrl: string;
  }
}
