/**
 * A busy day for the offline proof: single-person bookings imported through the server's import
 * route (as the booking system's export arrives), and the clerk's actions for each person as a
 * real service goes: check in, call, start, notes while serving, finish. Notes are real clerk
 * actions that can repeat, and each carries its own text, so the server shows whether any one was
 * lost or applied twice.
 */
import type { HarnessAction } from './harness-client';

/** The booking system's export (docs/import.md) for `count` people on `date`. */
export function bigDayCsv(date: string, count: number, codePrefix = 'P'): string {
  const lines = ['appointment_code;date;time;services;person_position;full_name;date_of_birth;nationality_category;v_number;status'];
  for (let index = 0; index < count; index++) {
    const minutes = 8 * 60 + 30 + (index % 96) * 5;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    lines.push(`${codePrefix}${String(index).padStart(6, '0')}Q;${date};${time};INFO;1;Proefpersoon ${index};1980-01-${String((index % 28) + 1).padStart(2, '0')};other;;booked`);
  }
  return `${lines.join('\n')}\n`;
}

export async function importDay(apiUrl: string, adminToken: string, csv: string): Promise<void> {
  const response = await fetch(`${apiUrl}/api/v1/import/appointments?location=MAA`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv' },
    body: csv,
  });
  if (response.status !== 200) throw new Error(`the import answered ${response.status}: ${await response.text()}`);
}

export const NOTES_PER_SERVICE = 4;
/** Actions per person: check in, call, start, the notes, finish. */
export const ACTIONS_PER_SERVICE = 4 + NOTES_PER_SERVICE;

/** One person's service at the desk; the notes name the person and their number. */
export function serviceActions(appointmentId: string, label: string): HarnessAction[] {
  return [
    { kind: 'checkIn', appointmentId },
    { kind: 'call', appointmentId },
    { kind: 'startService', appointmentId },
    ...Array.from({ length: NOTES_PER_SERVICE }, (_, note) => ({ kind: 'note' as const, appointmentId, text: `${label}: notitie ${note + 1}` })),
    { kind: 'finish', appointmentId, reason: `${label}: vervolgafspraak nodig` },
  ];
}
