// The model's spec table, the rig's table and the table of every file against the rig.
// Each comes with the sentence that says what to look for in it.
import type { AttentionGroup } from '../schema/attention.ts';
import type { QuantResult } from '../fit/types.ts';
import { formatGB, formatGiB } from '../units.ts';
import { bySize, pickOf } from './facts.ts';
import { mdInline } from './escape.ts';
import { bold, bullets, linkTo, para, rigPath, table } from './mdx.ts';
import type { ReportInput } from './report-input.ts';
import { rigProfileRows } from './rig-profile.ts';
import type { Cell } from './table-types.ts';
import { formatParams, formatTokens, headroomText, measuredSpeed, PLACEMENT_LABEL, predictedSpeed, QUALITY_LABEL } from './words.ts';

const ATTENTION_WORDS: Record<AttentionGroup['kind'], string> = {
  full: 'full attention',
  sliding: 'sliding-window attention',
  mla: 'latent attention (MLA)',
  compressed: 'compressed attention',
  linear: 'linear attention / state-space',
};

function attentionText(groups: AttentionGroup[]): string {
  return groups.map((g) => `${g.layers} layers of ${ATTENTION_WORDS[g.kind]}${g.kind === 'sliding' ? ` (${g.window.toLocaleString('en-US')}-token window)` : g.kind === 'compressed' ? ` (one cache entry per ${g.ratio} tokens)` : ''}`).join('; ');
}

export function specTable(input: ReportInput): string {
  const m = input.model.data;
  const moe = m.moe ? ` (MoE: ${m.moe.experts} experts, ${m.moe.experts_per_token} per token${m.moe.shared_experts ? `, ${m.moe.shared_experts} shared` : ''})` : ' (dense)';
  const rows: Cell[][] = [
    ['Made by', m.vendor],
    ['Released', m.released],
    ['Total parameters', formatParams(m.parameters.total_billions)],
    ['Active per token', `${formatParams(m.parameters.active_billions ?? m.parameters.total_billions)}${moe}`],
    ['Architecture', m.architecture],
    ['Attention', attentionText(m.attention.groups)],
    ['Context window', formatTokens(m.max_context_tokens)],
    ['Released weights', `${m.native.dtype}${m.native.size === undefined ? '' : `, ${formatGB(m.native.size)}`}`],
    ['Licence', m.licence],
  ];
  const intro = `${m.name} has ${formatParams(m.parameters.total_billions)} parameters${m.moe ? `, of which ${formatParams(m.parameters.active_billions ?? m.parameters.total_billions)} work on each token` : ''}. For memory the total is what counts: every weight has to sit somewhere the GPU can reach, even the experts a token does not use.`;
  return [para(intro), table({ caption: `${m.name}: the model`, columns: ['Spec', 'Value'], rows, rowHeaders: true })].join('\n\n');
}

export function rigTable(input: ReportInput): string {
  const { rig, result: r } = input.house;
  const d = rig.data;
  const names = Object.fromEntries(Object.values(input.engines).map((e) => [e.id, e.name]));
  const rows: Cell[][] = [
    ...rigProfileRows(d, names),
    ['Memory for this model', `${formatGiB(r.memoryBytes.gpu)} GPU + ${formatGiB(r.memoryBytes.ram)} RAM = ${formatGiB(r.memoryBytes.total)}`],
  ];
  const intro = `The rig is ${d.name}.${d.summary ? ` ${d.summary}` : ''} Not all of its memory goes to the model: the GPU keeps room for its driver, the compute buffer and a safety margin, and the operating system keeps part of the RAM. The last row is what is left for weights and KV cache.`;
  const more = `${linkTo(rigPath(rig.id), `Everything else on ${d.name}`)}${mdInline(': what actually runs on it, and every model\'s verdict.')}`;
  return [para(intro), table({ caption: `${d.name}: the rig`, columns: ['Part', 'Spec'], rows, rowHeaders: true }), more].join('\n\n');
}

function qualityCell(q: QuantResult): string {
  if (q.removed) return `${QUALITY_LABEL[q.quality]}: pulled ${q.removed}`;
  return q.qualityReason === 'override' ? `${QUALITY_LABEL[q.quality]} (sourced)` : QUALITY_LABEL[q.quality];
}

function quantRow(q: QuantResult, pick: string | null): Cell[] {
  const name = q.name === pick ? `${q.name} (pick)` : q.name;
  return [
    q.repo ? { text: name, href: q.repo, strong: q.name === pick } : { text: name, strong: q.name === pick },
    formatGB(q.weightsBytes),
    q.bitsPerWeight.toFixed(2),
    qualityCell(q),
    `${PLACEMENT_LABEL[q.placement]}, ${headroomText(q)}`,
    q.placement === 'none' ? '—' : predictedSpeed(q.decodeTokensPerSecond),
    measuredSpeed(q.measuredTokensPerSecond),
  ];
}

export function quantTable(input: ReportInput): string {
  const { result: r, rig } = input.house;
  const files = bySize(r.quants);
  if (files.length === 0) return para(`No file of ${input.model.data.name} was published by ${input.asOf}, so there is nothing to place on this rig.`);
  const pick = pickOf(r);
  const intro = `Every published file of ${input.model.data.name} as of ${input.asOf}, smallest first, placed on ${rig.data.name} with a ${r.contextTokens.toLocaleString('en-US')}-token context (${r.kvPrecision} KV cache). Sizes are file sizes in GB (10^9 bytes); memory left free, or missing, is in GiB (2^30 bytes). Quality follows bits per weight unless a measurement says otherwise; files their makers pulled count as broken.${pick ? ` The pick is ${pick.name}: the smallest good-enough file in the fastest place it fits.` : ''}`;
  const notes = files.filter((q) => input.model.data.quants.find((d) => d.name === q.name)?.note);
  const noteList = notes.map((q) => `${bold(q.name)}: ${para(input.model.data.quants.find((d) => d.name === q.name)!.note!)}`);
  return [
    para(intro),
    table({
      caption: `Every file of ${input.model.data.name} on ${rig.data.name}`,
      columns: ['File', 'Size (GB)', 'Bits per weight', 'Quality', 'Where it lands (memory free or over, GiB)', 'Predicted decode', 'Measured decode'],
      rows: files.map((q) => quantRow(q, r.pick)),
      rowHeaders: true,
      numeric: [1, 2, 5, 6],
      highlight: pick ? files.indexOf(pick) : null,
    }),
    ...(noteList.length > 0 ? [para('Notes on the files, from the data:'), bullets(noteList)] : []),
  ].join('\n\n');
}
