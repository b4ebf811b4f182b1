import { defineMessages } from './define-messages';

/** The texts of the checklist feature (see messages.ts). */
export const checklistMessages = defineMessages({}, {});
