/**
 * What the visit screen reads from IndexedDB in one live query: the visit's appointments (in the
 * order the app gave them), their persons, the persons' other appointments of the day (for the
 * next service of the one stop shop), the other desks, and the checklist definitions.
 */
import type { ChecklistDefinition } from '../../../../shared/checklists/definition-schema';
import type { ServiceCode } from '../../../../shared/domain/codes';
import { deskChecklists } from '../../db/desk-checklists';
import type { DeskDatabase, LocalAppointment, LocalPerson } from '../../db/desk-db';
import type { SendOnChoice } from './visit-summary';

export interface VisitData {
  readonly appointments: readonly LocalAppointment[];
  readonly persons: ReadonlyMap<string, LocalPerson>;
  readonly related: readonly LocalAppointment[];
  readonly otherDeskIds: readonly string[];
  readonly checklists: readonly ChecklistDefinition[];
}

export async function loadVisit(db: DeskDatabase, appointmentIds: readonly string[], deskId: string): Promise<VisitData> {
  const appointments = (await db.appointments.bulkGet([...appointmentIds])).filter((row): row is LocalAppointment => row !== undefined);
  const personIds = [...new Set(appointments.map((row) => row.personId))];
  const persons = (await db.persons.bulkGet(personIds)).filter((row): row is LocalPerson => row !== undefined);
  const related = personIds.length === 0 ? [] : await db.appointments.where('personId').anyOf(personIds).toArray();
  const desks = await db.desks.toArray();
  return {
    appointments,
    persons: new Map(persons.map((person) => [person.id, person])),
    related,
    otherDeskIds: desks.map((desk) => desk.id).filter((id) => id !== deskId).sort(),
    checklists: await deskChecklists(db),
  };
}

/**
 * The stages of the one stop shop: the IND's services first, then the municipality's registration,
 * then the Expat Centre's advice talk (DOMAIN.md §2: BIO → BRP → INFO).
 */
const ONE_STOP_SHOP_STAGES: readonly (readonly ServiceCode[])[] = [['BIO', 'DOC', 'VAA', 'TKV'], ['BRP'], ['INFO']];

const stageOf = (service: ServiceCode) => ONE_STOP_SHOP_STAGES.findIndex((stage) => stage.includes(service));

/**
 * Where the person may go after `appointment`: the later stages of the one stop shop, and any other
 * service they are booked for today and have not had yet; booked ones are marked (and preselected).
 */
export function sendOnChoices(appointment: LocalAppointment, related: readonly LocalAppointment[]): SendOnChoice[] {
  const booked = new Set(
    related
      .filter((other) => other.personId === appointment.personId && other.id !== appointment.id && other.date === appointment.date)
      .filter((other) => other.service !== appointment.service && (other.status === 'expected' || other.status === 'arrived'))
      .map((other) => other.service),
  );
  const later = ONE_STOP_SHOP_STAGES.slice(stageOf(appointment.service) + 1).flat();
  const services = [...new Set([...later, ...booked])].sort((a, b) => stageOf(a) - stageOf(b));
  return services.map((service) => ({ service, booked: booked.has(service) }));
}
