import { svg } from 'lit/html.js';
import type { SVGTemplateResult } from 'lit/html.js';

/**
 * Inline SVG brand marks (no external images: img-src allows only 'self' and data:, and a request
 * per brand would tell the network what was typed). Simplified marks, 32×20, readable at 1em.
 */
const MARKS: Record<string, { bg: string; fg: string; text: string }> = {
  visa: { bg: '#1a1f71', fg: '#fff', text: 'VISA' },
  amex: { bg: '#2e77bb', fg: '#fff', text: 'AMEX' },
  discover: { bg: '#fff', fg: '#e55c20', text: 'DISC' },
  diners: { bg: '#0079be', fg: '#fff', text: 'DC' },
  jcb: { bg: '#0b4ea2', fg: '#fff', text: 'JCB' },
  unionpay: { bg: '#d10429', fg: '#fff', text: 'UP' },
  maestro: { bg: '#fff', fg: '#0099df', text: 'MAE' },
  mir: { bg: '#0f754e', fg: '#fff', text: 'MIR' },
  elo: { bg: '#000', fg: '#ffcb05', text: 'elo' },
  hipercard: { bg: '#b3131b', fg: '#fff', text: 'HIPER' },
  cartes_bancaires: { bg: '#005da9', fg: '#fff', text: 'CB' },
};

export function brandIcon(brandId: string | undefined): SVGTemplateResult {
  if (brandId === 'mastercard') {
    return svg`<svg class="tf-brand" viewBox="0 0 32 20" width="32" height="20" aria-hidden="true" focusable="false" data-brand="mastercard">
      <rect width="32" height="20" rx="3" fill="#fff" stroke="#d0d5dd"/>
      <circle cx="13" cy="10" r="6" fill="#eb001b"/><circle cx="19" cy="10" r="6" fill="#f79e1b" fill-opacity="0.85"/></svg>`;
  }
  const mark = brandId === undefined ? undefined : MARKS[brandId];
  if (mark === undefined) {
    return svg`<svg class="tf-brand" viewBox="0 0 32 20" width="32" height="20" aria-hidden="true" focusable="false" data-brand="unknown">
      <rect x="0.5" y="0.5" width="31" height="19" rx="3" fill="none" stroke="currentColor" stroke-opacity="0.45"/>
      <rect x="0.5" y="5" width="31" height="3.5" fill="currentColor" fill-opacity="0.35"/>
      <rect x="4" y="12.5" width="9" height="2.5" rx="1" fill="currentColor" fill-opacity="0.35"/></svg>`;
  }
  return svg`<svg class="tf-brand" viewBox="0 0 32 20" width="32" height="20" aria-hidden="true" focusable="false" data-brand=${brandId}>
    <rect x="0.5" y="0.5" width="31" height="19" rx="3" fill=${mark.bg} stroke="#d0d5dd"/>
    <text x="16" y="14" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="9" font-weight="700" fill=${mark.fg}>${mark.text}</text></svg>`;
}
