// Measured rows no memory bandwidth allows, and measurements of a model before it existed.
// Decode reads every weight a token uses once per token, so tokens per second is at most
// bandwidth / bytes per token (see src/lib/fit/decode-speed.ts); a faster row names the wrong
// rig, model or quant, or is a prefill figure in the decode column.
import type { Catalogue, Entry } from './catalogue.ts';
import type { Problem } from './problem.ts';
import type { MeasurementFile, ModelData, RigData } from '../schema/index.ts';
import { bandwidthText, bytesText, round } from './semantic-text.ts';
import { typeBits } from './semantic-type-bits.ts';

/** Room for what beats the bound for real: speculative decoding, caches larger than a layer. */
const DECODE_MARGIN = 1.3;

export function checkMeasurement(entry: Entry<MeasurementFile>, catalogue: Catalogue): Problem[] {
  const models = new Map(catalogue.models.map((m) => [m.id, m]));
  const rigs = new Map(catalogue.rigs.map((r) => [r.id, r.data]));
  const problems: Problem[] = [];
  const dateChecked = new Set<string>();
  entry.data.rows.forEach((row, i) => {
    const model = models.get(row.model);
    const rig = rigs.get(row.rig);
    // A dangling model or rig is cross-check.ts's to report.
    if (!model) return;
    // One date problem per model, at its first row: the file's date is one line to fix.
    const dated = dateChecked.has(row.model) ? undefined : checkDate(entry, i, model);
    dateChecked.add(row.model);
    if (dated) problems.push(dated);
    if (rig && row.decode_tokens_per_second !== undefined) {
      const fast = checkDecode(entry.file, i, row.decode_tokens_per_second, model.data, row.quant, rig, row.rig);
      if (fast) problems.push(fast);
    }
  });
  return problems;
}

/** The fewest bytes one token can read: the whole file for a dense model, the active share for MoE. */
function bytesPerToken(model: ModelData, quantName: string): number | undefined {
  const quant = model.quants.find((q) => q.name === quantName);
  if (!quant) return undefined;
  const { total_billions: total, active_billions: active = total } = model.parameters;
  // An MoE without a credible active count is reported in its own file (semantic-counts.ts);
  // judging its rows by the whole file would add a second, misleading message.
  if (model.moe && active >= total && model.moe.experts_per_token < model.moe.experts) return undefined;
  const bits = quant.type === undefined ? undefined : typeBits(quant.type)?.high;
  const size = quant.size ?? (bits === undefined ? undefined : (total * 1e9 * bits) / 8);
  return size === undefined ? undefined : (size * Math.min(active, total)) / total;
}

/** The most the rig can read per second: every card at once, or its RAM, whichever is more. */
function peakBandwidth(rig: RigData): number {
  const cards = rig.gpus.reduce((sum, g) => sum + g.bandwidth * g.count, 0);
  return Math.max(cards, rig.system_ram.bandwidth);
}

function checkDecode(file: string, i: number, measured: number, model: ModelData, quant: string, rig: RigData, rigId: string): Problem | undefined {
  const bytes = bytesPerToken(model, quant);
  if (bytes === undefined) return undefined;
  const bandwidth = peakBandwidth(rig);
  const bound = bandwidth / bytes;
  if (measured <= bound * DECODE_MARGIN) return undefined;
  const moe = (model.parameters.active_billions ?? model.parameters.total_billions) < model.parameters.total_billions;
  return {
    file,
    path: ['rows', i, 'decode_tokens_per_second'],
    expected: `at most about ${round(bound * DECODE_MARGIN)} tokens per second: ${rigId} reads memory at ${bandwidthText(bandwidth)} at most, and each token reads ${moe ? 'at least the active share of' : 'all of'} ${model.name}'s ${quant} (${bytesText(bytes)}), so ${round(bound)} tokens per second, with ${DECODE_MARGIN}x room for speculative decoding and caching`,
    found: `${round(measured)} tokens per second in row ${i + 1}, ${round(measured / bound)}x what the bandwidth allows`,
    hint: 'check that the row names the rig, model and quant that were measured, and that the figure is decode (tg128), not prefill (pp512)',
  };
}

/** A model cannot be measured before it was released, unless the file says another model stood in. */
function checkDate(entry: Entry<MeasurementFile>, i: number, model: Entry<ModelData>): Problem | undefined {
  const { date, hardware_note } = entry.data;
  const released = model.data.released;
  // "on or before": the model may have been out earlier than its date says.
  if (date >= released || model.data.released_precision === 'on-or-before') return undefined;
  // A measurement of an earlier model with the same shape, named as a stand-in (xiongjiedai-llama3.yaml:
  // Llama 3 8B rows for llama-3.1-8b), is dated correctly and says so.
  if (hardware_note !== undefined && /\bstand(s)?[ -]in\b/i.test(hardware_note)) return undefined;
  return {
    file: entry.file,
    path: ['rows', i, 'model'],
    expected: `a model released on or before this file's date (${date}): ${model.data.name} was released ${released}`,
    found: `"${model.id}" (row ${i + 1}${rowsOf(entry, model.id) > 1 ? ` and ${rowsOf(entry, model.id) - 1} more` : ''}), measured ${date}, before its release`,
    hint: `check the file's date (the day the numbers were published) and ${model.file}'s released; if an earlier model with the same shape stood in, say so in hardware_note ("... stand in for ${model.id}")`,
  };
}

const rowsOf = (entry: Entry<MeasurementFile>, model: string) => entry.data.rows.filter((r) => r.model === model).length;
