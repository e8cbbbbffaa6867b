// @vitest-environment node
import { formatBytes } from './bytes';

test('bytesAreShownInBinaryUnits', () => {
  expect(formatBytes(512)).toBe('512 bytes');
  expect(formatBytes(5 * 1024 * 1024)).toBe('5 MiB');
  expect(formatBytes(5 * 1024 ** 3)).toBe('5 GiB');
  expect(formatBytes(1536)).toBe('1.5 KiB');
});
