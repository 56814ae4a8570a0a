import { z } from 'zod';
import { isCurrency } from './money';

const amount = z
  .number({ error: 'amount must be a positive integer in minor units (e.g. 1000 for $10.00).' })
  .int({ error: 'amount must be an integer in minor units (e.g. 1000 for $10.00), not a decimal.' })
  .positive({ error: 'amount must be greater than 0.' });

/** POST /v1/charges (strict: unknown keys are refused by readJsonBody first). */
export const CreateChargeSchema = z
  .object({
    token: z.string({ error: 'token must be a token id (tok_…).' }),
    amount,
    currency: z
      .string({ error: 'currency must be a three-letter ISO code, e.g. "usd".' })
      .transform((s) => s.toUpperCase())
      .refine(isCurrency, { error: 'currency is not one the vault knows (ISO 4217, e.g. "usd").' }),
    orderId: z
      .string()
      .regex(/^[\x20-\x7e]{1,64}$/, { error: 'orderId must be 1–64 printable ASCII characters.' })
      .optional(),
    capture: z.boolean({ error: 'capture must be true or false.' }).optional(),
    connection: z.string({ error: 'connection must be a connection id (conn_…).' }).optional(),
  })
  .strict();
export type CreateChargeInput = z.infer<typeof CreateChargeSchema>;
export const CREATE_CHARGE_KEYS = ['token', 'amount', 'currency', 'orderId', 'capture', 'connection'] as const;

/** POST /v1/charges/:id/capture and /refund (void takes no body). */
export const AmountSchema = z.object({ amount: amount.optional() }).strict();

/** The zod issue as the one-line message and parameter of a 400. */
export function firstIssue(e: z.ZodError): { message: string; param: string | undefined } {
  const issue = e.issues[0]!;
  const param = issue.path.length ? issue.path.join('.') : undefined;
  return { message: issue.message, param };
}
