// The calculator island: the fit engine itself (src/lib/fit, unchanged) run in the browser
// on the reader's rig. Loaded only when the form scrolls into view, or at once when the URL
// carries a rig. A rig from the data (a preset, or ?rig=<id>) is evaluated as the data
// describes it, so the island and /api/fit/<rig>.json give one answer; editing a field
// turns it into the reader's own rig.
import type { CalculatorData } from '../../lib/calculator/data.ts';
import { customRig, type CalculatorFields } from '../../lib/calculator/custom-rig.ts';
import { FIELD_NAMES, fieldsFromQuery, fieldsToQuery } from '../../lib/calculator/url-state.ts';
import { evaluateFit } from '../../lib/fit/index.ts';
import { REASONS } from '../../lib/fit/reasons.ts';
import type { FitResult, FitRig } from '../../lib/fit/types.ts';
import { VERDICT_LABEL } from '../../lib/report/words.ts';
import { formatFileSize, formatGiB, formatTokensPerSecond } from '../../lib/units.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const speed = (v: number | null) => (v === null ? 'n/a' : formatTokensPerSecond(v));
const badge = (r: FitResult) => `<span class="badge small badge-${r.verdict}"><span class="label">${VERDICT_LABEL[r.verdict]}</span></span>`;
/** Every result carries its model and verdict, so a test (or a reader's script) can read the answer. */
const resultAttrs = (r: FitResult) => `data-model="${escape(r.model)}" data-verdict="${r.verdict}" data-pick="${escape(r.pick ?? '')}"`;
/** Fields that describe the machine; context and KV type are not the rig. */
const RIG_FIELDS = new Set<string>(['vram', 'gpus', 'bandwidth', 'ram', 'ramBandwidth', 'unified', 'backend', 'engine']);

function catalogueTable(results: { name: string; href: string; result: FitResult }[], engineName: (id: string | null) => string): string {
  const rows = results.map(({ name, href, result }) => {
    const pick = result.quants.find((q) => q.name === result.pick);
    return `<tr ${resultAttrs(result)}><th scope="row"><a href="${href}">${escape(name)}</a></th><td>${badge(result)}</td><td>${pick ? escape(pick.name) : '-'}</td><td>${result.engine ? escape(engineName(result.engine)) : '-'}</td><td>${pick ? speed(pick.decodeTokensPerSecondAtJudgedDepth) : '-'}</td></tr>`;
  });
  return `<table><caption>Every model on your rig (decode at half the context deep)</caption><thead><tr><th scope="col">Model</th><th scope="col">Verdict</th><th scope="col">Pick</th><th scope="col">Engine</th><th scope="col">Decode</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function modelTable(result: FitResult, engineName: (id: string | null) => string): string {
  const walls = (['size', 'quantization', 'stack'] as const)
    .map((w) => `<li><strong>${w}</strong>: ${result.walls[w].blocked ? 'blocked' : 'pass'}, ${escape(REASONS[result.walls[w].reason].text)}</li>`)
    .join('');
  const rows = result.quants.map((q) => {
    const room = q.placement === 'vram' || q.placement === 'vram+ram' ? `${formatGiB(q.headroomBytes)} free` : `${formatGiB(-q.headroomBytes)} over`;
    return `<tr${q.name === result.pick ? ' class="pick"' : ''}><th scope="row">${escape(q.name)}</th><td>${formatFileSize(q.weightsBytes)}</td><td>${q.quality}</td><td>${q.placement}</td><td>${room}</td><td>${speed(q.decodeTokensPerSecondAtJudgedDepth)}</td></tr>`;
  });
  const pick = result.pick ? ` Pick: <strong>${escape(result.pick)}</strong>${result.engine ? ` on ${escape(engineName(result.engine))}` : ''}.` : '';
  const depth = result.judgedDepthTokens.toLocaleString('en-US');
  return `<p ${resultAttrs(result)}>${badge(result)} ${escape(REASONS[result.reason].text)}${pick}</p><ul class="walls">${walls}</ul>
<table><caption>Every file on your rig at ${result.contextTokens.toLocaleString('en-US')} tokens of context (decode at ${depth} tokens deep)</caption><thead><tr><th scope="col">File</th><th scope="col">Weights</th><th scope="col">Quality</th><th scope="col">Lands in</th><th scope="col">Headroom</th><th scope="col">Decode</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function mount(root: HTMLElement): void {
  const data = JSON.parse(root.querySelector('script[type="application/json"]')!.textContent!) as CalculatorData;
  const form = root.querySelector('form')!;
  const output = root.querySelector<HTMLElement>('[data-output]')!;
  const base = root.dataset.base ?? '/';
  const context = { engines: data.engines, measurements: data.measurements };
  const engineName = (id: string | null) => (id === null ? '-' : (data.engines[id]?.name ?? id));
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const presetSelect = form.querySelector<HTMLSelectElement>('[name="preset"]');
  let preset: FitRig | null = null;

  const read = (): CalculatorFields => Object.fromEntries(FIELD_NAMES.map((n) => [n, input(n)?.value ?? ''])) as CalculatorFields;
  const write = (fields: Partial<CalculatorFields>) => {
    for (const [name, value] of Object.entries(fields)) if (input(name) && value !== undefined) input(name)!.value = value;
  };
  const usePreset = (id: string | null) => {
    preset = data.rigs.find((r) => r.id === id) ?? null;
    if (presetSelect) presetSelect.value = preset?.id ?? '';
    const fields = data.presets.find((p) => p.id === preset?.id)?.fields;
    if (fields) write({ ...fields, context: read().context, kv: read().kv });
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
    const query = preset ? `rig=${encodeURIComponent(preset.id)}&context=${fields.context}&kv=${fields.kv}` : fieldsToQuery(fields);
    history.replaceState(null, '', `?${query}${location.hash}`);
    const rig = preset ?? state.rig;
    const results = data.models.map((m) => ({
      name: m.data.name,
      href: `${base}models/${m.id}/`,
      result: evaluateFit(m, rig, context, { asOf: data.asOf, contextTokens: state.contextTokens, kvPrecision: state.kvPrecision }),
    }));
    output.innerHTML = results.length === 1 ? modelTable(results[0]!.result, engineName) : catalogueTable(results, engineName);
  };

  const query = new URLSearchParams(location.search);
  write({ ...data.defaults, ...fieldsFromQuery(location.search) });
  usePreset(query.get('rig') ?? (query.has('vram') ? null : data.houseRig));
  form.addEventListener('input', (event) => {
    const name = (event.target as HTMLInputElement).name;
    if (name === 'preset') return;
    if (RIG_FIELDS.has(name)) usePreset(null);
    update();
  });
  presetSelect?.addEventListener('change', () => {
    usePreset(presetSelect.value || null);
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
