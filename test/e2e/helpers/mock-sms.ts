/**
 * A stand-in for iExec's SMS (Secret Management Service), only for the `iexec` SDK's preflight
 * checks: before signing a TEE-tagged dataset order or a request order that uses a dataset, or
 * before filling such orders, the SDK asks the SMS whether the dataset's secret exists
 * (`HEAD /secrets/web3?secretAddress=<dataset>`). It answers 200 to every HEAD or GET and 404 to
 * anything else, and records each request. It runs in the test process, on a free loopback port.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

export interface SmsRequest {
    method: string;
    url: string;
}

export interface MockSms {
    /** Base URL, for the `sms` key of `chain.json`. */
    url: string;
    /** Every request received, in order. */
    requests: SmsRequest[];
    close(): Promise<void>;
}

export async function startMockSms(): Promise<MockSms> {
    const requests: SmsRequest[] = [];
    const server: Server = createServer((req, res) => {
        requests.push({ method: req.method ?? '', url: req.url ?? '' });
        if (req.method === 'HEAD' || req.method === 'GET') {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(req.method === 'GET' ? '{}' : undefined);
        } else {
            res.writeHead(404);
            res.end();
        }
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}
