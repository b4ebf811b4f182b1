import { defineMessages } from './define-messages';

/** The texts of the client-facing screen at the desk (see messages.ts). */
export const clientMessages = defineMessages(
  {
    // The rating is an event like any other: the sync review names it too.
    reviewEvent_ratingGiven: 'Waardering van de klant',
  },
  {
    reviewEvent_ratingGiven: "Client's rating",
  },
);
