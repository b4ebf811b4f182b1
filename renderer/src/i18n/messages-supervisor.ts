import { defineMessages } from './define-messages';

/** The texts of the supervisor's screens (see messages.ts). */
export const supervisorMessages = defineMessages({}, {});
