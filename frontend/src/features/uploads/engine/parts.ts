/** Part arithmetic of a multipart upload: part n (1-based) holds bytes [(n − 1)·chunkSize, n·chunkSize). */

export interface PartRange {
  partNumber: number;
  /** First byte, inclusive. */
  start: number;
  /** Last byte, exclusive. */
  end: number;
}

export function partCount(fileSize: number, chunkSize: number): number {
  return Math.ceil(fileSize / chunkSize);
}

export function partRange(partNumber: number, chunkSize: number, fileSize: number): PartRange {
  const start = (partNumber - 1) * chunkSize;
  return { partNumber, start, end: Math.min(start + chunkSize, fileSize) };
}

export function partSize(partNumber: number, chunkSize: number, fileSize: number): number {
  const { start, end } = partRange(partNumber, chunkSize, fileSize);
  return end - start;
}

/** Part numbers 1…total that are not in `stored`, ascending. */
export function missingParts(total: number, stored: Iterable<number>): number[] {
  const have = new Set(stored);
  const missing: number[] = [];
  for (let part = 1; part <= total; part += 1) {
    if (!have.has(part)) missing.push(part);
  }
  return missing;
}

/** Bytes of the given parts together (parts outside 1…total count nothing). */
export function bytesOfParts(parts: Iterable<number>, chunkSize: number, fileSize: number): number {
  const total = partCount(fileSize, chunkSize);
  let bytes = 0;
  for (const part of parts) {
    if (part >= 1 && part <= total) bytes += partSize(part, chunkSize, fileSize);
  }
  return bytes;
}
