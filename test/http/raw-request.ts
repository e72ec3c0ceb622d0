/** A request written straight to the socket, for what a client library would not send: a head that announces more than comes. */
import { connect } from 'node:net';

/**
 * Sends the head of `POST path` announcing `contentLength` bytes and only the
 * first few of them, and resolves with the response head as soon as it
 * arrives (the socket is then closed).
 */
export function responseHeadForLength(serviceUrl: string, path: string, contentLength: number): Promise<string> {
  const { port } = new URL(serviceUrl);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml\r\nContent-Length: ${contentLength}\r\n\r\n<?xml`);
    });
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (received.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on('error', reject);
  });
}
