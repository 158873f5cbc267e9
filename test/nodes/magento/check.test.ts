import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { magentoSoapTransportNode } from '../../../nodes/magento/transport/definition.ts';
import { checkNode } from '../../../runtime/testing/index.ts';
import { startMagentoFixture, type MagentoFixture } from '../../fixtures/magento/index.ts';
import { ALL_MODES } from '../../fixtures/magento/test-client.ts';

const KEY = 'secret-key-123';
const check = (wsdlUrl: string, extra: Record<string, unknown> = {}) =>
  checkNode({ definition: magentoSoapTransportNode, nodeId: 'soap', config: { wsdlUrl, apiUser: 'oro', apiKey: KEY, timeoutMs: 3000, ...extra } });

/** A local server answering every request with `body`. */
async function serve(body: string, type: string, tls?: { key: string; cert: string }): Promise<{ url: string; server: Server }> {
  const handler = (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': type }).end(body);
  const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/index.php/api/v2_soap/?wsdl=1`, server };
}

const OTHER_WSDL = `<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:Hello"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:Hello" name="Hello">
  <message name="sayHelloRequest"><part name="name" type="xsd:string"/></message>
  <message name="sayHelloResponse"><part name="greeting" type="xsd:string"/></message>
  <portType name="HelloPort"><operation name="sayHello"><input message="tns:sayHelloRequest"/><output message="tns:sayHelloResponse"/></operation></portType>
  <binding name="HelloBinding" type="tns:HelloPort"><soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="sayHello"><soap:operation soapAction="sayHello"/><input><soap:body use="literal" namespace="urn:Hello"/></input>
    <output><soap:body use="literal" namespace="urn:Hello"/></output></operation></binding>
  <service name="HelloService"><port name="HelloPort" binding="tns:HelloBinding"><soap:address location="http://127.0.0.1/hello"/></port></service>
</definitions>`;

describe.each(ALL_MODES)('magento.soap-transport check against a working shop (%s)', (mode) => {
  let shop: MagentoFixture;
  beforeAll(async () => {
    shop = await startMagentoFixture({ mode });
  });
  afterAll(() => shop.close());

  it('logs in, lists the store views and ends the session', async () => {
    const result = await check(shop.wsdlUrl, { wsiMode: mode === 'wsi' });
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Logged in to .* as "oro": 4 store views \(3 active\) on 2 websites/);
    expect(result.details).toMatchObject({ style: mode === 'wsi' ? 'wsi' : 'rpc', storeViews: 4, websites: 2 });
    expect(shop.stats.calls.endSession).toBe(1);
  });

  it('says when wsiMode does not match the WSDL', async () => {
    const result = await check(shop.wsdlUrl, { wsiMode: mode !== 'wsi' });
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/set wsiMode to/);
  });
});

describe('magento.soap-transport check says plainly what failed', () => {
  let shop: MagentoFixture;
  const servers: Server[] = [];
  beforeAll(async () => {
    shop = await startMagentoFixture({ mode: 'rpc-php' });
  });
  afterAll(async () => {
    await shop.close();
    for (const server of servers) server.close();
  });

  it('a refused user or key (fault 2), without the key', async () => {
    const result = await checkNode({ definition: magentoSoapTransportNode, config: { wsdlUrl: shop.wsdlUrl, apiUser: 'oro', apiKey: 'not-the-key' } });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/refused the API user "oro" or its API key \(fault 2/);
    expect(JSON.stringify(result)).not.toContain('not-the-key');
    expect(result.details).toMatchObject({ field: 'apiKey' });
  });

  it('a WSDL URL that answers 404', async () => {
    const result = await check(`${shop.url}index.php/api/nothing-here/?wsdl=1`);
    expect(result).toMatchObject({ ok: false, details: { field: 'wsdlUrl' } });
    expect(result.message).toMatch(/answered HTTP 404; check wsdlUrl/);
  });

  it('a refused connection', async () => {
    const closed = await startMagentoFixture();
    await closed.close();
    const result = await check(closed.wsdlUrl);
    expect(result.message).toMatch(/refused the connection \(ECONNREFUSED\)/);
  });

  it('a host name that does not resolve', async () => {
    const result = await check('http://magento-shop.invalid/index.php/api/v2_soap/?wsdl=1');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/does not resolve \(DNS|sent no reply/);
  });

  it('an HTML page instead of a WSDL', async () => {
    const html = await serve('<!DOCTYPE html><html><body><h1>Welcome to our shop</h1></body></html>', 'text/html');
    servers.push(html.server);
    const result = await check(html.url);
    expect(result.message).toMatch(/did not return a WSDL/);
  });

  it('a WSDL that is not Magento\'s SOAP v2 API', async () => {
    const other = await serve(OTHER_WSDL, 'text/xml');
    servers.push(other.server);
    const result = await check(other.url);
    expect(result.message).toMatch(/is a WSDL, but not Magento's SOAP API v2/);
  });

  it('an untrusted TLS certificate', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tributary-tls-'));
    try {
      const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'),
        '-out', path.join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { encoding: 'utf8' });
      expect(made.status).toBe(0);
      const tls = await serve(OTHER_WSDL, 'text/xml', { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8') });
      servers.push(tls.server);
      const result = await check(tls.url);
      expect(result.message).toMatch(/TLS connection to https:\/\/127\.0\.0\.1:\d+ failed \(\w*SELF_SIGNED\w*\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a login that takes longer than timeoutMs', async () => {
    shop.hooks.failNext(1, 'delay', { operation: 'login', ms: 1500 });
    const result = await check(shop.wsdlUrl, { timeoutMs: 300 });
    expect(result.message).toMatch(/sent no reply to login within 300 ms \(timeoutMs\)/);
  });
});
