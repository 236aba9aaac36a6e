// The validated data as plain objects: what the engine, the report generator and the
// pages read. Entries are sorted by id so output never depends on file-system order.
import type { EngineData, MeasurementFile, ModelData, RigData } from '../schema/index.ts';

export interface Entry<T> {
  id: string;
  /** Path as contributors see it, for messages. */
  file: string;
  data: T;
}

export interface Catalogue {
  models: Entry<ModelData>[];
  rigs: Entry<RigData>[];
  engines: Entry<EngineData>[];
  measurements: Entry<MeasurementFile>[];
}

export function byId<T>(entries: Entry<T>[]): Map<string, Entry<T>> {
  return new Map(entries.map((e) => [e.id, e]));
}

export function sortEntries<T>(entries: Entry<T>[]): Entry<T>[] {
  return [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The newest date anywhere in the data: the default "as of" (never the clock). */
const newestDates = new WeakMap<Catalogue, string>();

export function newestDataDate(catalogue: Catalogue): string {
  let date = newestDates.get(catalogue);
  if (date === undefined) newestDates.set(catalogue, (date = computeNewestDate(catalogue)));
  return date;
}

function computeNewestDate(catalogue: Catalogue): string {
  const dates: string[] = [];
  for (const { data } of catalogue.models) {
    dates.push(data.released);
    for (const q of data.quants) {
      if (q.published) dates.push(q.published);
      if (q.removed) dates.push(q.removed);
    }
    for (const events of Object.values(data.support)) for (const e of events) dates.push(e.date);
  }
  for (const { data } of catalogue.measurements) dates.push(data.date);
  return dates.reduce((a, b) => (b > a ? b : a), '1970-01-01');
}
