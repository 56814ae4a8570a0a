import { PPS_CODES, ppsRespstat, type PpsCode } from './pps-codes';

/** What every gateway call answers: string values only, as the dialect requires. */
export type GatewayAnswer = Record<string, string>;

/** An answer from the gateway itself (`respproc: "PPS"`), e.g. a validation refusal, HTTP 200. */
export function ppsAnswer(code: PpsCode, extra: GatewayAnswer = {}): GatewayAnswer {
  return { respproc: 'PPS', respstat: ppsRespstat(code), respcode: code, resptext: PPS_CODES[code], ...extra };
}
