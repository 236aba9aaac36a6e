// The compact JSON the calculator island reads: only what the engine needs, emitted at build.
import type { Catalogue } from '../data/catalogue.ts';
import { newestDataDate } from '../data/catalogue.ts';
import type { KvPrecision } from '../fit/types.ts';
import type { EngineData, ModelData } from '../schema/index.ts';
import { fieldsFromRig, type CalculatorFields } from './custom-rig.ts';

export interface CalculatorData {
  asOf: string;
  engines: Record<string, Pick<EngineData, 'name' | 'formats' | 'offload' | 'launch'>>;
  models: { id: string; data: ModelData }[];
  presets: { id: string; name: string; fields: CalculatorFields }[];
  defaults: CalculatorFields;
}

function compactModel(m: ModelData): ModelData {
  return {
    name: m.name, vendor: m.vendor, released: m.released, licence: '', architecture: m.architecture,
    parameters: m.parameters, attention: m.attention, moe: m.moe, vocab_size: m.vocab_size,
    max_context_tokens: m.max_context_tokens, native: m.native,
    quants: m.quants.map((q) => ({ name: q.name, format: q.format, type: q.type, size: q.size, repo: q.repo, published: q.published, removed: q.removed, quality: q.quality })),
    support: Object.fromEntries(Object.entries(m.support).map(([e, events]) => [e, events.map((ev) => ({ status: ev.status, date: ev.date }))])),
    sources: [],
  };
}

/** Strip undefined so the JSON is as small as it can be. */
const clean = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function calculatorData(catalogue: Catalogue, modelIds: string[] | null, houseRig: string, contextTokens: number, kv: KvPrecision = 'f16'): CalculatorData {
  const models = catalogue.models.filter((m) => modelIds === null || modelIds.includes(m.id));
  const house = catalogue.rigs.find((r) => r.id === houseRig) ?? catalogue.rigs[0]!;
  return clean({
    asOf: newestDataDate(catalogue),
    engines: Object.fromEntries(catalogue.engines.map((e) => [e.id, { name: e.data.name, formats: e.data.formats, offload: e.data.offload, launch: e.data.launch }])),
    models: models.map((m) => ({ id: m.id, data: compactModel(m.data) })),
    presets: catalogue.rigs.map((r) => ({ id: r.id, name: r.data.name, fields: fieldsFromRig(r.data, contextTokens, kv) })),
    defaults: fieldsFromRig(house.data, contextTokens, kv),
  });
}
