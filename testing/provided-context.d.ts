// Values the global setups hand to tests through `inject()`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the real server started for the renderer's component tests. */
    deskTestServerUrl: string;
    /** Accounts on that server: an admin (registers desk devices) and a clerk of `locationId`. */
    deskTestAccounts: {
      locationId: string;
      admin: { username: string; password: string };
      clerk: { username: string; password: string; accountId: string };
    };
  }
}
