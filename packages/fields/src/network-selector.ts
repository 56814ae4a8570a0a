/**
 * The network choice of a co-badged number, drawn where the brand mark goes (so the field's height
 * never changes): one native radio per network, each shown as that network's mark at the same size
 * and full colour (equal visual weight: neither is greyed out or larger), the selected one ringed.
 * Native radios in a labelled `radiogroup`: one Tab stop, arrow keys move the choice, screen readers
 * hear "Card network, radio group, Visa, 2 of 2, selected". Each radio covers its mark, so a click or
 * tap on the mark selects it; the name is visually hidden text (the marks are aria-hidden pictures).
 */
import { html } from 'lit/html.js';
import type { TemplateResult } from 'lit/html.js';
import { brandIcon } from './brand-icon';
import { networkName } from './network-choice';

export interface NetworkSelectorProps {
  /** Unique per field: the radios' group name. */
  id: string;
  networks: readonly string[];
  selected: string | undefined;
  /** Localized name of the group ("Card network"). */
  label: string;
  disabled: boolean;
  onSelect(network: string): void;
  onKeydown(e: KeyboardEvent): void;
}

export function networkSelector(p: NetworkSelectorProps): TemplateResult {
  return html`<div class="tf-networks" role="radiogroup" aria-label=${p.label} @keydown=${p.onKeydown}>
    ${p.networks.map(
      (n) =>
        html`<label class="tf-network">
          <input
            type="radio"
            class="tf-network-radio"
            name=${`${p.id}-network`}
            value=${n}
            .checked=${n === p.selected}
            ?disabled=${p.disabled}
            @change=${(e: Event) => (e.target as HTMLInputElement).checked && p.onSelect(n)}
          />${brandIcon(n)}<span class="tf-sr">${networkName(n)}</span>
        </label>`,
    )}
  </div>`;
}
