import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabase, serverUrl, today } from '../../../test/desk-fixtures';
import type { DeskDatabase } from '../../db/desk-db';
import { I18nProvider } from '../../i18n/i18n';
import { storeServerDay } from './test-support/demo-day';
import { handClock, QueueHarness, testActor } from './test-support/queue-harness';

const deskStatusIs = (text: string) => waitFor(() => expect(screen.getByTestId('desk-status')).toHaveTextContent(text));

describe('the desk: open, pause with a reason, resume, close', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('desk-controls-test');
    await storeServerDay(db, serverUrl, today);
  });
  afterEach(() => dropDatabase(db));

  it('a pause needs a reason, "other" needs a note, and a paused desk calls nobody', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <QueueHarness db={db} date={today} clock={handClock(today, '12:31').clock} />
      </I18nProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Balie openen' }));
    await deskStatusIs('Open');

    await user.click(screen.getByRole('button', { name: 'Pauze' }));
    expect(screen.getByRole('radio', { name: 'Korte pauze' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Pauze starten' }));
    expect(await screen.findByText('Kies een reden voor de pauze.')).toHaveAttribute('role', 'alert');
    expect(screen.getByTestId('desk-status')).toHaveTextContent('Open');

    await user.click(screen.getByRole('radio', { name: 'Anders' }));
    await user.click(screen.getByRole('button', { name: 'Pauze starten' }));
    expect(await screen.findByText('Geef bij "anders" een korte toelichting.')).toHaveAttribute('role', 'alert');

    await user.click(screen.getByRole('radio', { name: 'Lunch' }));
    await user.click(screen.getByRole('button', { name: 'Pauze starten' }));
    await deskStatusIs('Pauze (Lunch) sinds 12:31');
    expect(await db.desks.get(testActor.deskId)).toMatchObject({ status: 'paused', pause: { reason: 'lunch' } });
    expect(screen.queryByRole('radio')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Volgende oproepen' }));
    expect(await screen.findByText('De balie heeft pauze: hervat eerst.')).toHaveAttribute('role', 'alert');

    await user.click(screen.getByRole('button', { name: 'Hervatten' }));
    await deskStatusIs('Open');
    await user.click(screen.getByRole('button', { name: 'Balie sluiten' }));
    await deskStatusIs('Gesloten');
  });
});
