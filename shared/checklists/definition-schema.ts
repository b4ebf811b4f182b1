/**
 * Checklists are data (DESIGN.md principle 5): a definition lists the steps a clerk goes through
 * for one service, each with its kind, whether it is required, and conditions on the person's age
 * at the appointment date and nationality category. Definitions are versioned; the server serves
 * them, the desk caches them, and every recorded step names the definition and version it followed.
 * Rules marked "assumption" in DOMAIN.md live here as data, never as code.
 */
import { z } from 'zod';
import { NATIONALITY_CATEGORIES, OUTCOME_CODES, SERVICE_CODES } from '../domain/codes';

/** A kebab-case identifier of a step, option, flag or definition. */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id').max(64);

/** A text in Dutch and English. */
export const localizedTextSchema = z.object({ nl: z.string().min(1), en: z.string().min(1) });

/** A condition on the person, evaluated at the appointment date (conditions.ts). */
export type Condition =
  | { type: 'age-at-least'; years: number }
  | { type: 'age-below'; years: number }
  | { type: 'nationality'; in: Array<(typeof NATIONALITY_CATEGORIES)[number]> }
  | { type: 'turned-age-since-last-capture'; ages: number[] }
  | { type: 'last-capture-within-months'; months: number }
  | { type: 'all'; conditions: Condition[] }
  | { type: 'any'; conditions: Condition[] }
  | { type: 'not'; condition: Condition };

/** Schema of {@link Condition}. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('age-at-least'), years: z.int().min(0).max(150) }),
    z.object({ type: z.literal('age-below'), years: z.int().min(0).max(150) }),
    z.object({ type: z.literal('nationality'), in: z.array(z.enum(NATIONALITY_CATEGORIES)).min(1) }),
    z.object({ type: z.literal('turned-age-since-last-capture'), ages: z.array(z.int().min(0).max(150)).min(1) }),
    z.object({ type: z.literal('last-capture-within-months'), months: z.int().min(1).max(600) }),
    z.object({ type: z.literal('all'), conditions: z.array(conditionSchema).min(1) }),
    z.object({ type: z.literal('any'), conditions: z.array(conditionSchema).min(1) }),
    z.object({ type: z.literal('not'), condition: conditionSchema }),
  ]),
);

/** One option of a choice step, or one declared exception; may itself depend on the person. */
export const optionSchema = z.object({ id: slug, label: localizedTextSchema, when: conditionSchema.optional() });
/** An option of a choice or exception. */
export type ChecklistOption = z.infer<typeof optionSchema>;

/** Formats a text step can require; each maps to a validator in shared/validation. */
export const TEXT_FORMATS = [
  'free-text',
  'date',
  'v-number',
  'residence-document-number',
  'passport-number',
  'sticker-serial',
  'appointment-code',
] as const;
/** A text step's format. */
export type TextFormat = (typeof TEXT_FORMATS)[number];

const stepBase = {
  id: slug,
  title: localizedTextSchema,
  instruction: localizedTextSchema.optional(),
  required: z.boolean(),
  /** The step applies only when this holds; absent: always. */
  when: conditionSchema.optional(),
  /** Where the rule comes from (a regulation, a web page, or "assumption"). */
  basis: z.string().max(300).optional(),
  /** Ways the step may end undone, each recorded with a reason (e.g. fingerprints impossible). */
  exceptions: z.array(optionSchema).optional(),
};

/** One step of a checklist, by kind. */
export const stepSchema = z.discriminatedUnion('kind', [
  z.object({ ...stepBase, kind: z.literal('confirm') }),
  z.object({ ...stepBase, kind: z.literal('choice'), options: z.array(optionSchema).min(1), multiple: z.boolean().default(false) }),
  z.object({ ...stepBase, kind: z.literal('text'), format: z.enum(TEXT_FORMATS) }),
  z.object({
    ...stepBase,
    kind: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
    unit: z.string().max(20).optional(),
  }),
  /** A step whose only values are its exceptions, each with a reason (e.g. "card not at this location"). */
  z.object({ ...stepBase, kind: z.literal('exception'), exceptions: z.array(optionSchema).min(1) }),
]);
/** One step of a checklist. */
export type ChecklistStep = z.infer<typeof stepSchema>;

/** A notice shown to the clerk when its condition holds (e.g. "under 1: no desk appointment"). */
export const flagSchema = z.object({
  id: slug,
  when: conditionSchema,
  severity: z.enum(['info', 'warning', 'stop']),
  message: localizedTextSchema,
  basis: z.string().max(300).optional(),
});
/** A notice on the checklist. */
export type ChecklistFlag = z.infer<typeof flagSchema>;

/** An outcome the service may end with, labelled for this service. */
export const outcomeSchema = z.object({
  code: z.enum(OUTCOME_CODES).exclude(['no-show']),
  label: localizedTextSchema,
  reasonRequired: z.boolean(),
});
/** An outcome of the service. */
export type ChecklistOutcome = z.infer<typeof outcomeSchema>;

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

/** A versioned checklist for one service. */
export const checklistDefinitionSchema = z
  .object({
    id: slug,
    version: z.int().min(1),
    service: z.enum(SERVICE_CODES),
    title: localizedTextSchema,
    steps: z.array(stepSchema).min(1),
    flags: z.array(flagSchema),
    outcomes: z.array(outcomeSchema).min(1),
  })
  .refine((definition) => unique(definition.steps.map((step) => step.id)), { message: 'step ids must be unique', path: ['steps'] })
  .refine((definition) => definition.outcomes.some((outcome) => outcome.code === 'completed'), {
    message: 'a checklist needs the outcome "completed"',
    path: ['outcomes'],
  });
/** A versioned checklist for one service, as validated. */
export type ChecklistDefinition = z.infer<typeof checklistDefinitionSchema>;
/** A checklist as written in source or JSON, before defaults are filled in. */
export type ChecklistDefinitionInput = z.input<typeof checklistDefinitionSchema>;
