/** The desk's IndexedDB database (desk-db.ts), named apart so the entry can read it before Dexie loads. */
export const DESK_DATABASE_NAME = 'balie-desk';
