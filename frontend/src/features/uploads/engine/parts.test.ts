import { limits } from '../../../contract/generated/limits.gen';
import { backoffDelay, defaultRetryPolicy, sleep } from './backoff';
import { bytesOfParts, missingParts, partCount, partRange, partSize } from './parts';

const MiB = 1024 * 1024;
const chunk = limits.upload.chunkSizeBytes;

test('aTwelveMebibyteFileHasThreePartsTheLastOneShort', () => {
  expect(chunk).toBe(5 * MiB);
  expect(partCount(12 * MiB, chunk)).toBe(3);
  expect(partRange(1, chunk, 12 * MiB)).toEqual({ partNumber: 1, start: 0, end: 5 * MiB });
  expect(partRange(3, chunk, 12 * MiB)).toEqual({ partNumber: 3, start: 10 * MiB, end: 12 * MiB });
  expect(partSize(3, chunk, 12 * MiB)).toBe(2 * MiB);
});

test('anExactMultipleOfTheChunkSizeHasNoEmptyLastPart', () => {
  expect(partCount(10 * MiB, chunk)).toBe(2);
  expect(partSize(2, chunk, 10 * MiB)).toBe(5 * MiB);
  expect(partCount(1, chunk)).toBe(1);
});

test('theLargestFileStaysWithinTheMaximumPartCount', () => {
  expect(partCount(limits.upload.maxFileSizeBytes, chunk)).toBeLessThanOrEqual(limits.upload.maxParts);
});

test('missingPartsAreTheOnesNotStoredInAscendingOrder', () => {
  expect(missingParts(5, [4, 1])).toEqual([2, 3, 5]);
  expect(missingParts(3, [])).toEqual([1, 2, 3]);
  expect(missingParts(2, [1, 2, 9])).toEqual([]);
});

test('bytesOfPartsIgnoresPartNumbersOutsideTheFile', () => {
  expect(bytesOfParts([1, 3], 10, 25)).toBe(15);
  expect(bytesOfParts([0, 4, 99], 10, 25)).toBe(0);
});

test('backoffUsesFullJitterBelowAnExponentialCeilingWithACap', () => {
  const policy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 4_000 };
  expect(backoffDelay(0, policy, () => 0)).toBe(0);
  expect(backoffDelay(0, policy, () => 0.999)).toBe(499);
  expect(backoffDelay(1, policy, () => 0.5)).toBe(500);
  expect(backoffDelay(2, policy, () => 0.5)).toBe(1000);
  expect(backoffDelay(10, policy, () => 0.5)).toBe(2000);
  expect(backoffDelay(3, defaultRetryPolicy, () => 0.999)).toBeLessThan(defaultRetryPolicy.maxDelayMs);
});

test('sleepRejectsWithAnAbortErrorWhenAborted', async () => {
  const controller = new AbortController();
  const sleeping = sleep(60_000, controller.signal);
  controller.abort();
  await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
  await expect(sleep(1, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
});
