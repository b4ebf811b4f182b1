/**
 * What a clerk records for one checklist step. The value is checked against the step's definition
 * by `checkStepValue` (step-rules.ts); this file only declares the shapes that travel in events.
 */
import { z } from 'zod';

/** A free-text reason: trimmed, 1 to 500 characters. */
export const reasonTextSchema = z.string().trim().min(1).max(500);

/** The value of one recorded step, by kind. */
export const stepValueSchema = z.discriminatedUnion('kind', [
  /** A `confirm` step was done. */
  z.object({ kind: z.literal('confirmed') }),
  /** A `choice` step: the chosen option ids (exactly one unless the step allows several). */
  z.object({ kind: z.literal('choice'), optionIds: z.array(z.string().min(1).max(64)).min(1).max(20) }),
  /** A `text` step, already normalised and validated against the step's format. */
  z.object({ kind: z.literal('text'), text: z.string().max(500) }),
  /** A `number` step. */
  z.object({ kind: z.literal('number'), number: z.number().finite() }),
  /** The step could not be done for a declared exception (e.g. fingerprints impossible), with a reason. */
  z.object({ kind: z.literal('exception'), exceptionId: z.string().min(1).max(64), reason: reasonTextSchema }),
  /** An optional step the clerk explicitly left out. */
  z.object({ kind: z.literal('skipped') }),
]);
/** The value of one recorded step. */
export type StepValue = z.infer<typeof stepValueSchema>;
