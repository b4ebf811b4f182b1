import { defineMessages } from './define-messages';

/** The texts of the safety feature (see messages.ts). */
export const safetyMessages = defineMessages({}, {});
