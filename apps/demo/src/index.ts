// The demo backend, importable for tests and the e2e suite.
export { createDemoApp } from './demo-app';
export type { DemoAppDeps } from './demo-app';
export { readDemoConfig } from './demo-config';
export type { DemoConfig } from './demo-config';
export { pickSdkScript, fetchSdkScript } from './sdk-script';
export type { SdkScript } from './sdk-script';
export { checkoutCsp } from './checkout-csp';
export { WebhookInbox } from './webhook-inbox';
export type { InboxEvent } from './webhook-inbox';
