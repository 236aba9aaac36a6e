// Numbers the engine derives once per model: parameters split into the part every token
// reads and the routed experts only some tokens read.
import type { ModelData } from '../schema/index.ts';

export interface ModelProfile {
  totalParams: number;
  activeParams: number;
  /** Routed-expert parameters (0 for dense models). */
  expertParams: number;
  /** Fraction of routed-expert parameters one token reads (k / E). */
  expertActiveFraction: number;
  layers: number;
}

/**
 * For MoE, total = D + X and active = D + (k/E)·X, where X is the routed experts and D
 * everything every token reads (attention, shared experts, embeddings). Solving gives
 * X = (total − active) / (1 − k/E): the split follows from figures every model card states.
 */
const profiles = new WeakMap<ModelData, ModelProfile>();

export function modelProfile(model: ModelData): ModelProfile {
  let profile = profiles.get(model);
  if (!profile) profiles.set(model, (profile = computeProfile(model)));
  return profile;
}

function computeProfile(model: ModelData): ModelProfile {
  const totalParams = model.parameters.total_billions * 1e9;
  const activeParams = (model.parameters.active_billions ?? model.parameters.total_billions) * 1e9;
  let expertParams = 0;
  let expertActiveFraction = 0;
  if (model.moe && activeParams < totalParams) {
    expertActiveFraction = Math.min(1, model.moe.experts_per_token / model.moe.experts);
    expertParams = expertActiveFraction < 1 ? Math.min(totalParams, (totalParams - activeParams) / (1 - expertActiveFraction)) : 0;
  }
  return { totalParams, activeParams, expertParams, expertActiveFraction, layers: model.attention.layers };
}
