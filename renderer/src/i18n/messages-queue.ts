import { defineMessages } from './define-messages';

/** The texts of the queue feature (see messages.ts). */
export const queueMessages = defineMessages({}, {});
