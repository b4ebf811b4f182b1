import { act as actInReact, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callNext } from '../../../../shared/domain/commands-queue';
import { dropDatabase, freshDatabase, today } from '../../../test/desk-fixtures';
import type { DeskDatabase } from '../../db/desk-db';
import { I18nProvider, type Language } from '../../i18n/i18n';
import { testActor } from './test-support/queue-harness';
import { useDeskActions } from './use-desk-actions';

describe('acting from the clerk\'s screens', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('desk-actions-test');
  });
  afterEach(() => dropDatabase(db));

  const hook = (language: Language) =>
    renderHook(() => useDeskActions(db, testActor, today, () => new Date()), {
      wrapper: ({ children }: { children: ReactNode }) => <I18nProvider initialLanguage={language}>{children}</I18nProvider>,
    });

  it('a refusal of the rules comes back in the language the clerk reads, and stores nothing', async () => {
    const { result } = hook('en');
    let events: unknown;
    await actInReact(async () => {
      events = await result.current.perform((state, context) => callNext(state, { services: ['DOC'] }, context));
    });
    expect(events).toBeNull();
    expect(result.current.feedback).toMatchObject({ kind: 'refused', text: 'Nobody is waiting for this desk.' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('an error that is no rule (a bug, a broken database) is said plainly and stores nothing', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { result } = hook('nl');
    await actInReact(async () => {
      await result.current.perform(() => {
        throw new Error('a bug');
      });
    });
    expect(result.current.feedback).toMatchObject({ kind: 'refused', text: 'Dit lukte niet door een fout op deze pc. Er is niets opgeslagen; probeer het opnieuw.' });
    expect(await db.outbox.count()).toBe(0);
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
  });
});
