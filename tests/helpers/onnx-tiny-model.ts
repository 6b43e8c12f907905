/**
 * Generates a tiny sentence-embedding model folder for transformers.js, so tests of the local-model
 * path run offline with no downloaded weights: an ONNX graph `input_ids → Gather(embedding table) →
 * last_hidden_state` (attention_mask is accepted and multiplied in, as a real encoder would use it),
 * a BERT config, and a WordPiece tokenizer over a handful of Chinese characters.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ProtobufWriter } from './onnx-protobuf.ts';

// ONNX TensorProto.DataType values.
const FLOAT = 1;
const INT64 = 7;

export const TINY_SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;
export const TINY_CHARACTERS = [...'社保卡结婚登记护照营业执照身份证办理'];

export interface TinyModelOptions {
  hiddenSize?: number;
  /** Extra characters for the vocabulary (after the defaults). */
  characters?: string[];
}

/** A deterministic embedding table: every token gets a distinct, non-degenerate row. */
export function tinyEmbeddingTable(vocabularySize: number, hiddenSize: number): number[][] {
  return Array.from({ length: vocabularySize }, (_, token) =>
    Array.from(
      { length: hiddenSize },
      (_, dimension) =>
        Math.sin((token + 1) * (dimension + 1) * 0.7) + (token === dimension % vocabularySize ? 1 : 0),
    ),
  );
}

function valueInfo(
  writer: ProtobufWriter,
  name: string,
  elementType: number,
  dims: Array<number | string>,
): void {
  writer.string(1, name);
  writer.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.varint(1, elementType);
      tensor.message(2, (shape) => {
        for (const dim of dims) {
          shape.message(1, (dimension) =>
            typeof dim === 'number' ? dimension.varint(1, dim) : dimension.string(2, dim),
          );
        }
      });
    }),
  );
}

function floatTensor(writer: ProtobufWriter, name: string, dims: number[], values: number[]): void {
  writer.packedVarints(1, dims);
  writer.varint(2, FLOAT);
  writer.string(8, name);
  const raw = new Uint8Array(new Float32Array(values).buffer);
  writer.bytes(9, raw);
}

function int64Tensor(writer: ProtobufWriter, name: string, dims: number[], values: number[]): void {
  writer.packedVarints(1, dims);
  writer.varint(2, INT64);
  writer.string(8, name);
  writer.bytes(9, new Uint8Array(new BigInt64Array(values.map(BigInt)).buffer));
}

function node(
  writer: ProtobufWriter,
  opType: string,
  inputs: string[],
  outputs: string[],
  attributes: Array<{ name: string; int: number }> = [],
): void {
  for (const input of inputs) writer.string(1, input);
  for (const output of outputs) writer.string(2, output);
  writer.string(3, `${opType}_${outputs[0]}`);
  writer.string(4, opType);
  for (const attribute of attributes) {
    // AttributeProto: name = 1, i = 3, type = 20 (INT = 2).
    writer.message(5, (entry) => entry.string(1, attribute.name).varint(3, attribute.int).varint(20, 2));
  }
}

/** ONNX bytes of the embedding-lookup encoder. */
export function tinyOnnxModel(table: number[][]): Uint8Array {
  const vocabularySize = table.length;
  const hiddenSize = table[0].length;
  const model = new ProtobufWriter();
  model.varint(1, 8); // ir_version 8
  model.string(2, 'daoban-tests');
  model.message(8, (opset) => opset.string(1, '').varint(2, 13));
  model.message(7, (graph) => {
    // last_hidden_state = Gather(table, input_ids) * Unsqueeze(Cast(attention_mask), -1)
    graph.message(1, (entry) =>
      node(entry, 'Gather', ['embedding_table', 'input_ids'], ['token_vectors'], [{ name: 'axis', int: 0 }]),
    );
    graph.message(1, (entry) =>
      node(entry, 'Cast', ['attention_mask'], ['mask_float'], [{ name: 'to', int: FLOAT }]),
    );
    graph.message(1, (entry) => node(entry, 'Unsqueeze', ['mask_float', 'last_axis'], ['mask_expanded']));
    graph.message(1, (entry) =>
      node(entry, 'Mul', ['token_vectors', 'mask_expanded'], ['last_hidden_state']),
    );
    graph.string(2, 'tiny_embedding_lookup');
    graph.message(5, (tensor) =>
      floatTensor(tensor, 'embedding_table', [vocabularySize, hiddenSize], table.flat()),
    );
    graph.message(5, (tensor) => int64Tensor(tensor, 'last_axis', [1], [-1]));
    graph.message(11, (input) => valueInfo(input, 'input_ids', INT64, ['batch', 'sequence']));
    graph.message(11, (input) => valueInfo(input, 'attention_mask', INT64, ['batch', 'sequence']));
    graph.message(12, (output) =>
      valueInfo(output, 'last_hidden_state', FLOAT, ['batch', 'sequence', hiddenSize]),
    );
  });
  return model.finish();
}

function tokenizerJson(vocabulary: string[]): object {
  const vocab = Object.fromEntries(vocabulary.map((token, id) => [token, id]));
  const special = (content: string) => ({
    id: vocab[content],
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: TINY_SPECIAL_TOKENS.map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

export interface TinyModel {
  /** The model folder (what EMBEDDING_MODEL_PATH points to). */
  folder: string;
  vocabulary: string[];
  table: number[][];
  hiddenSize: number;
}

/** Writes the model folder `<parent>/<name>` and returns its description. */
export async function writeTinyModel(
  parent: string,
  name = 'tiny-zh-embedder',
  options: TinyModelOptions = {},
): Promise<TinyModel> {
  const hiddenSize = options.hiddenSize ?? 8;
  const characters = [...new Set([...TINY_CHARACTERS, ...(options.characters ?? [])])];
  const vocabulary = [...TINY_SPECIAL_TOKENS, ...characters];
  const table = tinyEmbeddingTable(vocabulary.length, hiddenSize);
  const folder = path.join(parent, name);
  await mkdir(path.join(folder, 'onnx'), { recursive: true });
  await writeFile(path.join(folder, 'onnx', 'model.onnx'), tinyOnnxModel(table));
  await writeFile(
    path.join(folder, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: hiddenSize,
      vocab_size: vocabulary.length,
      max_position_embeddings: 512,
      pad_token_id: 0,
    }),
  );
  await writeFile(path.join(folder, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocabulary)));
  await writeFile(
    path.join(folder, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      tokenize_chinese_chars: true,
      model_max_length: 512,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[UNK]',
    }),
  );
  return { folder, vocabulary, table, hiddenSize };
}

/** What the model should output for a text: mean of the rows of its tokens ([CLS] … [SEP]), L2-normalised. */
export function expectedTinyEmbedding(model: TinyModel, text: string): number[] {
  const ids = [model.vocabulary.indexOf('[CLS]')];
  for (const character of text) {
    const id = model.vocabulary.indexOf(character);
    ids.push(id >= 0 ? id : model.vocabulary.indexOf('[UNK]'));
  }
  ids.push(model.vocabulary.indexOf('[SEP]'));
  const sum = new Array<number>(model.hiddenSize).fill(0);
  for (const id of ids) model.table[id].forEach((value, dimension) => (sum[dimension] += Math.fround(value)));
  const mean = sum.map((value) => value / ids.length);
  const norm = Math.sqrt(mean.reduce((total, value) => total + value * value, 0));
  return mean.map((value) => value / norm);
}
