// Development only: serves the built SPA (vite preview) with a stand-in for GET /api/v1/health, so the shell and
// `npm run test:browser` can be tried before the local cloud exists. Not used by the test command.
//   npm run build && npm run serve:stub   ->  http://127.0.0.1:4173
import { createServer } from 'node:http';
import { preview } from 'vite';

const previewPort = Number(process.env.PORT ?? 4173);

const api = createServer((request, response) => {
  const send = (status, body) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (request.method === 'GET' && request.url === '/api/v1/health') {
    send(200, { data: { status: 'ok', service: 'kinora-stub', version: 'dev', time: new Date().toISOString() } });
  } else {
    send(404, { error: { code: 'NOT_FOUND', message: 'The stub only answers GET /api/v1/health.' } });
  }
});

await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
const { port: apiPort } = api.address();
process.env.KINORA_API_URL = `http://127.0.0.1:${apiPort}`; // read by vite.config.ts for its /api proxy

const server = await preview({ preview: { host: '127.0.0.1', port: previewPort, strictPort: true } });
server.printUrls();
console.log(`stub API on ${process.env.KINORA_API_URL}; stop with Ctrl-C`);

const stop = () => {
  api.close();
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
