// `npm run test:browser` (discovery part) against the real local cloud (KINORA_URL): two creators sign up, their
// public videos (plus a private one that must never show) are written into the local DynamoDB the way transcode
// leaves them, views land in the hourly buckets, the trending job is fired through /_kinora/trigger, and a viewer
// subscribes to one creator. Then: the home feed starts with the subscription's newest upload, /trending filters by
// a category chip, the channel page switches Latest/Popular, the watch page shows "Up next" — the private video
// nowhere. Screenshots (light and dark, desktop and phone): test-results/discovery-*.png.
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseUrl, check, launchChromium, runJourney } from './lib/journey.mjs';

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results');
const TIMEOUT_MS = 20_000;
const PASSWORD = 'a long and quiet river';
const run = Math.random().toString(36).slice(2, 8);
/**
 * Sign-up is rate limited per source IP and the other browser scripts sign up from 127.0.0.1 (playback from
 * 127.0.0.77): this script's sign-ups come from a loopback address of their own (Linux routes all of 127.0.0.0/8
 * there), picked per run so that running it again against the same cloud is not refused either.
 */
const LOCAL_ADDRESS = `127.0.1.${2 + Math.floor(Math.random() * 250)}`;

/** A JSON POST to the front door from LOCAL_ADDRESS; resolves to { status, body }. */
function post(pathname, payload) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(payload);
    const request = http.request(
      new URL(pathname, baseUrl),
      {
        method: 'POST',
        localAddress: LOCAL_ADDRESS,
        headers: {
          'Content-Type': 'application/json',
          'X-Requested-With': 'kinora',
          'Content-Length': Buffer.byteLength(data),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.end(data);
  });
}

async function resources() {
  const answer = await fetch(`${baseUrl}/_kinora/resources`);
  return answer.json();
}

function physical(description, logicalId) {
  const resource = description.resources[logicalId];
  return resource.physicalName ?? resource.name ?? resource.physicalId ?? resource;
}

/** One DynamoDB JSON-protocol call to the local cloud's DynamoDB (it does not check signatures). */
async function dynamo(endpoint, action, body) {
  const answer = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': `DynamoDB_20120810.${action}`,
      Authorization:
        'AWS4-HMAC-SHA256 Credential=local/20261202/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${action}: ${answer.status} ${await answer.text()}`);
  return answer.json();
}

async function signUp(handle, name) {
  let answer;
  // a 500 from the front door is a function that timed out starting (a loaded machine); the next call is warm
  for (let attempt = 0; attempt < 3; attempt += 1) {
    answer = await post('/api/v1/auth/signup', {
      email: `${handle}@example.com`,
      password: PASSWORD,
      handle,
      displayName: name,
    });
    if (answer.status !== 500) break;
  }
  if (answer.status !== 201) throw new Error(`sign-up ${handle}: ${answer.status} ${answer.text}`);
  const body = JSON.parse(answer.text);
  return { handle, email: `${handle}@example.com`, userId: body.data.userId, channelId: body.data.channel.id };
}

const PALETTE = [
  ['#4f46e5', '#06b6d4'],
  ['#db2777', '#f59e0b'],
  ['#059669', '#84cc16'],
  ['#7c3aed', '#ec4899'],
  ['#0ea5e9', '#22d3ee'],
  ['#ea580c', '#facc15'],
  ['#334155', '#64748b'],
  ['#be123c', '#fb7185'],
];

