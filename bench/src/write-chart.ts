/** The data the chart shows: sizes (bytes, min+gzip) and ratios against their budgets. */
export interface ChartData {
  sizes: { label: string; bytes: number | undefined; ours: boolean; note?: string }[];
  sizeBudget: { label: string; bytes: number };
  ratios: { label: string; value: number; budget: number; atMost: boolean }[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const kb = (b: number) => `${(b / 1000).toFixed(1)} kB`;

/** A hand-written SVG: sizes beside the peers' (log-free linear bars), then each ratio with its budget mark. */
export function chartSvg(d: ChartData): string {
  const W = 760;
  const left = 250;
  const barW = W - left - 90;
  const rowH = 26;
  const out: string[] = [];
  let y = 34;
  out.push(`<text x="16" y="22" class="h">What the merchant page loads (min+gzip) — lower is better</text>`);
  const max = Math.max(d.sizeBudget.bytes, ...d.sizes.map((s) => s.bytes ?? 0));
  const x = (b: number) => left + (b / max) * barW;
  for (const s of d.sizes) {
    const fill = s.ours ? (s.bytes !== undefined && s.bytes <= d.sizeBudget.bytes ? '#2e7d32' : '#c62828') : '#78909c';
    out.push(`<text x="${left - 8}" y="${y + 17}" text-anchor="end">${esc(s.label)}</text>`);
    if (s.bytes === undefined)
      out.push(`<text x="${left}" y="${y + 17}" class="n">failed to bundle${s.note ? `: ${esc(s.note)}` : ''}</text>`);
    else
      out.push(
        `<rect x="${left}" y="${y + 4}" width="${Math.max(1, x(s.bytes) - left).toFixed(1)}" height="${rowH - 8}" fill="${fill}"/><text x="${(x(s.bytes) + 6).toFixed(1)}" y="${y + 17}" class="n">${kb(s.bytes)}</text>`,
      );
    y += rowH;
  }
  const bx = x(d.sizeBudget.bytes).toFixed(1);
  out.push(
    `<line x1="${bx}" y1="30" x2="${bx}" y2="${y}" stroke="#000" stroke-dasharray="4 3"/><text x="${bx}" y="${y + 14}" text-anchor="middle" class="n">${esc(d.sizeBudget.label)} ${kb(d.sizeBudget.bytes)}</text>`,
  );
  y += 44;
  out.push(`<text x="16" y="${y - 12}" class="h">Ratios against the floor / in-process, same run (dashed = budget)</text>`);
  const rmax = Math.max(2, ...d.ratios.map((r) => Math.max(r.value, r.budget) * 1.1));
  const rx = (v: number) => left + (v / rmax) * barW;
  for (const r of d.ratios) {
    const ok = r.atMost ? r.value <= r.budget : r.value >= r.budget;
    out.push(`<text x="${left - 8}" y="${y + 17}" text-anchor="end">${esc(r.label)} (${r.atMost ? '≤' : '≥'} ${r.budget})</text>`);
    out.push(
      `<rect x="${left}" y="${y + 4}" width="${Math.max(1, rx(r.value) - left).toFixed(1)}" height="${rowH - 8}" fill="${ok ? '#2e7d32' : '#c62828'}"/>`,
    );
    out.push(
      `<line x1="${rx(r.budget).toFixed(1)}" y1="${y}" x2="${rx(r.budget).toFixed(1)}" y2="${y + rowH}" stroke="#000" stroke-width="2" stroke-dasharray="4 3"/>`,
    );
    out.push(
      `<text x="${(Math.max(rx(r.value), rx(r.budget)) + 6).toFixed(1)}" y="${y + 17}" class="n">${r.value.toFixed(2)} ${ok ? 'met' : 'missed'}</text>`,
    );
    y += rowH;
  }
  y += 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" viewBox="0 0 ${W} ${y}" font-family="system-ui, sans-serif" font-size="13">
<style>.h{font-weight:600;font-size:14px}.n{fill:#333;font-size:12px}</style>
<rect width="100%" height="100%" fill="#fff"/>
${out.join('\n')}
</svg>
`;
}
