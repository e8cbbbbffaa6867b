import { limits } from '../../../contract/generated/limits.gen';
import { localStorageResumeStore, RESUME_STORAGE_KEY } from './resumeStore';

const file = { name: 'clip.mp4', size: 12_582_912, lastModified: 1_700_000_000_000 };

test('aSavedUploadIsFoundByNameSizeAndLastModified', () => {
  const store = localStorageResumeStore();
  store.save({ ...file, uploadId: 'up_1', savedAt: Date.now() });

  expect(localStorageResumeStore().find({ ...file })?.uploadId).toBe('up_1');
  expect(store.find({ ...file, size: file.size + 1 })).toBeUndefined();
  expect(store.find({ ...file, lastModified: 1 })).toBeUndefined();
  expect(store.find({ ...file, name: 'other.mp4' })).toBeUndefined();
});

test('savingTheSameFileAgainReplacesItsUploadAndRemoveForgetsIt', () => {
  const store = localStorageResumeStore();
  store.save({ ...file, uploadId: 'up_1', savedAt: Date.now() });
  store.save({ ...file, uploadId: 'up_2', savedAt: Date.now() });
  store.save({ ...file, name: 'b.mp4', uploadId: 'up_3', savedAt: Date.now() });

  expect(store.find(file)?.uploadId).toBe('up_2');
  store.remove(file);
  expect(store.find(file)).toBeUndefined();
  expect(store.find({ ...file, name: 'b.mp4' })?.uploadId).toBe('up_3');
});

test('recordsOlderThanASessionsLifetimeAreIgnored', () => {
  const lifetimeMs = limits.upload.sessionTtlHours * 60 * 60 * 1000;
  const store = localStorageResumeStore();
  store.save({ ...file, uploadId: 'up_old', savedAt: Date.now() - lifetimeMs - 1 });

  expect(store.find(file)).toBeUndefined();
});

test.each([
  ['not json', '{oops'],
  ['not a list', '{"uploadId":"up_1"}'],
  ['a hostile upload id', JSON.stringify([{ ...file, uploadId: '../../admin', savedAt: Date.now() }])],
  ['missing fields', JSON.stringify([{ uploadId: 'up_1' }])],
])('storedValuesThatDoNotParseAreIgnored (%s)', (_, raw) => {
  window.localStorage.setItem(RESUME_STORAGE_KEY, raw);

  expect(localStorageResumeStore().find(file)).toBeUndefined();
});
