/**
 * The rule of the client's rating, shared by the desk's command and the reducer on both sides: a
 * client rates a service they received, once. "Received" means the service started at a desk
 * (in service, parked, completed, partial, or sent on after starting); an appointment never served
 * (expected, waiting, called, no-show, cancelled) cannot be rated. One rating per appointment: in a
 * visit through several desks (BIO, then BRP) the client may rate each desk's service once. A
 * second rating of the same appointment is refused on the desk and, when two desks race offline,
 * kept by the server as a conflict: the first rating counts.
 */
import type { AppointmentState } from './appointment-state';
import { domainError, fail, type Failure } from './messages';

/** The rated appointment, or why it cannot be rated. */
export function rateAppointment(
  appointment: AppointmentState,
  rating: { readonly score: number; readonly deskId: string },
  now: string,
): { ok: true; state: AppointmentState } | Failure {
  if (appointment.serviceStartedAt === null) {
    return fail(domainError('rating-without-service', 'Alleen een dienst die aan de balie is verleend kan een waardering krijgen.', 'Only a service given at the desk can be rated.'));
  }
  if (appointment.rating) {
    return fail(domainError('rating-given', 'Deze klant heeft deze dienst al gewaardeerd.', 'This client has already rated this service.'));
  }
  return { ok: true, state: { ...appointment, rating: { score: rating.score, ratedAt: now, deskId: rating.deskId } } };
}
