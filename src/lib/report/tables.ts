// The model's spec table, the rig's table and the table of every file against the rig.
// Each comes with the sentence that says what to look for in it.
import type { AttentionGroup } from '../schema/attention.ts';
import type { QuantResult } from '../fit/types.ts';
import { formatFileSize, formatGiB } from '../units.ts';
import { bySize, pickOf } from './facts.ts';
import { mdInline } from './escape.ts';
import { bold, bullets, folded, linkTo, para, rigPath, table } from './mdx.ts';
import type { ReportInput } from './report-input.ts';
import { rigProfileRows } from './rig-profile.ts';
import type { Cell } from './table-types.ts';
import { dateCell, formatParams, formatTokens, headroomText, measuredSpeed, PLACEMENT_LABEL, predictedSpeed, QUALITY_LABEL } from './words.ts';

const ATTENTION_WORDS: Record<AttentionGroup['kind'], string> = {
  full: 'full attention',
  sliding: 'sliding-window attention',
  mla: 'latent attention (MLA)',
  compressed: 'compressed attention',
  linear: 'linear attention / state-space',
};

/** The data's own words when it has them (a kind the schema does not name, e.g. CCA), else the groups' kinds. */
function attentionText(attention: { description?: string; groups: AttentionGroup[] }): string {
  if (attention.description) return attention.description;
  return attention.groups.map((g) => `${g.layers} layers of ${ATTENTION_WORDS[g.kind]}${g.kind === 'sliding' ? ` (${g.window.toLocaleString('en-US')}-token window)` : g.kind === 'compressed' ? ` (one cache entry per ${g.ratio} tokens)` : ''}`).join('; ');
}

export function specTable(input: ReportInput): string {
  const m = input.model.data;
  const moe = m.moe ? ` (MoE: ${m.moe.experts} experts, ${m.moe.experts_per_token} per token${m.moe.shared_experts ? `, ${m.moe.shared_experts} shared` : ''})` : ' (dense)';
  const rows: Cell[][] = [
    ['Made by', m.vendor],
    ['Released', dateCell(m.released, m.released_precision)],
    ['Total parameters', formatParams(m.parameters.total_billions)],
    ['Active per token', `${formatParams(m.parameters.active_billions ?? m.parameters.total_billions)}${moe}`],
    ['Architecture', m.architecture],
    ['Attention', attentionText(m.attention)],
    ['Context window', formatTokens(m.max_context_tokens)],
    ['Released weights', `${m.native.dtype}${m.native.size === undefined ? '' : `, ${formatFileSize(m.native.size)}`}`],
    ['Licence', m.licence],
  ];
  const intro = m.moe ? 'For memory every expert counts, even those a token skips: all must sit where the GPU can reach them.' : '';
  return [intro ? para(intro) : '', table({ caption: `${m.name}: the model`, columns: ['Spec', 'Value'], rows, rowHeaders: true })].filter((x) => x !== '').join('\n\n');
}

export function rigTable(input: ReportInput): string {
  const { rig, result: r } = input.house;
  const d = rig.data;
  const names = Object.fromEntries(Object.values(input.engines).map((e) => [e.id, e.name]));
  const rows: Cell[][] = [
    ...rigProfileRows(d, names),
    ['Memory for this model', `${formatGiB(r.memoryBytes.gpu)} GPU + ${formatGiB(r.memoryBytes.ram)} RAM = ${formatGiB(r.memoryBytes.total)}`],
  ];
  const intro = `${d.summary ? `${d.summary} ` : ''}The last row is what the model gets once the driver, compute buffer, margin and OS have their share.`;
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
    formatFileSize(q.weightsBytes),
    q.bitsPerWeight.toFixed(2),
    qualityCell(q),
    `${PLACEMENT_LABEL[q.placement]}, ${headroomText(q)}`,
    q.placement === 'none' ? '—' : predictedSpeed(q.decodeTokensPerSecondAtJudgedDepth),
    measuredSpeed(q.measuredTokensPerSecond),
  ];
}

export function quantTable(input: ReportInput): string {
  const { result: r, rig } = input.house;
  const files = bySize(r.quants);
  if (files.length === 0) return para(`No file of ${input.model.data.name} was published by ${input.asOf}, so there is nothing to place on this rig.`);
  const pick = pickOf(r);
  const released = dateCell(input.model.data.released, input.model.data.released_precision);
  const intro = `Every file published by ${input.asOf}, smallest first, with a ${r.contextTokens.toLocaleString('en-US')}-token context (${r.kvPrecision} KV cache). A file without a publication date is counted from the model's release day (${released}). Speeds are predicted at ${r.judgedDepthTokens.toLocaleString('en-US')} tokens deep, as the verdict judges.`;
  const notes = files.filter((q) => input.model.data.quants.find((d) => d.name === q.name)?.note);
  const noteList = notes.map((q) => `${bold(q.name)}: ${para(input.model.data.quants.find((d) => d.name === q.name)!.note!)}`);
  return [
    para(intro),
    table({
      caption: `Every file of ${input.model.data.name} on ${rig.data.name}`,
      columns: ['File', 'Size, GiB (GB listed)', 'Bits per weight', 'Quality', 'Where it lands (GiB free or over)', 'Predicted decode', 'Measured decode (empty context)'],
      rows: files.map((q) => quantRow(q, r.pick)),
      rowHeaders: true,
      numeric: [1, 2, 5, 6],
      highlight: pick ? files.indexOf(pick) : null,
    }),
    ...(noteList.length > 0 ? [folded(`Notes on ${notes.length === 1 ? 'one file' : `${notes.length} files`}, from the data`, bullets(noteList))] : []),
  ].join('\n\n');
}
