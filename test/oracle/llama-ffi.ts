// The real llama.cpp, called directly: node-llama-cpp's prebuilt CPU libraries
// (@node-llama-cpp/linux-x64) through koffi, because node-llama-cpp's own API hard-codes
// kv_unified = false (llama/addon/AddonContext.cpp) and adds 1 to n_ubatch for SWA models,
// while llama-server runs 4 slots with a unified KV cache and n_ubatch 512
// (tools/server/server.cpp, "n_parallel is set to auto, using n_parallel = 4 and kv_unified = true").
// Structs copied field by field from the pinned source, include/llama.h
// (llama_model_params, llama_context_params); the bundled source is
// node_modules/node-llama-cpp/llama/gitRelease.bundle.
import { createRequire } from 'node:module';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(here, 'package.json'));
export const BINS = path.join(here, 'node_modules/@node-llama-cpp/linux-x64/bins/linux-x64');

/** CPU variant, chosen rather than left to ggml's scoring: the AMX one (sapphirerapids)
 * repacks weights and aborted on MLA; haswell (AVX2) runs on any x86-64 CI runner, x64 is the fallback. */
const CPU_VARIANTS = ['libggml-cpu-haswell.so', 'libggml-cpu-x64.so'];

export interface ContextOptions {
  nCtx: number;
  nUbatch: number;
  nSeqMax: number;
  kvUnified: boolean;
  flashAttention: boolean;
  /** ggml type id for K and V: 1 f16, 8 q8_0. */
  kvType: number;
  /** llama-server sets n_outputs_max = slots x (1 + draft) (tools/server/server-context.cpp server_output_limits). */
  nOutputsMax: number;
}

interface Llama {
  /** The CPU backend library that loaded. */
  cpuVariant: string;
  /** Loads the model, creates a context, frees both, and returns every log line llama.cpp printed. */
  run(file: string, options: ContextOptions): string[];
}

let instance: Llama | null = null;

export function loadLlama(): Llama {
  if (instance) return instance;
  const koffi = require('koffi');
  const ggml = koffi.load(path.join(BINS, 'libggml.v0.5.0.so'));
  const lib = koffi.load(path.join(BINS, 'libllama.v0.5.0.so'));

  const ModelParams = koffi.struct('llama_model_params', {
    devices: 'void *', tensor_buft_overrides: 'void *',
    n_gpu_layers: 'int32_t', split_mode: 'int32_t', load_mode: 'int32_t', lazy_mode: 'int32_t', main_gpu: 'int32_t',
    tensor_split: 'void *', progress_callback: 'void *', progress_callback_user_data: 'void *', kv_overrides: 'void *',
    vocab_only: 'bool', check_tensors: 'bool', use_extra_bufts: 'bool', no_host: 'bool', no_alloc: 'bool', load_mtp: 'bool',
  });
  const ContextParams = koffi.struct('llama_context_params', {
    n_ctx: 'uint32_t', n_batch: 'uint32_t', n_ubatch: 'uint32_t', n_seq_max: 'uint32_t', n_rs_seq: 'uint32_t',
    n_outputs_max: 'uint32_t', n_outputs_max_per_seq: 'uint32_t', n_threads: 'int32_t', n_threads_batch: 'int32_t',
    ctx_type: 'int32_t', rope_scaling_type: 'int32_t', pooling_type: 'int32_t', attention_type: 'int32_t', flash_attn_type: 'int32_t',
    rope_freq_base: 'float', rope_freq_scale: 'float', yarn_ext_factor: 'float', yarn_attn_factor: 'float',
    yarn_beta_fast: 'float', yarn_beta_slow: 'float', yarn_orig_ctx: 'uint32_t', defrag_thold: 'float',
    cb_eval: 'void *', cb_eval_user_data: 'void *', type_k: 'int32_t', type_v: 'int32_t',
    abort_callback: 'void *', abort_callback_data: 'void *',
    embeddings: 'bool', offload_kqv: 'bool', no_perf: 'bool', op_offload: 'bool', swa_full: 'bool', kv_unified: 'bool',
    samplers: 'void *', n_samplers: 'size_t', ctx_other: 'void *',
  });
  const LogCallback = koffi.proto('void ggml_log_callback(int level, const char *text, void *user_data)');

  const fn = {
    backendInit: lib.func('void llama_backend_init(void)'),
    backendLoad: ggml.func('void *ggml_backend_load(const char *path)'),
    logSet: lib.func('void llama_log_set(ggml_log_callback *cb, void *user_data)'),
    modelDefaults: lib.func('llama_model_params llama_model_default_params(void)'),
    contextDefaults: lib.func('llama_context_params llama_context_default_params(void)'),
    loadModel: lib.func('void *llama_model_load_from_file(const char *path, llama_model_params params)'),
    freeModel: lib.func('void llama_model_free(void *model)'),
    initContext: lib.func('void *llama_init_from_model(void *model, llama_context_params params)'),
    freeContext: lib.func('void llama_free(void *ctx)'),
  };
  void [ModelParams, ContextParams]; // registered by name for the prototypes above

  let lines: string[] = [];
  let partial = '';
  // llama.cpp logs synchronously from the calling thread while it loads and reserves,
  // sometimes a line in pieces (LLAMA_LOG_CONT): join them before splitting.
  const callback = koffi.register((_level: number, text: string) => {
    partial += text;
    const parts = partial.split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
  }, koffi.pointer(LogCallback));
  fn.logSet(callback, null);
  fn.backendInit();
  const cpuVariant = CPU_VARIANTS.find((v) => fn.backendLoad(path.join(BINS, v)) !== null);
  if (!cpuVariant) throw new Error('no CPU backend of node-llama-cpp loads on this machine');

  instance = {
    cpuVariant,
    run(file, o) {
      lines = [];
      partial = '';
      const mp = fn.modelDefaults();
      mp.use_extra_bufts = false; // no CPU_REPACK copies of the weights
      const model = fn.loadModel(file, mp);
      if (!model) throw new Error(`llama.cpp did not load ${file}:\n${lines.slice(-5).join('\n')}`);
      try {
        const cp = fn.contextDefaults();
        Object.assign(cp, {
          n_ctx: o.nCtx, n_batch: Math.max(o.nUbatch, 2048), n_ubatch: o.nUbatch, n_seq_max: o.nSeqMax,
          n_outputs_max: o.nOutputsMax, n_outputs_max_per_seq: 1, n_threads: 1, n_threads_batch: 1,
          flash_attn_type: o.flashAttention ? 1 : 0, type_k: o.kvType, type_v: o.kvType, kv_unified: o.kvUnified,
          swa_full: false, // common_params' default (common/common.h); the C API's default is true
        });
        const ctx = fn.initContext(model, cp);
        if (!ctx) throw new Error(`llama.cpp did not create a context for ${file}:\n${lines.slice(-5).join('\n')}`);
        fn.freeContext(ctx);
      } finally {
        fn.freeModel(model);
      }
      return lines;
    },
  };
  return instance;
}
