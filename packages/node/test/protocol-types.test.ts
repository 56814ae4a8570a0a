// The library declares its own JSON types so its published .d.ts stand alone; these checks keep
// them in line with @tokenframe/protocol (imported for types only: erased, never shipped).
import type { ErrorCode, ErrorType, TokenCreateResponse, VaultErrorBody } from '@tokenframe/protocol';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { TokenframeApiError } from '../src/index.js';
import type { VaultErrorFields } from '../src/tokenframe-api-error.js';
import type { Token } from '../src/types.js';

describe('types shared with @tokenframe/protocol', () => {
  test("the vault error body fits the library's error fields, and its codes and types are strings the errors carry", () => {
    expectTypeOf<VaultErrorBody['error']>().toExtend<VaultErrorFields>();
    expectTypeOf<ErrorCode>().toExtend<TokenframeApiError['code']>();
    expectTypeOf<ErrorType>().toExtend<TokenframeApiError['type']>();
    const body: VaultErrorBody = {
      error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such token.', requestId: 'req_1' },
    };
    expect(new TokenframeApiError(404, body.error)).toMatchObject({ status: 404, code: 'resource_missing', requestId: 'req_1' });
  });

  test("a token's card summary as the browser sees it is part of the secret-key view", () => {
    expectTypeOf<Pick<Token['card'], 'brand' | 'last4' | 'expMonth' | 'expYear'>>().toEqualTypeOf<TokenCreateResponse['card']>();
    expectTypeOf<Token['livemode']>().toEqualTypeOf<TokenCreateResponse['livemode']>();
  });
});
