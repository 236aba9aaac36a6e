// The calculator island: the fit engine itself (src/lib/fit, unchanged) run in the browser
// on the reader's rig. Loaded only when the form scrolls into view.
import type { CalculatorData } from '../../lib/calculator/data.ts';
import { customRig, type CalculatorFields } from '../../lib/calculator/custom-rig.ts';
import { FIELD_NAMES, fieldsFromQuery, fieldsToQuery } from '../../lib/calculator/url-state.ts';
import { evaluateFit } from '../../lib/fit/index.ts';
import { REASONS } from '../../lib/fit/reasons.ts';
import type { FitResult } from '../../lib/fit/types.ts';
import { formatGB, formatGiB } from '../../lib/units.ts';

const VERDICT_LABEL = { runs: 'Runs', 'runs-slowly': 'Runs slowly', 'not-ready': 'Not ready', 'cloud-only': 'Cloud only', 'not-released': 'Not released yet' } as const;
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const speed = (v: number | null) => (v === null ? 'n/a' : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} tok/s`);
const badge = (r: FitResult) => `<span class="badge small badge-${r.verdict}"><span class="label">${VERDICT_LABEL[r.verdict]}</span></span>`;

function catalogueTable(results: { name: string; href: string; result: FitResult }[]): string {
  const rows = results.map(({ name, href, result }) => {
    const pick = result.quants.find((q) => q.name === result.pick);
    return `<tr><th scope="row"><a href="${href}">${escape(name)}</a></th><td>${badge(result)}</td><td>${pick ? escape(pick.name) : '-'}</td><td>${pick ? speed(pick.decodeTokensPerSecond) : '-'}</td></tr>`;
  });
  return `<table><caption>Every model on your rig</caption><thead><tr><th scope="col">Model</th><th scope="col">Verdict</th><th scope="col">Pick</th><th scope="col">Decode</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function modelTable(result: FitResult): string {
  const walls = (['size', 'quantization', 'stack'] as const)
    .map((w) => `<li><strong>${w}</strong>: ${result.walls[w].blocked ? 'blocked' : 'pass'}, ${escape(REASONS[result.walls[w].reason].text)}</li>`)
    .join('');
  const rows = result.quants.map((q) => {
    const room = q.placement === 'vram' || q.placement === 'vram+ram' ? `${formatGiB(q.headroomBytes)} free` : `${formatGiB(-q.headroomBytes)} over`;
    return `<tr${q.name === result.pick ? ' class="pick"' : ''}><th scope="row">${escape(q.name)}</th><td>${formatGB(q.weightsBytes)}</td><td>${q.quality}</td><td>${q.placement}</td><td>${room}</td><td>${speed(q.decodeTokensPerSecond)}</td></tr>`;
  });
  return `<p>${badge(result)} ${escape(REASONS[result.reason].text)}${result.pick ? ` Pick: <strong>${escape(result.pick)}</strong>.` : ''}</p><ul class="walls">${walls}</ul>
<table><caption>Every file on your rig at ${result.contextTokens.toLocaleString('en-US')} tokens of context</caption><thead><tr><th scope="col">File</th><th scope="col">Weights</th><th scope="col">Quality</th><th scope="col">Lands in</th><th scope="col">Headroom</th><th scope="col">Decode</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function mount(root: HTMLElement): void {
  const data = JSON.parse(root.querySelector('script[type="application/json"]')!.textContent!) as CalculatorData;
  const form = root.querySelector('form')!;
  const output = root.querySelector<HTMLElement>('[data-output]')!;
  const base = root.dataset.base ?? '/';
  const engines = Object.fromEntries(Object.entries(data.engines).map(([id, e]) => [id, { ...e, homepage: '', backends: [], sources: [] }]));
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  const read = (): CalculatorFields => Object.fromEntries(FIELD_NAMES.map((n) => [n, input(n)?.value ?? ''])) as CalculatorFields;
  const write = (fields: Partial<CalculatorFields>) => {
    for (const [name, value] of Object.entries(fields)) if (input(name) && value !== undefined) input(name)!.value = value;
  };

  const contextOutput = root.querySelector<HTMLOutputElement>('[data-context-value]');
  const update = () => {
    const fields = read();
    if (contextOutput) contextOutput.value = `${Number(fields.context).toLocaleString('en-US')} tokens`;
    const { state, problems } = customRig(fields);
    for (const name of FIELD_NAMES) {
      const el = input(name);
      const problem = problems.find((p) => p.field === name);
      el?.setAttribute('aria-invalid', problem ? 'true' : 'false');
      const note = root.querySelector(`[data-error-for="${name}"]`);
      if (note) note.textContent = problem?.message ?? '';
    }
    if (!state) return;
    history.replaceState(null, '', `?${fieldsToQuery(fields)}${location.hash}`);
    const context = { engines, measurements: [] };
    const results = data.models.map((m) => ({
      name: m.data.name,
      href: `${base}models/${m.id}/`,
      result: evaluateFit(m, state.rig, context, { asOf: data.asOf, contextTokens: state.contextTokens, kvPrecision: state.kvPrecision }),
    }));
    output.innerHTML = results.length === 1 ? modelTable(results[0]!.result) : catalogueTable(results);
  };

  write({ ...data.defaults, ...fieldsFromQuery(location.search) });
  form.addEventListener('input', update);
  form.querySelector<HTMLSelectElement>('[name="preset"]')?.addEventListener('change', (event) => {
    const preset = data.presets.find((p) => p.id === (event.target as HTMLSelectElement).value);
    if (preset) write({ ...preset.fields, context: read().context, kv: read().kv });
    update();
  });
  root.querySelector('[data-copy]')?.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(location.href).catch(() => undefined);
    const status = root.querySelector('[data-copy-status]');
    if (status) status.textContent = 'Link copied.';
  });
  root.classList.add('is-live');
  update();
}
