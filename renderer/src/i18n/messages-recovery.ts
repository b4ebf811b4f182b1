import { defineMessages } from './define-messages';

/** The notice after the desktop host reloaded the desk's page because its renderer went away (see messages.ts). */
export const recoveryMessages = defineMessages(
  {
    recoveryRestarted: 'De balie is om {time} opnieuw gestart na een storing; er is niets verloren gegaan.',
    recoveryWaitingMany: '{count} acties wachten nog op verzending.',
    recoveryWaitingOne: '1 actie wacht nog op verzending.',
    recoveryAllSent: 'Alle acties zijn verzonden.',
    recoveryRepeated: 'Dit is de {count}e herstart sinds de balie aanging. Meld het aan uw beheerder als het vaker gebeurt.',
    recoveryDismiss: 'Sluiten',
    recoveryDismissLabel: 'Melding over de herstart sluiten',
  },
  {
    recoveryRestarted: 'The desk restarted at {time} after a failure; nothing was lost.',
    recoveryWaitingMany: '{count} actions are still waiting to be sent.',
    recoveryWaitingOne: '1 action is still waiting to be sent.',
    recoveryAllSent: 'Every action has been sent.',
    recoveryRepeated: 'This is restart number {count} since the desk was started. Tell your administrator if it keeps happening.',
    recoveryDismiss: 'Dismiss',
    recoveryDismissLabel: 'Dismiss the notice about the restart',
  },
);
