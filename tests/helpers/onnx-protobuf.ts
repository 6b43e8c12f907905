/**
 * A minimal protocol-buffers writer, enough to encode ONNX ModelProto messages by hand in tests:
 * varints, length-delimited fields (strings, bytes, nested messages) and packed repeated values.
 * Fields are written in the order given; protobuf readers accept any order.
 */

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;

export class ProtobufWriter {
  private readonly parts: Uint8Array[] = [];

  private push(bytes: Uint8Array | number[]): void {
    this.parts.push(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
  }

  private tag(field: number, wireType: number): void {
    this.push(encodeVarint(BigInt((field << 3) | wireType)));
  }

  /** int32 / int64 / enum / bool field. */
  varint(field: number, value: number | bigint | boolean): this {
    this.tag(field, WIRE_VARINT);
    this.push(encodeVarint(BigInt(typeof value === 'boolean' ? Number(value) : value)));
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.push(encodeVarint(BigInt(value.length)));
    this.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, build: (writer: ProtobufWriter) => void): this {
    const nested = new ProtobufWriter();
    build(nested);
    return this.bytes(field, nested.finish());
  }

  /** Packed repeated int64 (e.g. TensorProto.dims). */
  packedVarints(field: number, values: Array<number | bigint>): this {
    const body = values.flatMap((value) => [...encodeVarint(BigInt(value))]);
    return this.bytes(field, Uint8Array.from(body));
  }

  finish(): Uint8Array {
    const total = this.parts.reduce((sum, part) => sum + part.length, 0);
    const result = new Uint8Array(total);
    let offset = 0;
    for (const part of this.parts) {
      result.set(part, offset);
      offset += part.length;
    }
    return result;
  }
}

/** Base-128 varint; negative numbers as 64-bit two's complement, as protobuf does for int64. */
export function encodeVarint(value: bigint): Uint8Array {
  let remaining = value < 0n ? (1n << 64n) + value : value;
  const bytes: number[] = [];
  do {
    let byte = Number(remaining & 0x7fn);
    remaining >>= 7n;
    if (remaining > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (remaining > 0n);
  return Uint8Array.from(bytes);
}
