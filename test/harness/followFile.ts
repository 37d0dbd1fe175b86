import * as fs from 'node:fs';

/** Streams what is appended to a file, like `tail -f`, until stopped. */
export function followFile(file: string, onText: (text: string) => void): { flush(): Promise<void>; stop(): void } {
  let offset = 0;
  const readNew = (): void => {
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      return;
    }
    if (size <= offset) return;
    const buffer = Buffer.alloc(size - offset);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, buffer, 0, buffer.length, offset);
    } finally {
      fs.closeSync(fd);
    }
    offset = size;
    onText(buffer.toString('utf8'));
  };
  const timer = setInterval(readNew, 200);
  return {
    flush: async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      readNew();
    },
    stop: () => {
      clearInterval(timer);
      readNew();
    },
  };
}
