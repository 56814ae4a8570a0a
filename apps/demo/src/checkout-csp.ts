// The checkout page's own Content-Security-Policy: the strict policy a PCI DSS 6.4.3 payment page
// should have. Scripts only from this origin and the vault (the SRI-pinned SDK), frames only from
// the frames origin, and connections only to this backend and the vault (the SDK's status probe).
import type { DemoConfig } from './demo-config';

export function checkoutCsp({ vaultUrl, framesUrl }: Pick<DemoConfig, 'vaultUrl' | 'framesUrl'>): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${vaultUrl}`,
    `frame-src ${framesUrl}`,
    `connect-src 'self' ${vaultUrl}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
