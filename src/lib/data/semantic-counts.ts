// Counts in a model file that contradict each other: layers, heads, experts, parameters.
// Only rules no real model breaks: head_dim x heads need not equal hidden_size (Gemma, Qwen3.5
// and gpt-oss all differ), so that is not checked.
import type { Entry } from './catalogue.ts';
import type { Problem } from './problem.ts';
import type { ModelData } from '../schema/index.ts';

export function checkCounts(entry: Entry<ModelData>): Problem[] {
  return [...checkLayers(entry), ...checkHeads(entry), ...checkExperts(entry)];
}

function checkLayers({ file, data }: Entry<ModelData>): Problem[] {
  const { layers, groups } = data.attention;
  const sum = groups.reduce((n, g) => n + g.layers, 0);
  // The schema already refuses fewer (except with compressed groups, which it leaves open on
  // purpose); more means a block counted twice or an MTP layer counted.
  if (sum <= layers) return [];
  return [{
    file,
    path: ['attention', 'groups'],
    expected: `groups whose layers add up to attention.layers (${layers}): each block has one attention kind`,
    found: `${groups.map((g) => `${g.layers} ${g.kind}`).join(' + ')} = ${sum} layers, ${sum - layers} more than ${layers}`,
    hint: 'count each block once, and leave out MTP/draft layers (num_nextn_predict_layers); or fix attention.layers (num_hidden_layers)',
  }];
}

function checkHeads({ file, data }: Entry<ModelData>): Problem[] {
  const heads = data.attention.heads;
  if (heads === undefined) return [];
  const problems: Problem[] = [];
  data.attention.groups.forEach((g, i) => {
    if (!('kv_heads' in g)) return;
    // Grouped-query attention shares each KV head among heads / kv_heads query heads.
    if (g.kv_heads <= heads && heads % g.kv_heads === 0) return;
    problems.push({
      file,
      path: ['attention', 'groups', i, 'kv_heads'],
      expected: `a number of KV heads that divides attention.heads (${heads}) evenly (one of ${divisors(heads).join(', ')}): query heads share KV heads in equal groups`,
      found: `${g.kv_heads} KV heads for ${heads} query heads`,
      hint: g.kv_heads > heads
        ? 'kv_heads is num_key_value_heads and heads is num_attention_heads in config.json: they may be swapped'
        : 'copy num_key_value_heads and num_attention_heads from config.json again',
    });
  });
  return problems;
}

function divisors(n: number): number[] {
  const list: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) list.push(d);
  return list;
}

function checkExperts({ file, data }: Entry<ModelData>): Problem[] {
  const problems: Problem[] = [];
  const { total_billions: total, active_billions: active } = data.parameters;
  if (active !== undefined && active > total)
    problems.push({
      file,
      path: ['parameters', 'active_billions'],
      expected: `at most total_billions (${total}): a token cannot use more parameters than the model has`,
      found: `the number ${active}`,
      hint: 'the two may be swapped; active is the smaller figure ("35B-A3B": total 35, active 3)',
    });
  const moe = data.moe;
  if (!moe) return problems;
  if (moe.experts_per_token > moe.experts)
    problems.push({
      file,
      path: ['moe', 'experts_per_token'],
      expected: `at most moe.experts (${moe.experts}): a token picks its experts from those`,
      found: `the number ${moe.experts_per_token}`,
      hint: 'experts_per_token is num_experts_per_tok, experts is n_routed_experts / num_experts in config.json: they may be swapped',
    });
  // With every expert used per token the model is dense in practice and active == total is right.
  if ((active === undefined || active === total) && moe.experts_per_token < moe.experts)
    problems.push({
      file,
      path: ['parameters', 'active_billions'],
      expected: `fewer active than total parameters (${total}B): each token uses ${moe.experts_per_token} of ${moe.experts} experts, e.g. "35B-A3B" is active_billions: 3`,
      found: active === undefined ? 'nothing (the field is missing), so the model is read as dense' : `the number ${active}, the same as total_billions`,
      hint: 'add active_billions from the model card (the "A3B" in a name); without it every token is read as reading every expert, and decode speed is far too low',
    });
  if (moe.dense_leading_layers !== undefined && moe.dense_leading_layers >= data.attention.layers)
    problems.push({
      file,
      path: ['moe', 'dense_leading_layers'],
      expected: `fewer than attention.layers (${data.attention.layers}): the blocks after them hold the experts`,
      found: `the number ${moe.dense_leading_layers}`,
      hint: 'dense_leading_layers is first_k_dense_replace in config.json (3 for DeepSeek V3)',
    });
  return problems;
}
