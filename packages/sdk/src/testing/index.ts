// @tokenframe/sdk/testing: helpers for merchants' Playwright tests (Node; @playwright/test is an
// optional peer and only its types are imported here).
export { fillCard, DEFAULT_LABELS } from './fill-card';
export type { CardInput, CardLabels } from './fill-card';
export { waitForReady } from './wait-for-ready';
export { fieldFrames } from './field-frames';
export type { Scope } from './field-frames';
