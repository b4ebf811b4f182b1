import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useDeskKeys } from './use-desk-keys';

/** A page with a button (focus may sit on it) and a field (which keeps its own keys). */
/** Key times `gapMs` apart: a scanner's few milliseconds, or a person's quarter second. */
function keyTimes(gapMs: number) {
  let at = 0;
  return () => (at += gapMs);
}

function Page({ clock, onScan, onShortcut, onPress }: { clock: () => number; onScan(text: string): void; onShortcut(key: string): void; onPress(): void }) {
  useDeskKeys({ onScan, onShortcut, onEscape: () => undefined, clock });
  return (
    <>
      <button type="button" onClick={onPress}>
        Volgende oproepen
      </button>
      <label>
        Veld <input />
      </label>
    </>
  );
}

function setUp(gapMs: number) {
  const calls = { onScan: vi.fn(), onShortcut: vi.fn(), onPress: vi.fn() };
  render(<Page clock={keyTimes(gapMs)} {...calls} />);
  return calls;
}

describe("the desk's keyboard: a scanner told from a person by the time between keys", () => {
  it('a code typed within milliseconds and ended by Enter is a scan, and its Enter does not press the focused button', async () => {
    const calls = setUp(5);
    screen.getByRole('button').focus();
    await userEvent.setup({ delay: null }).keyboard('MAA-HK7P2Q{Enter}');
    expect(calls.onScan).toHaveBeenCalledWith('MAA-HK7P2Q');
    expect(calls.onPress).not.toHaveBeenCalled();
    expect(calls.onShortcut).not.toHaveBeenCalled();
  });

  it('one key on its own is a shortcut, in upper case', async () => {
    const calls = setUp(5);
    await userEvent.setup().keyboard('n');
    await waitFor(() => expect(calls.onShortcut).toHaveBeenCalledWith('N'));
    expect(calls.onScan).not.toHaveBeenCalled();
  });

  it('three fast characters and Enter are a fast typist, not a scan: the Enter reaches the button', async () => {
    const calls = setUp(5);
    screen.getByRole('button').focus();
    await userEvent.setup({ delay: null }).keyboard('abc{Enter}');
    expect(calls.onScan).not.toHaveBeenCalled();
    expect(calls.onPress).toHaveBeenCalledTimes(1);
  });

  it('keys a person types slowly, then Enter, are no scan', async () => {
    const calls = setUp(250);
    screen.getByRole('button').focus();
    await userEvent.setup().keyboard('MAA1{Enter}');
    expect(calls.onScan).not.toHaveBeenCalled();
    expect(calls.onPress).toHaveBeenCalledTimes(1);
  });

  it('keys typed into a field stay in the field: no shortcut, no scan', async () => {
    const calls = setUp(5);
    const field = screen.getByLabelText('Veld');
    await userEvent.setup({ delay: null }).type(field, 'V123AL568{Enter}');
    await userEvent.setup().type(field, 'n');
    expect(field).toHaveValue('V123AL568n');
    // A key outside the field afterwards is the only shortcut: the field's "n" never became one.
    screen.getByRole('button').focus();
    await userEvent.setup().keyboard('x');
    await waitFor(() => expect(calls.onShortcut).toHaveBeenCalled());
    expect(calls.onShortcut.mock.calls).toEqual([['X']]);
    expect(calls.onScan).not.toHaveBeenCalled();
  });
});
