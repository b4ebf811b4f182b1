/**
 * How the clerk's screens act: every command goes through `act` as the signed-in clerk (one Dexie
 * transaction), and its answer becomes one line of feedback: a refusal in the clerk's language
 * (the shared rules give Dutch and English), or what was done.
 */
import { useCallback, useMemo, useState } from 'react';
import type { BalieEvent } from '../../../../shared/sync/events';
import { act, type DeskActor } from '../../db/desk-actor';
import type { DeskDatabase } from '../../db/desk-db';
import type { DeskCommand } from '../../db/perform-command';
import { useI18n } from '../../i18n/i18n';

export type Feedback = { readonly kind: 'refused' | 'done'; readonly text: string; readonly serial: number } | null;

/** A line is kept with the language it was written in: after a switch it is not shown half-translated. */
type WrittenFeedback = NonNullable<Feedback> & { readonly language: string };

/** What was done, in words, from the events the command stored. */
export type DoneText = string | ((events: readonly BalieEvent[]) => string);

/**
 * Performs `command`; resolves to the stored events, or null when the rules refused it.
 * `done` is the line shown on success.
 */
export type Perform = (command: DeskCommand, done?: DoneText) => Promise<readonly BalieEvent[] | null>;

export interface DeskActions {
  perform: Perform;
  feedback: Feedback;
  /** Shows a line without acting (e.g. a scan that matched nothing). */
  say(kind: 'refused' | 'done', text: string): void;
}

export function useDeskActions(db: DeskDatabase, actor: DeskActor, date: string, now: () => Date): DeskActions {
  const { language, t } = useI18n();
  const [written, setWritten] = useState<WrittenFeedback | null>(null);
  const say = useCallback(
    (kind: 'refused' | 'done', text: string) => setWritten((previous) => ({ kind, text, serial: (previous?.serial ?? 0) + 1, language })),
    [language],
  );
  const feedback: Feedback = written?.language === language ? written : null;
  const perform = useCallback<Perform>(
    async (command, done) => {
      let result: Awaited<ReturnType<typeof act>>;
      try {
        result = await act(db, actor, date, command, now());
      } catch (error) {
        // A bug or a broken database, not a rule: the transaction stored nothing, and the clerk hears so.
        console.error('desk action failed', error);
        say('refused', t('clerkActionFailed'));
        return null;
      }
      if (!result.ok) {
        say('refused', result.error.message[language]);
        return null;
      }
      say('done', typeof done === 'function' ? done(result.events) : (done ?? t('queueDone')));
      return result.events;
    },
    [db, actor, date, now, language, t, say],
  );
  return useMemo(() => ({ perform, feedback, say }), [perform, feedback, say]);
}
