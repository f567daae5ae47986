import { createRuntime, loadConfig } from '@chamados/core';
import { createHttpServer } from './app.ts';

const config = loadConfig();
const runtime = await createRuntime(config);
const server = createHttpServer(runtime);
server.listen(config.port);
process.once('SIGTERM', async () => {
  server.closeAllConnections();
  await runtime.close();
  process.exit(0);
});
