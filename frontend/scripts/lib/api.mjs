// The Kinora HTTP API as the browser journeys drive it from Node, for the set-up the journey is not about (sign-ups,
// uploads the journey only watches). Sign-up is rate limited per source IP and the browser itself signs up from
// 127.0.0.1, so each journey's API calls come from its own loopback address (Linux routes 127.0.0.0/8 to loopback).
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { baseUrl } from './journey.mjs';

const TRANSCODE_TIMEOUT_MS = 240_000;
export const PASSWORD = 'a long and quiet river';

/** An API client whose connections come from `localAddress` (e.g. 127.0.0.77). */
export function apiClient(localAddress) {
  function request(method, url, { body, cookie, raw } = {}) {
    return new Promise((resolve, reject) => {
      const target = new URL(url, baseUrl);
      const payload = raw ?? (body === undefined ? undefined : Buffer.from(JSON.stringify(body)));
      const headers = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (payload) headers['content-length'] = String(payload.length);
      if (method !== 'GET' && target.pathname.startsWith('/api/')) headers['x-requested-with'] = 'kinora';
      if (cookie) headers.cookie = cookie;
      const req = http.request(target, { method, headers, localAddress }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, headers: res.headers, json, text });
        });
      });
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  async function expect(status, what, reply) {
    const answered = await reply;
    if (answered.status !== status) throw new Error(`${what}: ${String(answered.status)} ${answered.text}`);
    return answered;
  }

  /** A new account; `session` is the `name=value` cookie pair. */
  async function signUp(prefix, displayName = `${prefix} channel`) {
    const handle = `${prefix}${randomBytes(4).toString('hex')}`;
    const email = `${handle}@example.com`;
    const reply = await expect(
      201,
      'sign-up',
      request('POST', '/api/v1/auth/signup', { body: { email, password: PASSWORD, displayName, handle } }),
    );
    const session = String(reply.headers['set-cookie']?.[0] ?? '').split(';')[0];
    return { handle, email, session, me: reply.json.data };
  }

  /** Uploads `file` through the real multipart flow and publishes it with `metadata`; returns the video id. */
  async function upload(session, file, metadata) {
    const { size } = await stat(file);
    const init = (
      await expect(
        201,
        'upload init',
        request('POST', '/api/v1/uploads', {
          cookie: session,
          body: { filename: file.split('/').at(-1), fileSize: size, mimeType: 'video/mp4' },
        }),
      )
    ).json.data;
    const partNumbers = Array.from({ length: init.totalChunks }, (_, i) => i + 1);
    const { parts } = (
      await expect(
        200,
        'part URLs',
        request('POST', `/api/v1/uploads/${init.id}/parts`, { cookie: session, body: { partNumbers } }),
      )
    ).json.data;
    const bytes = await readFile(file);
    for (const part of parts) {
      const start = (part.partNumber - 1) * init.chunkSize;
      const reply = await request('PUT', part.url, { raw: bytes.subarray(start, start + init.chunkSize) });
      if (reply.status !== 200) throw new Error(`part ${String(part.partNumber)}: ${String(reply.status)}`);
    }
    await expect(
      201,
      'complete',
      request('POST', `/api/v1/uploads/${init.id}/complete`, { cookie: session, body: metadata }),
    );
    return init.videoId;
  }

  /** Polls the video until the transcode made it ready (throws if it failed or took too long). */
  async function waitUntilReady(session, videoId) {
    const started = Date.now();
    for (;;) {
      const video = (await expect(200, 'get video', request('GET', `/api/v1/videos/${videoId}`, { cookie: session })))
        .json.data;
      if (video.status === 'ready') return video;
      if (video.status === 'failed') throw new Error(`transcode failed: ${String(video.failureReason)}`);
      if (Date.now() - started > TRANSCODE_TIMEOUT_MS) throw new Error('the video never became ready');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  return { request, expect, signUp, upload, waitUntilReady };
}

/** Puts an API session into a browser context, so the page is signed in as that account. */
export async function signInContext(context, session) {
  const [name, value] = session.split('=');
  await context.addCookies([{ name, value, url: baseUrl }]);
}
