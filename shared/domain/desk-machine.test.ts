import { describe, expect, it } from 'vitest';
import { closedDesk, DESK_EVENT_KINDS, transitionDesk, type DeskEvent, type DeskState } from './desk-machine';

const NOW = '2026-03-03T10:00:00.000Z';
const STATES: Record<DeskState['status'], DeskState> = {
  closed: closedDesk('desk-1', 'maa'),
  open: { ...closedDesk('desk-1', 'maa'), status: 'open', clerkId: 'clerk-1', openedAt: '2026-03-03T08:00:00.000Z' },
  paused: {
    ...closedDesk('desk-1', 'maa'),
    status: 'paused',
    clerkId: 'clerk-1',
    openedAt: '2026-03-03T08:00:00.000Z',
    pause: { reason: 'lunch', note: null, since: '2026-03-03T09:30:00.000Z' },
  },
};
const EVENTS: Record<DeskEvent['kind'], DeskEvent> = {
  open: { kind: 'open', clerkId: 'clerk-2' },
  close: { kind: 'close' },
  'start-pause': { kind: 'start-pause', reason: 'break', note: null },
  'end-pause': { kind: 'end-pause' },
};
const TABLE: Record<DeskState['status'], Record<DeskEvent['kind'], DeskState['status'] | null>> = {
  closed: { open: 'open', close: null, 'start-pause': null, 'end-pause': null },
  open: { open: null, close: 'closed', 'start-pause': 'paused', 'end-pause': null },
  paused: { open: null, close: 'closed', 'start-pause': null, 'end-pause': 'open' },
};

describe('every desk status × desk event pair', () => {
  const pairs = (Object.keys(STATES) as DeskState['status'][]).flatMap((status) => DESK_EVENT_KINDS.map((kind) => [status, kind, TABLE[status][kind]] as const));
  it.each(pairs)('from %s, %s gives %s', (status, kind, expected) => {
    const result = transitionDesk(STATES[status], EVENTS[kind], NOW);
    if (expected === null) {
      expect(!result.ok && result.error.message.nl !== result.error.message.en).toBe(true);
    } else {
      expect(result.ok && result.state.status).toBe(expected);
    }
  });

  it('a pause keeps its reason and start until it ends', () => {
    const paused = transitionDesk(STATES.open, { kind: 'start-pause', reason: 'other', note: 'printer jam' }, NOW);
    expect(paused.ok && paused.state.pause).toEqual({ reason: 'other', note: 'printer jam', since: NOW });
    const resumed = paused.ok ? transitionDesk(paused.state, EVENTS['end-pause'], NOW) : paused;
    expect(resumed.ok && resumed.state.pause).toBeNull();
  });
});
