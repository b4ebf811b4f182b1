/**
 * Which services this desk calls for. The server does not say (desks are not tied to services),
 * so the clerk chooses at the desk; the choice is kept per desk on this PC, validated on read.
 */
import { z } from 'zod';
import { SERVICE_CODES, type ServiceCode } from '../../../../shared/domain/codes';

const storedSchema = z.array(z.enum(SERVICE_CODES)).min(1);

const keyOf = (deskId: string) => `balie.servedServices.${deskId}`;

export function readServedServices(storage: Pick<Storage, 'getItem'>, deskId: string): ServiceCode[] {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(storage.getItem(keyOf(deskId)) ?? 'null'));
    return parsed.success ? parsed.data : [...SERVICE_CODES];
  } catch {
    return [...SERVICE_CODES];
  }
}

export function writeServedServices(storage: Pick<Storage, 'setItem'>, deskId: string, services: readonly ServiceCode[]): void {
  storage.setItem(keyOf(deskId), JSON.stringify(SERVICE_CODES.filter((service) => services.includes(service))));
}
