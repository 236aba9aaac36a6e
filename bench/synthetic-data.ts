// A synthetic catalogue for build benchmarks: N models and R rigs written as YAML into a
// folder laid out like data/, with realistic shapes made by scaling the real catalogue's
// files (parameter counts, layers, quant sizes and dates varied per copy), not N copies of
// one file. Deterministic: the same N and R give the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { HOUSE_RIG } from '../src/site-config.ts';

const DATA = path.resolve(import.meta.dirname, '../data');

/** Small deterministic generator (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const readYaml = (dir: string) =>
  fs.readdirSync(path.join(DATA, dir)).sort().map((f) => ({ id: f.replace(/\.yaml$/, ''), text: fs.readFileSync(path.join(DATA, dir, f), 'utf8') }));

function scaleSize(size: unknown, factor: number): unknown {
  if (typeof size !== 'string') return size;
  const m = /^([0-9.]+)\s?(.*)$/.exec(size);
  return m ? `${(Number(m[1]) * factor).toFixed(2)} ${m[2]}` : size;
}

function shiftDate(date: unknown, days: number): unknown {
  if (typeof date !== 'string') return date;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function writeSyntheticData(target: string, models: number, rigs: number, seed = 7): void {
  const rand = random(seed);
  for (const dir of ['models', 'rigs', 'engines', 'measurements']) fs.mkdirSync(path.join(target, dir), { recursive: true });
  for (const e of readYaml('engines')) fs.writeFileSync(path.join(target, 'engines', `${e.id}.yaml`), e.text);
  const realModels = readYaml('models');
  // Exactly `rigs` rigs, the house rig among them, so builds of one size stay comparable as
  // the real catalogue grows: the first real ones, then variants of them.
  const house = readYaml('rigs').filter((r) => r.id === HOUSE_RIG);
  const realRigs = [...house, ...readYaml('rigs').filter((r) => r.id !== HOUSE_RIG)].slice(0, rigs);
  // Measurements keep the real rows on the rigs kept: the calibration table on /methodology/ reads them.
  const kept = new Set(realRigs.map((r) => r.id));
  for (const m of readYaml('measurements')) {
    const file = parse(m.text);
    file.rows = file.rows.filter((r: { rig: string }) => kept.has(r.rig));
    if (file.rows.length > 0) fs.writeFileSync(path.join(target, 'measurements', `${m.id}.yaml`), `# yaml-language-server: $schema=../../schemas/measurements.schema.json\n${stringify(file)}`);
  }
  for (let i = 0; i < rigs; i++) {
    const base = realRigs[i % realRigs.length]!;
    if (i < realRigs.length) {
      fs.writeFileSync(path.join(target, 'rigs', `${base.id}.yaml`), base.text);
      continue;
    }
    const rig = parse(base.text);
    const id = `${base.id}-v${i}`;
    rig.name = `${rig.name} (variant ${i})`;
    delete rig.daily_driver;
    fs.writeFileSync(path.join(target, 'rigs', `${id}.yaml`), `# yaml-language-server: $schema=../../schemas/rigs.schema.json\n${stringify(rig)}`);
  }
  // The real catalogue first (pages and posts refer to it), then scaled variants of it.
  for (let i = 0; i < models; i++) {
    const base = realModels[i % realModels.length]!;
    if (i < realModels.length) {
      fs.writeFileSync(path.join(target, 'models', `${base.id}.yaml`), base.text);
      continue;
    }
    const model = parse(base.text);
    const factor = 0.5 + rand() * 1.5;
    model.name = `${model.name} synthetic ${i}`;
    // One shift for every date of the copy, so its history keeps its order (nothing before its release).
    const shift = Math.floor(rand() * 400);
    model.released = shiftDate(model.released, shift);
    for (const events of Object.values((model.support ?? {}) as Record<string, { date: string }[]>)) for (const e of events) e.date = shiftDate(e.date, shift) as string;
    model.parameters.total_billions = Number((model.parameters.total_billions * factor).toFixed(2));
    if (model.parameters.active_billions) model.parameters.active_billions = Number((model.parameters.active_billions * factor).toFixed(2));
    if (model.native?.size) model.native.size = scaleSize(model.native.size, factor);
    for (const q of model.quants ?? []) {
      q.size = scaleSize(q.size, factor);
      if (q.tensor_sizes) q.tensor_sizes = { experts: scaleSize(q.tensor_sizes.experts, factor), other: scaleSize(q.tensor_sizes.other, factor) };
      if (q.published) q.published = shiftDate(q.published, shift);
      if (q.removed) q.removed = shiftDate(q.removed, shift);
    }
    fs.writeFileSync(path.join(target, 'models', `${base.id}-s${i}.yaml`), `# yaml-language-server: $schema=../../schemas/models.schema.json\n${stringify(model)}`);
  }
}

if (import.meta.main) {
  const [target, models, rigs] = process.argv.slice(2);
  if (!target) throw new Error('usage: node bench/synthetic-data.ts <folder> <models> <rigs>');
  writeSyntheticData(path.resolve(target), Number(models ?? 100), Number(rigs ?? 20));
}
