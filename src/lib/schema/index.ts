// Every data schema, by collection name. Plain `zod`, so tests, the CLI and the
// browser import these without Astro; src/content.config.ts reuses them.
import { engineSchema } from './engine.ts';
import { measurementSchema } from './measurement.ts';
import { modelSchema } from './model.ts';
import { rigSchema } from './rig.ts';

export const schemas = {
  models: modelSchema,
  rigs: rigSchema,
  engines: engineSchema,
  measurements: measurementSchema,
} as const;

export type CollectionName = keyof typeof schemas;
export const COLLECTIONS = Object.keys(schemas) as CollectionName[];

export { engineSchema, measurementSchema, modelSchema, rigSchema };
export type { EngineData } from './engine.ts';
export type { MeasurementFile, MeasurementRow } from './measurement.ts';
export type { ModelData, QuantData, SupportEvent, SupportStatus, QualityTier } from './model.ts';
export type { RigData, GpuData } from './rig.ts';