/** A poster as a data URL: a gradient with the title, so each card is recognisable in the screenshots. */
function poster(index, title) {
  const [from, to] = PALETTE[index % PALETTE.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="640" height="360" fill="url(#g)"/><text x="40" y="320" font-family="sans-serif" font-size="40" font-weight="700" fill="white" opacity="0.9">${title}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

let counter = 0;
async function putVideo(endpoint, table, owner, { title, categories, tags, ageHours, views, visibility = 'public' }) {
  counter += 1;
  const id = `${run}${String(counter).padStart(5, '0')}`.slice(0, 11).padEnd(11, 'x');
  const created = new Date(Date.now() - ageHours * 3_600_000);
  const item = {
    id: { S: id },
    ownerId: { S: owner.userId },
    channelId: { S: owner.channelId },
    title: { S: title },
    description: { S: `${title} — a short film for the discovery journey.` },
    tags: { L: tags.map((t) => ({ S: t })) },
    categories: { L: categories.map((c) => ({ S: c })) },
    visibility: { S: visibility },
    status: { S: 'ready' },
    resolutions: { L: [{ S: '360p' }] },
    durationSeconds: { N: String(45 + counter * 37) },
    thumbnailUrl: { S: poster(counter, title) },
    createdAt: { S: created.toISOString() },
    publishedAt: { S: new Date(created.getTime() + 300_000).toISOString() },
  };
  if (views > 0) item.viewCount = { N: String(views) };
  await dynamo(endpoint, 'PutItem', { TableName: table, Item: item });
  return id;
}

function hourKey(date) {
  return date.toISOString().slice(0, 13).replace(/[-T]/g, '');
}

function crc32(text) {
  let c = 0xffffffff;
  for (const byte of Buffer.from(text)) {
    c ^= byte;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** Views in an hour bucket, keyed exactly like shared ViewBuckets (shards from limits.json). */
async function bucketViews(endpoint, table, shards, videoId, hoursAgo, views) {
  const hour = new Date(Date.now() - hoursAgo * 3_600_000);
  await dynamo(endpoint, 'PutItem', {
    TableName: table,
    Item: {
      pk: { S: `VIEWS#${hourKey(hour)}#${crc32(videoId) % shards}` },
      sk: { S: videoId },
      views: { N: String(views) },
      expiresAt: { N: String(Math.floor(Date.now() / 1000) + 86_400) },
    },
  });
}

/** The video ids of the cards in `scope`, in order (the title links point at /watch/<id>). */
async function listed(scope) {
  const hrefs = await scope
    .locator('h3 a[href^="/watch/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  return hrefs.map((href) => href.slice('/watch/'.length));
}

async function shot(page, name) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(resultsDir, `discovery-${name}.png`), fullPage: false });
}

async function journey() {
  await mkdir(resultsDir, { recursive: true });
  const description = await resources();
  const endpoint = description.dynamodb;
  const videosTable = physical(description, 'VideosTable');
  const discoveryTable = physical(description, 'DiscoveryTable');
  const engagementTable = physical(description, 'EngagementTable');
  const limits = (await import('../../shared/contract/limits.json', { with: { type: 'json' } })).default;
  const shards = limits.discovery.trending.viewBucketShards;

  const ada = await signUp(`ada${run}`, 'Ada Makes Music');
  const lin = await signUp(`lin${run}`, 'Lin on the Lathe');
  const viewer = await signUp(`viewer${run}`, 'Vera Viewer');

  const videos = [
    [ada, { title: 'Modular synth jam', categories: ['music'], tags: ['synth', 'live'], ageHours: 2, views: 840 }],
    [
      ada,
      { title: 'Drum machine basics', categories: ['music', 'education'], tags: ['drums'], ageHours: 30, views: 2200 },
    ],
    [ada, { title: 'Field recordings', categories: ['music'], tags: ['ambient'], ageHours: 200, views: 12 }],
    [lin, { title: 'Turning a walnut bowl', categories: ['woodwork'], tags: ['lathe'], ageHours: 5, views: 3100 }],
    [
      lin,
      {
        title: 'Sharpening gouges',
        categories: ['woodwork', 'education'],
        tags: ['lathe', 'tools'],
        ageHours: 50,
        views: 560,
      },
    ],
    [lin, { title: 'Shop tour 2026', categories: ['woodwork'], tags: ['tour'], ageHours: 400, views: 0 }],
  ];
  const ids = [];
  for (const [owner, video] of videos) ids.push(await putVideo(endpoint, videosTable, owner, video));
  const secret = await putVideo(endpoint, videosTable, ada, {
    title: 'Private demo take',
    categories: ['music'],
    tags: ['synth'],
    ageHours: 1,
    views: 9999,
    visibility: 'private',
  });
  const hourly = [120, 40, 15, 300, 25, 0];
  for (const [index, id] of ids.entries()) {
    if (hourly[index] > 0) await bucketViews(endpoint, discoveryTable, shards, id, index % 3, hourly[index]);
  }
  await bucketViews(endpoint, discoveryTable, shards, secret, 0, 5000);
  const trigger = await fetch(`${baseUrl}/_kinora/trigger/TrendingFunction`, { method: 'POST' });
  check('the trending job runs', trigger.ok, await trigger.text());
  await dynamo(endpoint, 'PutItem', {
    TableName: engagementTable,
    Item: {
      pk: { S: `USER#${viewer.userId}` },
      sk: { S: `SUB#${ada.channelId}` },
      channelId: { S: ada.channelId },
      subscriberId: { S: viewer.userId },
      notify: { S: 'all' },
      createdAt: { S: new Date().toISOString() },
    },
  });
  // the subscription's newest upload: published minutes ago, no views yet
  const newest = await putVideo(endpoint, videosTable, ada, {
    title: 'New: tape loops',
    categories: ['music'],
    tags: ['tape'],
    ageHours: 0.2,
    views: 0,
  });

  const browser = await launchChromium();
  try {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);

      await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
      await page.getByRole('heading', { name: 'Trending now' }).waitFor();
      await page.getByRole('link', { name: 'Turning a walnut bowl' }).first().waitFor();
      const home = await listed(page.getByRole('main'));
      check(
        `${scheme}: anonymous home is trending (fresh burst before an old video)`,
        home.indexOf(ids[3]) >= 0 && home.indexOf(ids[3]) < home.indexOf(ids[2]),
        home.join(' '),
      );
      check(`${scheme}: the private video is not on the home page`, !home.includes(secret));
      await shot(page, `home-anonymous-${scheme}`);

      await page.getByRole('navigation', { name: 'Browse' }).getByRole('link', { name: 'Trending' }).click();
      await page.getByRole('heading', { name: 'Trending', level: 1 }).waitFor();
      await page.getByRole('list', { name: 'Categories' }).getByRole('button', { name: 'woodwork' }).click();
      await page.getByRole('link', { name: 'Sharpening gouges' }).first().waitFor();
      const woodwork = await listed(page.getByRole('main'));
      check(
        `${scheme}: the woodwork chip lists woodwork only`,
        woodwork.includes(ids[3]) && woodwork.includes(ids[4]) && !ids.slice(0, 3).some((id) => woodwork.includes(id)),
        woodwork.join(' '),
      );
      await shot(page, `trending-${scheme}`);

      await page.goto(`${baseUrl}/c/${lin.handle}`, { waitUntil: 'domcontentloaded' });
      await page.getByRole('link', { name: 'Shop tour 2026' }).first().waitFor();
      await page.getByRole('tab', { name: 'Popular' }).click();
      await page.waitForTimeout(500);
      const popular = await listed(page.getByRole('main'));
      check(
        `${scheme}: popular tab orders by views, the unviewed last`,
        popular.join(' ') === [ids[3], ids[4], ids[5]].join(' '),
        popular.join(' '),
      );
      await shot(page, `channel-${scheme}`);

      await page.goto(`${baseUrl}/watch/${ids[3]}`, { waitUntil: 'domcontentloaded' });
      const upNext = page.getByRole('complementary', { name: 'Up next' });
      await upNext.getByRole('link', { name: 'Sharpening gouges' }).first().waitFor();
      const related = await listed(upNext);
      check(
        `${scheme}: up next has the same channel, never the video itself or the private one`,
        related.includes(ids[4]) && !related.includes(ids[3]) && !related.includes(secret),
        related.join(' '),
      );
      await shot(page, `watch-related-${scheme}`);
      await context.close();
    }

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
    await page.getByRole('link', { name: 'New: tape loops' }).first().waitFor();
    const feed = await listed(page.getByRole('main'));
    check('the subscriber feed starts with the new upload', feed[0] === newest, feed.join(' '));
    check('the private video is not in the feed', !feed.includes(secret));
    await shot(page, 'home-subscriber-light');

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const mobile = await phone.newPage();
    await mobile.goto(`${baseUrl}/watch/${ids[0]}`, { waitUntil: 'domcontentloaded' });
    await mobile.getByRole('complementary', { name: 'Up next' }).waitFor({ timeout: TIMEOUT_MS });
    await mobile.getByRole('complementary', { name: 'Up next' }).scrollIntoViewIfNeeded();
    await shot(mobile, 'watch-related-phone-dark');
    await mobile.goto(`${baseUrl}/trending`, { waitUntil: 'domcontentloaded' });
    await mobile.getByRole('link', { name: 'Turning a walnut bowl' }).first().waitFor({ timeout: TIMEOUT_MS });
    await shot(mobile, 'trending-phone-dark');
  } finally {
    await browser.close();
  }
}

await runJourney('discovery', journey, resultsDir);
