import { defineMessages } from './define-messages';

/** The texts of the client-facing screen at the desk (see messages.ts). */
export const clientMessages = defineMessages({}, {});
