import { Hono } from 'hono';
import type { z } from 'zod';
import { ChargeActions, type ChargeAction } from '../../services/charges/charge-actions';
import { AmountSchema, CREATE_CHARGE_KEYS, CreateChargeSchema, firstIssue } from '../../services/charges/charge-input';
import type { ChargeService } from '../../services/charges/charge-service';
import type { Idempotency } from '../../services/idempotency';
import type { KeyService } from '../../services/key-service';
import { orThrow, vaultError } from '../../services/vault-error';
import type { ErrorCode } from '@tokenframe/protocol';
import type { AppEnv } from '../app-env';
import { jsonResponse } from '../api-error';
import { idempotent } from '../idempotent';
import { readJsonBody } from '../read-json-body';
import { requireSecretKey } from '../require-key';

const CODE_FOR: Record<string, ErrorCode> = { amount: 'invalid_amount', currency: 'invalid_currency' };

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const { message, param } = firstIssue(r.error);
  throw vaultError(400, CODE_FOR[param ?? ''] ?? 'malformed_request', message, param);
}

/** Charges (secret key; `charges:write` to create and change, `charges:read` to retrieve). Idempotency-Key required on every POST. */
export function chargeRoutes(deps: {
  keys: KeyService;
  charges: ChargeService;
  chargeActions: ChargeActions;
  idempotency: Idempotency;
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { keys, charges, chargeActions, idempotency } = deps;

  app.post('/v1/charges', requireSecretKey(keys, 'charges:write'), async (c) => {
    const body = orThrow(await readJsonBody(c.req.raw, CREATE_CHARGE_KEYS));
    const input = parse(CreateChargeSchema, body.value);
    return idempotent(c, idempotency, { rawBody: body.raw, mode: 'store', required: true }, (claim) =>
      charges.create({ key: c.get('key'), claim: claim!, input, requestId: c.get('requestId') }),
    );
  });
  app.get('/v1/charges/:id', requireSecretKey(keys, 'charges:read'), async (c) =>
    jsonResponse(200, orThrow(await charges.retrieve(c.get('key'), c.req.param('id')))),
  );

  for (const action of ['capture', 'void', 'refund'] as ChargeAction[]) {
    app.post(`/v1/charges/:id/${action}`, requireSecretKey(keys, 'charges:write'), async (c) => {
      const body = orThrow(await readJsonBody(c.req.raw, action === 'void' ? [] : ['amount'], { allowEmpty: true }));
      const { amount } = parse(AmountSchema, body.value);
      return idempotent(c, idempotency, { rawBody: body.raw, mode: 'store', required: true }, (claim) =>
        chargeActions.run({ key: c.get('key'), id: c.req.param('id'), action, amount, claim: claim!, requestId: c.get('requestId') }),
      );
    });
  }
  return app;
}
