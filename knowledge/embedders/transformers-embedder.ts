/**
 * Embedder running a sentence-embedding ONNX model (e.g. bge-small-zh) through transformers.js from a
 * local folder, fully offline: remote downloads are disabled, so a missing file fails at once with
 * the folder named instead of reaching for a model hub. The library and the ONNX session load
 * lazily on the first call, since they take time and memory that builtin-only runs never need.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Embedder } from '../contracts.ts';
import { EmbedderModelMissingError } from '../errors/embedder-model-missing-error.ts';

export interface TransformersEmbedderOptions {
  /** The model folder (holding config.json, tokenizer.json, onnx/model.onnx). */
  modelPath: string;
  /**
   * When given, `modelPath` is the folder of models and this the model's sub-folder name; otherwise
   * `modelPath` is the model folder itself.
   */
  model?: string;
  /** ONNX weights variant: `fp32` loads onnx/model.onnx, `q8` onnx/model_quantized.onnx. */
  dtype?: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';
  /** Text put before queries only (bge models expect an instruction there). */
  queryInstruction?: string;
  maxBatchSize?: number;
}

type FeatureExtractor = (
  texts: string[],
  options: { pooling: 'mean'; normalize: boolean },
) => Promise<{ tolist(): unknown; dims: number[] }>;

export class TransformersEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly maxBatchSize: number;
  private readonly folder: string;
  private readonly root: string;
  private readonly name: string;
  private readonly options: TransformersEmbedderOptions;
  private extractor?: Promise<FeatureExtractor>;

  /** Checks the folder and reads the model's width from config.json; loads nothing heavy yet. */
  constructor(options: TransformersEmbedderOptions) {
    this.options = options;
    this.root = options.model
      ? path.resolve(options.modelPath)
      : path.dirname(path.resolve(options.modelPath));
    this.name = options.model ?? path.basename(path.resolve(options.modelPath));
    this.folder = path.join(this.root, this.name);
    this.dimensions = readHiddenSize(this.folder);
    this.maxBatchSize = options.maxBatchSize ?? 32;
    this.id = `transformers:${this.name}${options.dtype && options.dtype !== 'fp32' ? `:${options.dtype}` : ''}`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const extractor = await this.load();
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    return output.tolist() as number[][];
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([(this.options.queryInstruction ?? '') + text]);
    return vector;
  }

  private load(): Promise<FeatureExtractor> {
    this.extractor ??= (async () => {
      const onnxFile = path.join(
        this.folder,
        'onnx',
        this.options.dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx',
      );
      for (const file of ['tokenizer.json', 'tokenizer_config.json']) {
        if (!existsSync(path.join(this.folder, file))) {
          throw new EmbedderModelMissingError(this.folder, `${file} is missing`);
        }
      }
      if (this.options.dtype === undefined || this.options.dtype === 'fp32' || this.options.dtype === 'q8') {
        if (!existsSync(onnxFile)) {
          throw new EmbedderModelMissingError(
            this.folder,
            `${path.relative(this.folder, onnxFile)} is missing`,
          );
        }
      }
      const transformers = await import('@huggingface/transformers');
      // Global switches of the library: this process only ever loads models from local folders.
      transformers.env.allowRemoteModels = false;
      transformers.env.allowLocalModels = true;
      transformers.env.localModelPath = this.root + path.sep;
      try {
        const pipe = await transformers.pipeline('feature-extraction', this.name, {
          dtype: this.options.dtype ?? 'fp32',
          local_files_only: true,
        });
        return pipe as unknown as FeatureExtractor;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new EmbedderModelMissingError(this.folder, `the model could not be loaded (${reason})`, {
          cause: error,
        });
      }
    })();
    // A failed load is not cached, so fixing the folder does not need a restart.
    this.extractor.catch(() => (this.extractor = undefined));
    return this.extractor;
  }
}

function readHiddenSize(folder: string): number {
  if (!existsSync(folder)) throw new EmbedderModelMissingError(folder, 'the folder does not exist');
  const configFile = path.join(folder, 'config.json');
  if (!existsSync(configFile)) throw new EmbedderModelMissingError(folder, 'config.json is missing');
  let config: { hidden_size?: unknown; dim?: unknown; d_model?: unknown };
  try {
    config = JSON.parse(readFileSync(configFile, 'utf8')) as typeof config;
  } catch (error) {
    throw new EmbedderModelMissingError(folder, 'config.json is not valid JSON', { cause: error });
  }
  const size = [config.hidden_size, config.dim, config.d_model].find((value) => typeof value === 'number');
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
    throw new EmbedderModelMissingError(folder, 'config.json gives no hidden_size');
  }
  return size;
}
